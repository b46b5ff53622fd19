// Growth and goals (spec section "Growth and goals").
import type { FunctionSpec } from '../registry/types';

export const growthFunctions: FunctionSpec[] = [];

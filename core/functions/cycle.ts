// Cycle and activity (spec section "Cycle and activity").
import type { FunctionSpec } from '../registry/types';

export const cycleFunctions: FunctionSpec[] = [];

// Cost and return (spec section "Cost and return").
import type { FunctionSpec } from '../registry/types';

export const costFunctions: FunctionSpec[] = [];

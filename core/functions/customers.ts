// Customers (spec section "Customers").
import type { FunctionSpec } from '../registry/types';

export const customerFunctions: FunctionSpec[] = [];

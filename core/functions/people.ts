// People, vendors and status (spec section "People, vendors and status").
import type { FunctionSpec } from '../registry/types';

export const peopleFunctions: FunctionSpec[] = [];

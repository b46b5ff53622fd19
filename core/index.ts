// Public surface of the host-neutral core.
export { FUNCTIONS, getFunction, callFunction } from './registry/index';
export { evaluate } from './args/evaluate';
export type { HostConventions } from './args/evaluate';
export { KpiError, isKpiError } from './errors';
export type { ErrorCode } from './errors';
export type * from './registry/types';
export type * from './values';
export type { ParamKind } from './args/kinds';
export { KIND_DOMAINS } from './args/kinds';

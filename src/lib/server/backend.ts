// TEMPORARY shim until the service split (arch-storage) is merged: the contract is $lib/contract.
export { PLAN_ERRORS, type ApiError, type ApiResult } from '../contract/result';

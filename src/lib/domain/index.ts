/** Public API of the plan domain (pure: runs in browser and Node). */
export * from './types';
export * from './errors';
export * from './ids';
export { ITEM_TYPES, MAX_TEXT_LENGTH, SCALAR_FIELDS, SCALAR_DEFAULTS, isItemType } from './schema';
export { isValidDate, isTextField, isScalarField, type ScalarField } from './schema';
export { compareOrder, keyForIndex, type OrderEntry } from './order';
export { applyTextDiff, textDiff } from './text';
export { nestQuotes, quoteDe } from './quote';
export { DEFAULT_TIME_ZONE, localDateTime, todayIn } from './time-zone';
export * from './meta';
export * from './plan';
export * from './plan-json';
export * from './migrations';
export * from './labels';
export * from './example';

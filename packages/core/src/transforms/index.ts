export { type BoundsState, boundsClamp } from './bounds-clamp.js';
export { type DatetimeNumberState, datetimeNumber } from './datetime-number.js';
export { type ImputedValues, type MissingIndicatorState, missingIndicator } from './missing-indicator.js';
export { type OneHotMatrix, type OneHotState, oneHot } from './one-hot.js';
export { MISSING_LABEL, type OrdinalState, ordinal } from './ordinal.js';
export { decimalsOf, type RoundingState, rounding, roundTo } from './rounding.js';
export type { ReversibleTransform } from './transform.js';

export type { ReversibleTransform } from './transform.js';
export { type ImputedValues, type MissingIndicatorState, missingIndicator } from './missing-indicator.js';
export { type DatetimeNumberState, datetimeNumber } from './datetime-number.js';
export { decimalsOf, type RoundingState, roundTo, rounding } from './rounding.js';
export { type BoundsState, boundsClamp } from './bounds-clamp.js';
export { MISSING_LABEL, type OrdinalState, ordinal } from './ordinal.js';
export { type OneHotMatrix, type OneHotState, oneHot } from './one-hot.js';

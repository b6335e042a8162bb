export type { Constraint, FittedConstraint, Reparam } from './constraint.js';
export { range, type RangeOptions } from './range.js';
export { positive, negative } from './sign.js';
export { inequality } from './inequality.js';
export { COMBINATION_SEPARATOR, fixedCombinations } from './fixed-combinations.js';
export { predicate, type PredicateRow } from './predicate.js';
export { constraintFromSpec } from './from-spec.js';

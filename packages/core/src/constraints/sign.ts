import type { Constraint } from './constraint.js';
import { range } from './range.js';

/** The column is >= 0 (> 0 when strict): a one-sided range, learned as log(1 + x). */
export function positive(column: string, options: { strict?: boolean } = {}): Constraint {
  return range(column, { min: 0, strict: options.strict ?? false }, 'positive');
}

/** The column is <= 0 (< 0 when strict). */
export function negative(column: string, options: { strict?: boolean } = {}): Constraint {
  return range(column, { max: 0, strict: options.strict ?? false }, 'negative');
}

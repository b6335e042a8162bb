import { SynthkitError } from '../errors/synthkit-error.js';
import type { ConstraintSpec } from '../metadata/types.js';
import type { Constraint } from './constraint.js';
import { fixedCombinations } from './fixed-combinations.js';
import { inequality } from './inequality.js';
import { range } from './range.js';
import { negative, positive } from './sign.js';

/** A constraint from its JSON form (as found in `metadata.constraints`). */
export function constraintFromSpec(spec: ConstraintSpec): Constraint {
  switch (spec.type) {
    case 'range':
      if (spec.min === undefined && spec.max === undefined)
        throw new SynthkitError(
          'BAD_METADATA',
          `Range constraint on "${spec.column}" has neither min nor max`,
          {
            column: spec.column,
            hint: 'Give "min", "max" or both',
          },
        );
      if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max)
        throw new SynthkitError(
          'BAD_METADATA',
          `Range constraint on "${spec.column}" has min ${spec.min} > max ${spec.max}`,
          {
            column: spec.column,
            hint: 'Swap the bounds',
          },
        );
      return range(spec.column, spec);
    case 'inequality':
      return inequality(spec.low, spec.high, spec);
    case 'fixedCombinations':
      return fixedCombinations(spec.columns);
    case 'positive':
      return positive(spec.column, spec);
    case 'negative':
      return negative(spec.column, spec);
    default:
      throw new SynthkitError(
        'BAD_METADATA',
        `Unknown constraint type "${(spec as { type: string }).type}"`,
        {
          hint: 'Constraint types are range, inequality, fixedCombinations, positive, negative (predicates are code)',
        },
      );
  }
}

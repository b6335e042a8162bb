import { SynthkitError } from '../errors/synthkit-error.js';
import { type CategoricalColumn, MISSING_CODE } from '../table/column.js';
import type { ReversibleTransform } from './transform.js';

export type OrdinalState = {
  /** One label per code; categories in dictionary order, only those present in the data. */
  readonly labels: string[];
  /** Code standing for a missing value (always the last one), or -1 when the data had none. */
  readonly missingCode: number;
};

/** Label shown for the code of missing values (in reports and condition hints). */
export const MISSING_LABEL = '<missing>';

/**
 * Ordinal (label) encoding: each category becomes an integer code in [0, k). A missing value is a
 * category of its own, the last code, so a generator learns how often values are missing.
 */
export const ordinal: ReversibleTransform<CategoricalColumn, Int32Array, OrdinalState> = {
  name: 'ordinal',
  fit(input) {
    const used = new Uint8Array(input.categories.length);
    let hasMissing = false;
    for (let i = 0; i < input.codes.length; i++) {
      const c = input.codes[i]!;
      if (c < 0) hasMissing = true;
      else used[c] = 1;
    }
    const labels = input.categories.filter((_, k) => used[k] === 1);
    if (hasMissing) labels.push(MISSING_LABEL);
    return { labels, missingCode: hasMissing ? labels.length - 1 : -1 };
  },
  forward(state, input) {
    const index = new Map<string, number>();
    const last = state.missingCode >= 0 ? state.labels.length - 1 : state.labels.length;
    for (let k = 0; k < last; k++) index.set(state.labels[k]!, k);
    const remap = input.categories.map((c) => index.get(c) ?? -2);
    const out = new Int32Array(input.codes.length);
    for (let i = 0; i < out.length; i++) {
      const c = input.codes[i]!;
      const code = c < 0 ? state.missingCode : remap[c]!;
      if (code < 0)
        throw new SynthkitError(
          'BAD_VALUE',
          c < 0
            ? 'Missing value in a column that had none when fitted'
            : `Unknown category "${input.categories[c]}"`,
          { row: i + 1, hint: `Known values: ${state.labels.slice(0, 20).join(', ')}` },
        );
      out[i] = code;
    }
    return out;
  },
  reverse(state, output) {
    // Without a missing code the codes are already category codes: one memcpy (the generator may reuse its buffer).
    if (state.missingCode < 0)
      return { type: 'categorical', codes: output.slice(), categories: state.labels };
    const categories = presentLabels(state);
    const codes = new Int32Array(output.length);
    for (let i = 0; i < output.length; i++) {
      const c = output[i]!;
      codes[i] = c === state.missingCode ? MISSING_CODE : c;
    }
    return { type: 'categorical', codes, categories };
  },
};

/** The labels without the missing one, made once per state. */
const presentLabelsOf = new WeakMap<OrdinalState, string[]>();

/**
 * One array per state, so every batch reversed from it shares its category list and joining
 * batches copies codes instead of merging dictionaries (see concatColumns).
 */
function presentLabels(state: OrdinalState): string[] {
  let labels = presentLabelsOf.get(state);
  if (labels === undefined) {
    labels = state.labels.slice(0, -1);
    presentLabelsOf.set(state, labels);
  }
  return labels;
}

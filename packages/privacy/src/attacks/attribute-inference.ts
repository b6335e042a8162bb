import type { AttackPlugin, AttackResult, Metadata } from '@synthkit/core';
import { SynthkitError } from '@synthkit/core';
import type { AlignedSchema, AlignedTable } from '../data/aligned.js';
import { distanceSpace, encodeRows } from '../distance/mixed-distance.js';
import { type PreparedAudit, prepareAudit, sampleRows } from '../prepare.js';
import { anonymeterResult } from './anonymeter-result.js';
import { positiveInteger, type SearchOption, searchOf } from './options.js';

export interface AttributeInferenceOptions extends SearchOption {
  /** Targets attacked in train and in control, per secret (default 500). */
  attacks?: number;
  /** A numeric guess counts when within this fraction of the true value (default 0.05, Anonymeter's). */
  tolerance?: number;
}

/**
 * Attribute inference (Anonymeter; Giomi et al., PETS 2023, §3.3): an attacker who knows every
 * other column of a person looks up the closest synthetic row on those columns and reads off the
 * secret. Categorical guesses must be equal; numeric ones within `tolerance` of the true value.
 * The baseline guesses the secret of a random synthetic row; the control attack targets control
 * rows. One result per secret column, named `attribute-inference:<column>`.
 */
export function attributeInferenceAttack(
  secret: string,
  options: AttributeInferenceOptions = {},
): AttackPlugin {
  const search = searchOf(options);
  const nAttacks = positiveInteger(options.attacks ?? 500, 'attacks');
  const tolerance = options.tolerance ?? 0.05;
  const name = `attribute-inference:${secret}`;
  return {
    kind: 'attack',
    name,
    description: `Attribute inference of "${secret}" from the other columns through the closest synthetic row (Anonymeter)`,
    async run(input, ctx): Promise<AttackResult> {
      const p = prepareAudit(input);
      const s = checkSecret(p, input.metadata, secret);
      const rng = ctx.rng.fork(name);
      const aux = p.schema.names.map((_, i) => i).filter((i) => i !== s);
      if (aux.length === 0)
        throw new SynthkitError(
          'MISSING_COLUMN',
          `Attribute inference of "${secret}" needs at least one other column the attacker knows`,
          {
            column: secret,
          },
        );
      const space = distanceSpace(p.schema, p.train, aux);
      const synthetic = encodeRows(space, p.synthetic);
      const n = Math.min(nAttacks, p.train.nRows, p.control.nRows);
      const guessed = async (targets: AlignedTable): Promise<number> => {
        const nn = await search.knn(space, synthetic, encodeRows(space, targets), 1, ctx.signal);
        let hits = 0;
        for (let t = 0; t < targets.nRows; t++)
          if (
            correct(p.schema, s, targets.columns[s]![t]!, p.synthetic.columns[s]![nn.index[t]!]!, tolerance)
          )
            hits++;
        return hits;
      };
      const trainTargets = sampleRows(p.train, n, rng.fork('train-targets'));
      const success = await guessed(trainTargets);
      const control = await guessed(sampleRows(p.control, n, rng.fork('control-targets')));
      const randomRng = rng.fork('baseline');
      let baseline = 0;
      for (let t = 0; t < n; t++)
        if (
          correct(
            p.schema,
            s,
            trainTargets.columns[s]![t]!,
            p.synthetic.columns[s]![randomRng.int(p.synthetic.nRows)]!,
            tolerance,
          )
        )
          baseline++;
      ctx.progress({ stage: name, done: 1, total: 1 });
      return anonymeterResult(
        name,
        `guessing "${secret}" from the other columns with the closest synthetic row`,
        { attacks: n, success, baseline, control },
        n < nAttacks
          ? [`Only ${n} targets were available (fewer train or control rows than ${nAttacks}).`]
          : [],
        { secret, auxiliaryColumns: aux.length, tolerance, search: search.name },
      );
    },
  };
}

function correct(
  schema: AlignedSchema,
  col: number,
  truth: number,
  guess: number,
  tolerance: number,
): boolean {
  if (schema.kinds[col] === 'cat') return truth === guess;
  if (Number.isNaN(truth)) return Number.isNaN(guess);
  return Math.abs(guess - truth) <= tolerance * Math.abs(truth);
}

/** The secret must be an audited column and not an identifier (guessing a key says nothing). */
export function checkSecret(p: PreparedAudit, metadata: Metadata, secret: string): number {
  const meta = metadata.columns[secret];
  if (meta && (meta.sdtype === 'id' || meta.sdtype === 'pii'))
    throw new SynthkitError(
      'BAD_OPTION',
      `Secret column "${secret}" is ${meta.sdtype === 'id' ? 'an id' : 'PII'}: it is regenerated, never learned, so it cannot leak through the synthetic rows`,
      {
        column: secret,
        hint: 'Choose a column whose values the generator learned, such as a diagnosis or an income',
      },
    );
  const s = p.schema.names.indexOf(secret);
  if (s < 0)
    throw new SynthkitError('UNKNOWN_COLUMN', `Secret column "${secret}" is not among the audited columns`, {
      column: secret,
      hint: `Audited columns: ${p.schema.names.join(', ')}`,
    });
  if (p.schema.kinds[s] === 'cat' && looksLikeKey(p.train, s))
    throw new SynthkitError(
      'BAD_OPTION',
      `Secret column "${secret}" has a different value in almost every row: it looks like an identifier`,
      {
        column: secret,
        hint: 'Mark it as an id in the metadata (sdtype "id") and choose another secret',
      },
    );
  return s;
}

function looksLikeKey(t: AlignedTable, col: number): boolean {
  const distinct = new Set(t.columns[col]!).size;
  return t.nRows >= 20 && distinct >= 0.95 * t.nRows;
}

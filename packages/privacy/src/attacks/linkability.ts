import type { AttackPlugin, AttackResult } from '@synthkit/core';
import { SynthkitError } from '@synthkit/core';
import type { AlignedTable } from '../data/aligned.js';
import { distanceSpace, encodeRows } from '../distance/mixed-distance.js';
import { prepareAudit, sampleRows } from '../prepare.js';
import { anonymeterResult } from './anonymeter-result.js';
import { positiveInteger, type SearchOption, searchOf } from './options.js';

export interface LinkabilityOptions extends SearchOption {
  /** Targets attacked in train and in control (default 500). */
  attacks?: number;
  /** The attacker's two auxiliary column sets; default: the columns split at random into two halves. */
  auxiliaryColumns?: readonly [readonly string[], readonly string[]];
  /** A link counts when the two halves share one of their this-many nearest synthetic rows (default 1). */
  neighbours?: number;
}

/**
 * Linkability (Anonymeter; Giomi et al., PETS 2023, §3.2): the attacker holds two datasets with
 * disjoint columns about the same people and uses the synthetic table to join them. A target's two
 * halves are linked when both find the same synthetic row among their nearest neighbours (mixed
 * distance on each column set). The baseline links with random synthetic rows; the control attack
 * does the same for control targets.
 */
export function linkabilityAttack(options: LinkabilityOptions = {}): AttackPlugin {
  const search = searchOf(options);
  const nAttacks = positiveInteger(options.attacks ?? 500, 'attacks');
  const k = positiveInteger(options.neighbours ?? 1, 'neighbours');
  return {
    kind: 'attack',
    name: 'linkability',
    description:
      'Linkability: can the synthetic rows join two datasets with disjoint columns about the same people? (Anonymeter)',
    async run(input, ctx): Promise<AttackResult> {
      const p = prepareAudit(input);
      const rng = ctx.rng.fork('linkability');
      const names = p.schema.names;
      let sets: [number[], number[]];
      if (options.auxiliaryColumns) {
        sets = options.auxiliaryColumns.map((list) =>
          list.map((n) => {
            const i = names.indexOf(n);
            if (i < 0)
              throw new SynthkitError(
                'UNKNOWN_COLUMN',
                `Auxiliary column "${n}" is not among the audited columns`,
                { column: n, hint: `Audited columns: ${names.join(', ')}` },
              );
            return i;
          }),
        ) as [number[], number[]];
        if (sets[0].some((c) => sets[1].includes(c)))
          throw new SynthkitError('BAD_OPTION', 'The two auxiliary column sets must be disjoint', {
            hint: 'Give each column to one set only',
          });
      } else {
        if (names.length < 2)
          throw new SynthkitError(
            'MISSING_COLUMN',
            'Linkability needs at least two columns to split between two datasets',
          );
        const perm = Array.from(rng.fork('columns').permutation(names.length));
        const half = names.length >> 1;
        sets = [perm.slice(0, half).sort((a, b) => a - b), perm.slice(half).sort((a, b) => a - b)];
      }
      if (sets[0].length === 0 || sets[1].length === 0)
        throw new SynthkitError('BAD_OPTION', 'Each auxiliary column set needs at least one column');
      const n = Math.min(nAttacks, p.train.nRows, p.control.nRows);
      const links = async (targets: AlignedTable): Promise<number> => {
        const found: Int32Array[] = [];
        for (const cols of sets) {
          const space = distanceSpace(p.schema, p.train, cols);
          found.push(
            (
              await search.knn(
                space,
                encodeRows(space, p.synthetic),
                encodeRows(space, targets),
                k,
                ctx.signal,
              )
            ).index,
          );
        }
        return countLinks(found[0]!, found[1]!, k);
      };
      const success = await links(sampleRows(p.train, n, rng.fork('train-targets')));
      ctx.progress({ stage: 'linkability', done: 1, total: 2 });
      const control = await links(sampleRows(p.control, n, rng.fork('control-targets')));
      ctx.progress({ stage: 'linkability', done: 2, total: 2 });
      const randomRng = rng.fork('baseline');
      const pick = () => Int32Array.from({ length: n * k }, () => randomRng.int(p.synthetic.nRows));
      const baseline = countLinks(pick(), pick(), k);
      return anonymeterResult(
        'linkability',
        'linking two datasets about the same people through the synthetic rows',
        { attacks: n, success, baseline, control },
        n < nAttacks
          ? [`Only ${n} targets were available (fewer train or control rows than ${nAttacks}).`]
          : [],
        { auxiliaryColumns: sets.map((s) => s.map((c) => names[c]!)), neighbours: k, search: search.name },
      );
    },
  };
}

function countLinks(a: Int32Array, b: Int32Array, k: number): number {
  let links = 0;
  for (let t = 0; t < a.length / k; t++) {
    let linked = false;
    for (let i = 0; i < k && !linked; i++)
      for (let j = 0; j < k && !linked; j++) linked = a[t * k + i] === b[t * k + j] && a[t * k + i] !== -1;
    if (linked) links++;
  }
  return links;
}

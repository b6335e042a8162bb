import type { AttackPlugin, AttackResult } from '@synthkit/core';
import { takeAligned } from '../data/aligned.js';
import { fitMixedKde } from '../density/mixed-kde.js';
import { prepareAudit, sampleRows } from '../prepare.js';
import { membershipResult } from './membership-result.js';
import { positiveInteger } from './options.js';

export interface DomiasOptions {
  /** Members and non-members each (default 1000, or fewer when control is small). */
  candidates?: number;
  /** Rows used for each density estimate (default 5000). */
  densityRows?: number;
  /** Bandwidth multiplier on Scott's rule (default 0.5: sharper than the rule, overfitting shows as local bumps). */
  bandwidth?: number;
  replicates?: number;
}

/**
 * DOMIAS (van Breugel et al., "Membership Inference Attacks against Synthetic Data through
 * Overfitting Detection", AISTATS 2023, eq. 2): a generator that overfits puts more density at
 * its training rows than the population has, so the score of a candidate x is
 * log p_synthetic(x) − log p_reference(x). Both densities are mixed product-kernel estimates
 * (density/mixed-kde.ts) with the same bandwidths. The reference is one half of control; the other
 * half provides the non-member candidates, so no candidate is scored against itself.
 */
export function membershipDomiasAttack(options: DomiasOptions = {}): AttackPlugin {
  return {
    kind: 'attack',
    name: 'membership-domias',
    description:
      'Membership inference by density ratio (DOMIAS): synthetic density over population density at a real row',
    async run(input, ctx): Promise<AttackResult> {
      const p = prepareAudit(input);
      const rng = ctx.rng.fork('membership-domias');
      const perm = rng.fork('control-split').permutation(p.control.nRows);
      const half = p.control.nRows >> 1;
      const referenceRows = takeAligned(p.control, perm.subarray(0, half));
      const nonMemberPool = takeAligned(p.control, perm.subarray(half));
      const m = Math.min(
        positiveInteger(options.candidates ?? 1000, 'candidates'),
        p.train.nRows,
        nonMemberPool.nRows,
      );
      const nDensity = positiveInteger(options.densityRows ?? 5000, 'densityRows');
      const synthetic = sampleRows(p.synthetic, nDensity, rng.fork('synthetic'));
      const reference = sampleRows(referenceRows, nDensity, rng.fork('reference'));
      const factor = options.bandwidth ?? 0.5;
      // one set of bandwidths (from the reference) for both estimates, so their ratio compares like with like
      const pSynthetic = fitMixedKde(p.schema, synthetic, factor, reference);
      const pReference = fitMixedKde(p.schema, reference, factor, reference);
      const members = sampleRows(p.train, m, rng.fork('members'));
      const nonMembers = sampleRows(nonMemberPool, m, rng.fork('non-members'));
      const scores = new Float64Array(2 * m);
      const member = new Uint8Array(2 * m);
      ctx.progress({ stage: 'membership-domias', done: 0, total: 2 });
      for (const [k, rows] of [members, nonMembers].entries()) {
        const ls = pSynthetic.logDensity(rows);
        const lr = pReference.logDensity(rows);
        for (let i = 0; i < m; i++) {
          scores[k * m + i] = ls[i]! - lr[i]!;
          member[k * m + i] = k === 0 ? 1 : 0;
        }
        ctx.progress({ stage: 'membership-domias', done: k + 1, total: 2 });
        await new Promise<void>((r) => setTimeout(r, 0));
      }
      return membershipResult(
        'membership-domias',
        'guessing training membership from where the synthetic data is denser than the population',
        scores,
        member,
        rng,
        positiveInteger(options.replicates ?? 1000, 'replicates'),
        { referenceRows: reference.nRows, syntheticDensityRows: synthetic.nRows, bandwidthFactor: factor },
      );
    },
  };
}

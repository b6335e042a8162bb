import type { AttackPlugin, AttackResult } from '@synthkit/core';
import { distanceSpace, encodeRows } from '../distance/mixed-distance.js';
import { prepareAudit, sampleRows } from '../prepare.js';
import { membershipResult } from './membership-result.js';
import { positiveInteger, type SearchOption, searchOf } from './options.js';

export interface MembershipOptions extends SearchOption {
  /** Members and non-members each (default 5000, or fewer when control is smaller). */
  candidates?: number;
  /** Bootstrap replicates for the intervals (default 1000). */
  replicates?: number;
}

/**
 * Distance-based membership inference: a candidate whose closest synthetic row is very close was
 * probably in the training set, so the score is minus its distance to the synthetic table (the
 * "DCR" attack of Chen et al., GAN-Leaks, CCS 2020, full black-box setting). Members are sampled
 * from train and as many non-members from control.
 */
export function membershipDistanceAttack(options: MembershipOptions = {}): AttackPlugin {
  const search = searchOf(options);
  return {
    kind: 'attack',
    name: 'membership-distance',
    description: 'Membership inference from the distance of a real row to its closest synthetic row',
    async run(input, ctx): Promise<AttackResult> {
      const p = prepareAudit(input);
      const rng = ctx.rng.fork('membership-distance');
      const m = Math.min(
        positiveInteger(options.candidates ?? 5000, 'candidates'),
        p.train.nRows,
        p.control.nRows,
      );
      const space = distanceSpace(p.schema, p.train);
      const members = encodeRows(space, sampleRows(p.train, m, rng.fork('members')));
      const nonMembers = encodeRows(space, sampleRows(p.control, m, rng.fork('non-members')));
      const synthetic = encodeRows(space, p.synthetic);
      ctx.progress({ stage: 'membership-distance', done: 0, total: 2 });
      const dm = await search.knn(space, synthetic, members, 1, ctx.signal);
      ctx.progress({ stage: 'membership-distance', done: 1, total: 2 });
      const dn = await search.knn(space, synthetic, nonMembers, 1, ctx.signal);
      ctx.progress({ stage: 'membership-distance', done: 2, total: 2 });
      const scores = new Float64Array(2 * m);
      const member = new Uint8Array(2 * m);
      for (let i = 0; i < m; i++) {
        scores[i] = -dm.distance[i]!;
        member[i] = 1;
        scores[m + i] = -dn.distance[i]!;
      }
      return membershipResult(
        'membership-distance',
        'guessing training membership from the distance to the closest synthetic row',
        scores,
        member,
        rng,
        positiveInteger(options.replicates ?? 1000, 'replicates'),
        { search: search.name },
      );
    },
  };
}

import type { AttackResult, JsonValue, Rng } from '@synthkit/core';
import { verdict } from '../report/verdict.js';
import { stratifiedBootstrap } from '../stats/bootstrap.js';
import { advantageOf, aucOf, sortScores } from '../stats/roc.js';
import { clip01 } from '../stats/wilson.js';

/**
 * Turns membership scores (higher = "was in training") of members (train rows) and non-members
 * (control rows) into AUC and cross-fitted membership advantage with stratified bootstrap 95%
 * intervals. The risk is the advantage: 0 when the attacker cannot tell members apart.
 */
export function membershipResult(
  name: string,
  what: string,
  scores: Float64Array,
  member: Uint8Array,
  rng: Rng,
  replicates: number,
  details: Record<string, JsonValue>,
): AttackResult {
  const sorted = sortScores(scores, member);
  const ones = new Float64Array(scores.length).fill(1);
  const foldRng = rng.fork('folds');
  const fold = Uint8Array.from({ length: scores.length }, () => foldRng.int(2));
  const auc = aucOf(sorted, ones);
  const advantage = advantageOf(sorted, ones, fold);
  const [aucCi, advantageCi] = stratifiedBootstrap(member, replicates, rng.fork('bootstrap'), (w) => [
    aucOf(sorted, w),
    advantageOf(sorted, w, fold),
  ]) as [[number, number], [number, number]];
  const risk = clip01(advantage);
  const ci: [number, number] = [clip01(advantageCi[0]), clip01(advantageCi[1])];
  const warnings: string[] = [];
  if (aucCi[1] < 0.5)
    warnings.push(
      `AUC is below 0.5 (${auc.toFixed(3)}): control rows look more "member" than training rows, which points to a control set that differs from train (a split that was not random?).`,
    );
  return {
    name,
    risk,
    ci,
    verdict: verdict(risk, ci, what),
    warnings,
    details: {
      auc,
      aucCi,
      advantage,
      advantageCi,
      members: countOnes(member),
      nonMembers: member.length - countOnes(member),
      bootstrapReplicates: replicates,
      ...details,
    },
  };
}

function countOnes(m: Uint8Array): number {
  let n = 0;
  for (const v of m) n += v;
  return n;
}

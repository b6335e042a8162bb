import type { AttackPlugin, AttackResult } from '@synthkit/core';
import { uniformRandomRows } from '../data/random-rows.js';
import { distanceSpace, encodeRows } from '../distance/mixed-distance.js';
import { prepareAudit } from '../prepare.js';
import { verdict } from '../report/verdict.js';
import { median } from '../stats/median.js';
import { clip01, successRate } from '../stats/wilson.js';
import { positiveInteger, type SearchOption, searchOf } from './options.js';

export interface DcrOptions extends SearchOption {
  /** Random rows for SDMetrics' DCRBaselineProtection (default min(synthetic rows, 5000)). */
  randomRows?: number;
}

/**
 * Distance to closest record (DCR), with the mixed distance of distance/mixed-distance.ts.
 *
 * - median DCR ratio: median DCR(synthetic → train) / median DCR(control → train); about 1 when
 *   synthetic rows are no closer to train than fresh real rows are, well below 1 when they copy it;
 * - share closer to train: synthetic rows closer to train than to control (ties count half); without
 *   leakage it is nTrain/(nTrain + nControl) (0.5 for equal sizes), 1 means every row sits on a training row;
 * - exact-copy rate (DCR 0) beside the rate at which control rows repeat train rows by chance;
 * - NNDR, nearest/second-nearest distance ratio to train (an exact copy counts 0);
 * - SDMetrics' DCROverfittingProtection = min(1, 2·(1 − share strictly closer to train)) and
 *   DCRBaselineProtection = min(1, median DCR(synthetic) / median DCR(uniform random rows)),
 *   as documented at docs.sdv.dev/sdmetrics (privacy metrics); SDMetrics meant the first for
 *   train and control of similar size, so a size-adjusted version min(1, (1 − share)/(1 − p0)) is
 *   reported beside it.
 *
 * Risk = (share − p0)/(1 − p0) with p0 = nTrain/(nTrain + nControl), the share expected without
 * leakage (2·share − 1 for equal sizes): 0 when synthetic rows are as close to control as to train,
 * 1 when always closer to train; the interval is the Wilson interval of the share, mapped the same way.
 */
export function dcrAttack(options: DcrOptions = {}): AttackPlugin {
  const search = searchOf(options);
  return {
    kind: 'attack',
    name: 'dcr',
    description:
      'Distance to closest record: are synthetic rows closer to the training rows than to unseen real rows?',
    async run(input, ctx): Promise<AttackResult> {
      const p = prepareAudit(input);
      const rng = ctx.rng.fork('dcr');
      const space = distanceSpace(p.schema, p.train);
      const train = encodeRows(space, p.train);
      const synthetic = encodeRows(space, p.synthetic);
      const control = encodeRows(space, p.control);
      ctx.progress({ stage: 'dcr', done: 0, total: 4 });
      const toTrain = await search.knn(space, train, synthetic, 2, ctx.signal);
      ctx.progress({ stage: 'dcr', done: 1, total: 4 });
      const controlToTrain = await search.knn(space, train, control, 2, ctx.signal);
      ctx.progress({ stage: 'dcr', done: 2, total: 4 });

      const dTrain = firstOf(toTrain.distance, 2);
      const toControl = await search.knn(space, control, synthetic, 1, ctx.signal);
      const dControl = toControl.distance;
      ctx.progress({ stage: 'dcr', done: 3, total: 4 });

      const nRandom = positiveInteger(options.randomRows ?? Math.min(p.synthetic.nRows, 5000), 'randomRows');
      const random = encodeRows(space, uniformRandomRows(p.schema, p.train, nRandom, rng.fork('random')));
      const randomToTrain = firstOf((await search.knn(space, train, random, 1, ctx.signal)).distance, 1);
      ctx.progress({ stage: 'dcr', done: 4, total: 4 });

      let closer = 0;
      let strictlyCloser = 0;
      for (let i = 0; i < dTrain.length; i++) {
        if (dTrain[i]! < dControl[i]!) {
          closer += 1;
          strictlyCloser += 1;
        } else if (dTrain[i] === dControl[i]) closer += 0.5;
      }
      const nS = dTrain.length;
      const share = clusteredShare(dTrain, dControl, toTrain.index, toControl.index, p.train.nRows);
      // with no leakage every real row is equally likely to be the closest, so a synthetic row is
      // closer to train with probability nTrain/(nTrain + nControl): the size correction
      const p0 = p.train.nRows / (p.train.nRows + p.control.nRows);
      const excess = (x: number) => clip01((x - p0) / (1 - p0));
      const risk = excess(closer / nS);
      const ci: [number, number] = [excess(share.rate - share.error), excess(share.rate + share.error)];

      const synthDcr = firstOf(toTrain.distance, 2);
      const controlDcr = firstOf(controlToTrain.distance, 2);
      const medianSynth = median(synthDcr);
      const medianControl = median(controlDcr);
      const medianRandom = median(randomToTrain);
      const copies = countZeros(synthDcr) / synthDcr.length;
      const controlCopies = countZeros(controlDcr) / controlDcr.length;
      const warnings: string[] = [];
      if (copies > 2 * controlCopies + 0.001)
        warnings.push(
          `${(100 * copies).toFixed(2)}% of synthetic rows are exact copies of training rows (control rows repeat training rows ${(100 * controlCopies).toFixed(2)}% of the time by chance).`,
        );
      if (p.control.nRows < p.train.nRows / 2)
        warnings.push(
          `SDMetrics' DCROverfittingProtection (${Math.min(1, 2 * (1 - strictlyCloser / nS)).toFixed(3)}) assumes train and control of similar size: with control at ${((100 * p.control.nRows) / p.train.nRows).toFixed(0)}% of train it reads low even without leakage. dcrOverfittingProtectionSizeAdjusted compares with the no-leak share ${p0.toFixed(3)} instead.`,
        );
      if (medianRandom === 0)
        warnings.push(
          'Uniform random rows already hit training rows exactly: DCRBaselineProtection is not defined for this table.',
        );
      const details = {
        medianDcrSynthetic: medianSynth,
        medianDcrControl: medianControl,
        medianDcrRatio: medianSynth / medianControl,
        shareCloserToTrain: closer / nS,
        shareCloserToTrainCi: [share.rate - share.error, share.rate + share.error],
        shareDesignEffect: share.designEffect,
        shareExpectedWithoutLeak: p0,
        exactCopyRate: copies,
        exactCopyRateControl: controlCopies,
        medianNndrSynthetic: median(nndr(toTrain.distance)),
        medianNndrControl: median(nndr(controlToTrain.distance)),
        dcrOverfittingProtection: Math.min(1, 2 * (1 - strictlyCloser / nS)),
        dcrOverfittingProtectionSizeAdjusted: Math.min(1, (1 - closer / nS) / (1 - p0)),
        dcrBaselineProtection: medianRandom > 0 ? Math.min(1, medianSynth / medianRandom) : Number.NaN,
        medianDcrRandom: medianRandom,
        search: search.name,
      };
      return {
        name: 'dcr',
        risk,
        ci,
        verdict: verdict(risk, ci, 'finding each synthetic row’s closest real row'),
        warnings,
        details,
      };
    },
  };
}

/**
 * Wilson interval of the share of synthetic rows closer to train, widened for clustering: synthetic
 * rows whose closest real row is the same row succeed or fail together, so the rows are grouped by
 * that real row and the cluster-robust variance sets an effective sample size (Kish design effect).
 */
function clusteredShare(
  dTrain: Float64Array,
  dControl: Float64Array,
  iTrain: Int32Array,
  iControl: Int32Array,
  nTrain: number,
) {
  const n = dTrain.length;
  const weight = new Map<number, number>();
  const hits = new Map<number, number>();
  let closer = 0;
  for (let i = 0; i < n; i++) {
    const y = dTrain[i]! < dControl[i]! ? 1 : dTrain[i] === dControl[i] ? 0.5 : 0;
    const cluster = y > 0 ? iTrain[2 * i]! : nTrain + iControl[i]!;
    weight.set(cluster, (weight.get(cluster) ?? 0) + 1);
    hits.set(cluster, (hits.get(cluster) ?? 0) + y);
    closer += y;
  }
  const p = closer / n;
  const c = weight.size;
  let v = 0;
  for (const [k, m] of weight) v += (hits.get(k)! - p * m) ** 2;
  v = c > 1 ? (v * c) / (c - 1) / (n * n) : 0;
  const binomial = (p * (1 - p)) / n;
  const designEffect = binomial > 0 && v > binomial ? v / binomial : 1;
  const nEff = n / designEffect;
  return { ...successRate(nEff, p * nEff), designEffect };
}

function firstOf(distance: Float64Array, k: number): Float64Array {
  const out = new Float64Array(distance.length / k);
  for (let i = 0; i < out.length; i++) out[i] = distance[i * k]!;
  return out;
}

/** Nearest / second-nearest distance per row; an exact copy is 0 even when the second is a copy too. */
function nndr(distance: Float64Array): Float64Array {
  const out = new Float64Array(distance.length / 2);
  for (let i = 0; i < out.length; i++) {
    const d1 = distance[2 * i]!;
    const d2 = distance[2 * i + 1]!;
    out[i] = d1 === 0 ? 0 : d2 > 0 && Number.isFinite(d2) ? d1 / d2 : 1;
  }
  return out;
}

function countZeros(a: Float64Array): number {
  let z = 0;
  for (const v of a) if (v === 0) z++;
  return z;
}

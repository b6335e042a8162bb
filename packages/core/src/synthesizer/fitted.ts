import type { FittedConstraint, Reparam } from '../constraints/constraint.js';
import type { Metadata } from '../metadata/types.js';
import type { FittedModel, GeneratorPlugin, ViewTable } from '../plugin/types.js';
import { type ViewPlan, viewSignature } from './view.js';

/** Everything a fitted Synthesizer holds. */
export interface Fitted {
  readonly generator: GeneratorPlugin<any>;
  readonly options: Readonly<Record<string, unknown>>;
  readonly metadata: Metadata;
  readonly plan: ViewPlan;
  readonly constraints: readonly FittedConstraint[];
  /** Per constraint: whether its reparametrisation shapes the view (else it is enforced by rejection). */
  readonly reparamActive: readonly boolean[];
  readonly reparams: readonly Reparam[];
  /** The shape the model was fitted on and must sample (after reparametrisations). */
  readonly modelSignature: ViewTable;
  readonly model: FittedModel;
  readonly fit: FitRecord;
}

export interface FitRecord {
  readonly seed: number;
  readonly rows: number;
  /** tableFingerprint of the training table (a hash, never the data). */
  readonly fingerprint: string | null;
}

/**
 * The reparametrisations in force and the view shape after them. One column is changed by at most
 * one constraint: a later constraint on a column already claimed is enforced by rejection instead.
 * `active` (from an artifact) replays an earlier decision.
 */
export function chainReparams(
  plan: ViewPlan,
  constraints: readonly FittedConstraint[],
  active?: readonly boolean[],
): { reparams: Reparam[]; reparamActive: boolean[]; signature: ViewTable } {
  let signature = viewSignature(plan);
  const claimed = new Set<string>();
  const reparams: Reparam[] = [];
  const reparamActive = constraints.map((fc, k) => {
    const cols = fc.constraint.columns;
    const on =
      active !== undefined
        ? active[k] === true
        : fc.reparam !== undefined && !cols.some((c) => claimed.has(c));
    if (!on || fc.reparam === undefined) return false;
    for (const c of cols) claimed.add(c);
    const r = fc.reparam(signature);
    reparams.push(r);
    signature = r.forward(signature);
    return true;
  });
  return { reparams, reparamActive, signature };
}

export function applyReparams(reparams: readonly Reparam[], view: ViewTable): ViewTable {
  return reparams.reduce((v, r) => r.forward(v), view);
}

export function reverseReparams(reparams: readonly Reparam[], view: ViewTable): ViewTable {
  return reparams.reduceRight((v, r) => r.reverse(v), view);
}

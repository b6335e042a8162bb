import {
  type AttackInput,
  type AttackPlugin,
  type AttackResult,
  type Metadata,
  type ProgressEvent,
  Rng,
  SynthkitError,
  type Table,
} from '@synthkit/core';
import { attributeInferenceAttack, checkSecret } from './attacks/attribute-inference.js';
import { dcrAttack } from './attacks/dcr.js';
import { linkabilityAttack } from './attacks/linkability.js';
import { membershipDistanceAttack } from './attacks/membership-distance.js';
import { membershipDomiasAttack } from './attacks/membership-domias.js';
import type { SearchOption } from './attacks/options.js';
import { singlingOutAttack } from './attacks/singling-out.js';
import { prepareAudit, reusePrepared } from './prepare.js';
import type { PrivacyReport } from './report/types.js';

export const ATTACK_NAMES = [
  'dcr',
  'membership-distance',
  'membership-domias',
  'singling-out-univariate',
  'singling-out-multivariate',
  'linkability',
  'attribute-inference',
] as const;
export type AttackName = (typeof ATTACK_NAMES)[number];

export interface AuditOptions extends SearchOption {
  /** Real rows the generator was trained on. */
  train: Table;
  /** Real rows from the same population the generator never saw (see `splitTable`). */
  control: Table;
  synthetic: Table;
  metadata: Metadata;
  /** Columns an attacker would want to infer; default: up to 3 columns chosen at random (with a warning). */
  secrets?: readonly string[];
  /** Attacks to run, by name or as plugins (default: all of ATTACK_NAMES). */
  attacks?: readonly (AttackName | AttackPlugin)[];
  /** Anonymeter attacks per test (default 500). */
  attacksPerTest?: number;
  /** Columns per multivariate singling-out predicate (default 3). */
  columns?: number;
  seed?: number;
  progress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

/**
 * Runs the privacy attacks against a synthetic table and returns a JSON-able report: each attack's
 * risk with its 95% interval, a plain-language verdict and warnings. Same inputs and seed give the
 * same report.
 */
export async function audit(options: AuditOptions): Promise<PrivacyReport> {
  const seed = options.seed ?? 0;
  const rng = new Rng(seed);
  const input0: AttackInput = {
    train: options.train,
    control: options.control,
    synthetic: options.synthetic,
    metadata: options.metadata,
  };
  const prepared = prepareAudit(input0);
  const warnings = [...prepared.warnings];
  // Random secrets are worth a warning only where attribute inference runs on them.
  const infers = (options.attacks ?? ATTACK_NAMES).includes('attribute-inference');
  const secrets = options.secrets
    ? [...options.secrets]
    : defaultSecrets(prepared, options.metadata, rng.fork('secrets'), infers ? warnings : []);
  for (const s of secrets) checkSecret(prepared, options.metadata, s);
  const input: AttackInput = { ...input0, secrets };
  reusePrepared(input, prepared);
  const plugins = resolveAttacks(options, secrets);
  const results: AttackResult[] = [];
  const progress = options.progress ?? (() => {});
  for (const [i, plugin] of plugins.entries()) {
    if (options.signal?.aborted) throw new SynthkitError('ABORTED', 'Privacy audit aborted');
    progress({ stage: 'audit', done: i, total: plugins.length, message: plugin.name });
    results.push(await plugin.run(input, { rng: rng.fork(plugin.name), signal: options.signal, progress }));
  }
  progress({ stage: 'audit', done: plugins.length, total: plugins.length });
  return {
    version: 1,
    seed,
    rows: { train: options.train.nRows, control: options.control.nRows, synthetic: options.synthetic.nRows },
    columns: [...prepared.schema.names],
    secrets,
    attacks: results,
    warnings,
    summary: summarise(results),
  };
}

function resolveAttacks(o: AuditOptions, secrets: readonly string[]): AttackPlugin[] {
  const per = o.attacksPerTest ?? 500;
  const search = o.search ? { search: o.search } : {};
  const out: AttackPlugin[] = [];
  for (const a of o.attacks ?? ATTACK_NAMES) {
    if (typeof a !== 'string') {
      out.push(a);
      continue;
    }
    switch (a) {
      case 'dcr':
        out.push(dcrAttack(search));
        break;
      case 'membership-distance':
        out.push(membershipDistanceAttack(search));
        break;
      case 'membership-domias':
        out.push(membershipDomiasAttack());
        break;
      case 'singling-out-univariate':
        out.push(singlingOutAttack({ mode: 'univariate', attacks: per }));
        break;
      case 'singling-out-multivariate':
        out.push(singlingOutAttack({ mode: 'multivariate', attacks: per, columns: o.columns ?? 3 }));
        break;
      case 'linkability':
        out.push(linkabilityAttack({ ...search, attacks: per }));
        break;
      case 'attribute-inference':
        for (const s of secrets) out.push(attributeInferenceAttack(s, { ...search, attacks: per }));
        break;
      default:
        throw new SynthkitError('PLUGIN_NOT_FOUND', `No privacy attack named "${a as string}"`, {
          hint: `Known attacks: ${ATTACK_NAMES.join(', ')}`,
        });
    }
  }
  return out;
}

function defaultSecrets(
  p: ReturnType<typeof prepareAudit>,
  metadata: Metadata,
  rng: Rng,
  warnings: string[],
): string[] {
  const usable = p.schema.names.filter((name) => {
    try {
      checkSecret(p, metadata, name);
      return true;
    } catch {
      return false;
    }
  });
  const chosen = Array.from(
    rng.permutation(usable.length).subarray(0, Math.min(3, usable.length)),
    (i) => usable[i]!,
  );
  if (chosen.length > 0)
    warnings.push(
      `No secret column given: attribute inference ran on ${chosen.map((c) => `"${c}"`).join(', ')}, chosen at random. Name the columns that are sensitive in your data (secrets / --secret).`,
    );
  return chosen;
}

function summarise(results: readonly AttackResult[]): string {
  const flagged = results.filter((r) => r.ci[0] > 0);
  if (results.length === 0) return 'No attack was run.';
  if (flagged.length === 0)
    return `None of the ${results.length} attacks found measurable leakage: every risk interval includes 0.`;
  const worst = flagged.reduce((a, b) => (b.risk > a.risk ? b : a));
  return `${flagged.length} of ${results.length} attacks found measurable leakage (${flagged.map((r) => r.name).join(', ')}); the largest risk is ${worst.name} at ${(100 * worst.risk).toFixed(1)}%. Review before sharing.`;
}

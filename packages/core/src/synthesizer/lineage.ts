import { tableFingerprint } from '../io/table-fingerprint.js';
import { metadataHash } from '../metadata/metadata-hash.js';
import type { JsonValue } from '../plugin/types.js';
import type { Table } from '../table/table.js';
import type { BalanceOptions } from './balance.js';
import type { Conditions } from './conditions.js';
import type { Synthesizer } from './synthesizer.js';
import { DEFAULT_BATCH_SIZE } from './synthesizer.js';
import { SYNTHKIT_VERSION } from './version.js';

export interface LineageInput {
  readonly synthesizer: Synthesizer;
  /** The sample seed. */
  readonly seed: number;
  readonly rows: number;
  readonly conditions?: Conditions;
  readonly balance?: BalanceOptions;
  readonly batchSize?: number;
  /** Where the training data came from (a path), for people reading the manifest. */
  readonly input?: string;
  /** The training table, to fingerprint when the Synthesizer was loaded rather than fitted here. */
  readonly inputTable?: Table;
  readonly startedAt?: Date;
  readonly seconds?: number;
}

/** The manifest written beside a synthetic output: everything needed to trace it and make it again. */
export interface LineageManifest {
  readonly synthkit: string;
  readonly createdAt: string;
  readonly generator: {
    readonly name: string;
    readonly version: string;
    readonly options: Record<string, JsonValue>;
  };
  readonly seed: number;
  readonly fitSeed: number | null;
  readonly rows: number;
  readonly batchSize: number;
  readonly conditions: Record<string, JsonValue> | null;
  readonly balance: { readonly column: string; readonly shares: Record<string, number> | null } | null;
  readonly constraints: string[];
  readonly metadataHash: string | null;
  readonly input: {
    readonly path: string | null;
    readonly fingerprint: string | null;
    readonly rows: number | null;
  };
  readonly seconds: number | null;
  /** How to get the same bytes again, in words. */
  readonly reproduce: string;
}

/**
 * Builds the lineage manifest for a sample. Same input (fingerprint), metadata (hash), generator,
 * options, fit seed, sample seed, conditions and batch size give the same rows.
 */
export function lineage(o: LineageInput): LineageManifest {
  const s = o.synthesizer;
  const info = s.generatorInfo;
  const fit = s.fitRecord;
  const metadata = s.metadata;
  const conditions = o.conditions
    ? Object.fromEntries(
        Object.entries(o.conditions).map(([k, v]): [string, JsonValue] => [
          k,
          v instanceof Date
            ? v.toISOString()
            : typeof v === 'object' && v !== null
              ? (JSON.parse(JSON.stringify(v)) as JsonValue)
              : v,
        ]),
      )
    : null;
  return {
    synthkit: SYNTHKIT_VERSION,
    createdAt: (o.startedAt ?? new Date()).toISOString(),
    generator: {
      name: info.name,
      version: info.version,
      options: { ...(info.options as Record<string, JsonValue>) },
    },
    seed: o.seed,
    fitSeed: fit?.seed ?? null,
    rows: o.rows,
    batchSize: o.batchSize ?? DEFAULT_BATCH_SIZE,
    conditions: conditions && Object.keys(conditions).length > 0 ? conditions : null,
    balance: o.balance
      ? { column: o.balance.column, shares: o.balance.shares ? { ...o.balance.shares } : null }
      : null,
    constraints: s.constraintNames,
    metadataHash: metadata ? metadataHash(metadata) : null,
    input: {
      path: o.input ?? null,
      fingerprint: fit?.fingerprint ?? (o.inputTable ? tableFingerprint(o.inputTable) : null),
      rows: fit?.rows ?? o.inputTable?.nRows ?? null,
    },
    seconds: o.seconds ?? null,
    reproduce:
      'Fit the same generator and options on the input with this fingerprint, with metadata of this hash and fitSeed, then sample rows with seed, conditions, balance and batchSize as recorded',
  };
}

import type { IdMetadata, PiiMetadata } from '../metadata/types.js';
import type { Rng } from '../rng/rng.js';
import type { CategoricalColumn, Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { ViewPlan } from './view.js';

// TEMPORARY until core-io's regenerateColumn (pii/) lands: same signature, plain values.
function regenerateColumn(meta: IdMetadata | PiiMetadata, n: number, rng: Rng, o: { startAt?: number } = {}): CategoricalColumn {
  const start = o.startAt ?? 0;
  const categories = Array.from({ length: n }, (_, i) =>
    meta.sdtype === 'id' ? `${meta.prefix ?? ''}${start + i + 1}` : `${meta.kind}-${rng.nextUint32().toString(36)}`,
  );
  return { type: 'categorical', codes: Int32Array.from({ length: n }, (_, i) => i), categories };
}

/**
 * The output table in metadata order: learned columns as sampled, ids and PII made up afresh.
 * `startAt` is the number of rows already produced, so ids stay unique across batches; each
 * column draws from its own stream so adding a PII column never changes another's values.
 */
export function withRegenerated(plan: ViewPlan, learned: Table, rng: Rng, startAt: number): Table {
  const columns = plan.columns.map((p): [string, Column] => {
    if (p.kind !== 'regenerated') return [p.name, learned.column(p.name)];
    return [p.name, regenerateColumn(p.meta, learned.nRows, rng.fork(`${p.name}@${startAt}`), { startAt })];
  });
  return new Table(columns);
}

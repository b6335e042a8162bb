import { regenerateColumn } from '../pii/regenerate.js';
import type { Rng } from '../rng/rng.js';
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { ViewPlan } from './view.js';

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

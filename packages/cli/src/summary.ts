import type { Metadata, Table } from '@synthkit/core';
import type { CliEnv } from './env.js';

/** Per-column similarity (SDMetrics' KS / TV complement) and the overall quality score. */
export async function printSummary(
  env: CliEnv,
  real: Table,
  synthetic: Table | undefined,
  metadata: Metadata | undefined,
) {
  if (!synthetic || !metadata) return undefined;
  // Imported here so commands that print no summary do not load the evaluator.
  const { qualityReport } = await import('@synthkit/evaluate');
  const q = qualityReport({ real, synthetic, metadata });
  const width = Math.max(...q.columnShapes.map((c) => c.column.length), 6);
  env.say('');
  env.say(`${'column'.padEnd(width)}  metric         similarity`);
  for (const c of q.columnShapes)
    env.say(`${c.column.padEnd(width)}  ${c.metric.padEnd(13)}  ${c.score.toFixed(3)}`);
  env.say('');
  env.say(
    `column shapes ${q.properties.columnShapes.toFixed(3)} · column pair trends ${q.properties.columnPairTrends.toFixed(3)} · quality ${q.overall.toFixed(3)} (SDMetrics definitions)`,
  );
  return q;
}

/** `1 row`, `2 rows`: counts in messages. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

import { readFileSync } from 'node:fs';
import { type FittedModel, Rng, type ViewColumn, type ViewCondition, type ViewTable } from '@synthkit/core';

export const adultPath = new URL('../../../data/adult.csv', import.meta.url);

/**
 * Adult as the view a generator receives (numbers continuous, text discrete with sorted labels).
 * Adult has no quoted fields and no empty cells, so splitting on commas reads it exactly.
 */
export function adultView(rows = Number.POSITIVE_INFINITY): ViewTable {
  const lines = readFileSync(adultPath, 'utf8').trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const cells = lines.slice(1, 1 + Math.min(rows, lines.length - 1)).map((l) => l.split(','));
  const columns: ViewColumn[] = header.map((name, j) => {
    const values = cells.map((r) => r[j]!);
    if (values.every((v) => Number.isFinite(Number(v))))
      return { kind: 'continuous', name, values: Float64Array.from(values, Number) };
    const labels = [...new Set(values)].sort();
    const code = new Map(labels.map((l, i) => [l, i]));
    return { kind: 'discrete', name, labels, codes: Int32Array.from(values, (v) => code.get(v)!) };
  });
  return { nRows: cells.length, columns };
}

export interface SampleRequest {
  seed?: number;
  conditions?: ViewCondition[];
  batchSize?: number;
  signal?: AbortSignal;
}

/** Every batch of `model.sample` joined into one view. */
export async function sampleAll(model: FittedModel, n: number, req: SampleRequest = {}): Promise<ViewTable> {
  const batches: ViewTable[] = [];
  const ctx = {
    rng: new Rng(req.seed ?? 1),
    progress: () => {},
    conditions: req.conditions ?? [],
    batchSize: req.batchSize ?? 4096,
    signal: req.signal,
  };
  for await (const b of model.sample(n, ctx)) batches.push(b);
  const first = batches[0];
  if (!first) return { nRows: 0, columns: [] };
  const columns = first.columns.map((c, j): ViewColumn => {
    const parts = batches.map((b) => b.columns[j]!);
    return c.kind === 'continuous'
      ? {
          ...c,
          values: concat(
            parts.map((p) => (p as typeof c).values),
            new Float64Array(n),
          ),
        }
      : {
          ...c,
          codes: concat(
            parts.map((p) => (p as typeof c).codes),
            new Int32Array(n),
          ),
        };
  });
  return { nRows: n, columns };
}

function concat<T extends Float64Array | Int32Array>(parts: T[], out: T): T {
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function column<K extends ViewColumn['kind']>(
  view: ViewTable,
  name: string,
  kind: K,
): Extract<ViewColumn, { kind: K }> {
  const c = view.columns.find((x) => x.name === name);
  if (!c || c.kind !== kind) throw new Error(`no ${kind} column ${name}`);
  return c as Extract<ViewColumn, { kind: K }>;
}

/** Share of rows where `name` has `label`, among the rows where every `given` column has its label. */
export function share(view: ViewTable, name: string, label: string, ...given: [string, string][]): number {
  const c = column(view, name, 'discrete');
  const code = c.labels.indexOf(label);
  const filters = given.map(([g, l]) => {
    const gc = column(view, g, 'discrete');
    return [gc.codes, gc.labels.indexOf(l)] as const;
  });
  let hit = 0;
  let total = 0;
  for (let i = 0; i < view.nRows; i++) {
    if (filters.some(([codes, k]) => codes[i] !== k)) continue;
    total++;
    if (c.codes[i] === code) hit++;
  }
  return hit / total;
}

/** Byte equality of two model states (JSON and every typed array): far faster than a deep equal. */
export function sameState(a: ModelState, b: ModelState): boolean {
  if (JSON.stringify(a.json) !== JSON.stringify(b.json)) return false;
  const keys = Object.keys(a.arrays);
  if (keys.join() !== Object.keys(b.arrays).join()) return false;
  return keys.every((k) => {
    const x = a.arrays[k]!;
    const y = b.arrays[k]!;
    return x.constructor === y.constructor && Buffer.compare(bytes(x), bytes(y)) === 0;
  });
}

function bytes(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export const silent = { rng: new Rng(0), progress: () => {} };

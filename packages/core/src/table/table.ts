import { SynthkitError } from '../errors/synthkit-error.js';
import { type Column, columnLength, concatColumns, sliceColumn, takeColumn, valueAt } from './column.js';

/**
 * An immutable, columnar table: named typed-array columns of equal length.
 * Batches of a stream are Tables too.
 */
export class Table {
  readonly names: readonly string[];
  readonly nRows: number;
  private readonly byName: ReadonlyMap<string, Column>;

  constructor(columns: ReadonlyArray<readonly [string, Column]> | ReadonlyMap<string, Column>) {
    const entries = [...columns];
    const names: string[] = [];
    const byName = new Map<string, Column>();
    let nRows = -1;
    for (const [name, col] of entries) {
      if (byName.has(name))
        throw new SynthkitError('DUPLICATE_COLUMN', `Column "${name}" appears twice`, { column: name });
      const len = columnLength(col);
      if (nRows >= 0 && len !== nRows)
        throw new Error(`Table: column "${name}" has ${len} rows, expected ${nRows}`);
      nRows = len;
      names.push(name);
      byName.set(name, col);
    }
    this.names = names;
    this.byName = byName;
    this.nRows = Math.max(nRows, 0);
  }

  get nColumns(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  column(name: string): Column {
    const c = this.byName.get(name);
    if (!c)
      throw new SynthkitError('UNKNOWN_COLUMN', `No column "${name}"`, {
        column: name,
        hint: `Columns are: ${this.names.join(', ')}`,
      });
    return c;
  }

  columns(): Array<[string, Column]> {
    return this.names.map((n) => [n, this.byName.get(n)!]);
  }

  select(names: readonly string[]): Table {
    return new Table(names.map((n) => [n, this.column(n)] as const));
  }

  /** A new table with `name` replaced or appended. */
  withColumn(name: string, column: Column): Table {
    const out = this.columns();
    const at = out.findIndex(([n]) => n === name);
    if (at >= 0) out[at] = [name, column];
    else out.push([name, column]);
    return new Table(out);
  }

  slice(start: number, end = this.nRows): Table {
    return new Table(this.columns().map(([n, c]) => [n, sliceColumn(c, start, end)] as const));
  }

  take(rows: ArrayLike<number>): Table {
    return new Table(this.columns().map(([n, c]) => [n, takeColumn(c, rows)] as const));
  }

  /** Row i as a plain object, for display and tests (never on a hot path). */
  row(i: number): Record<string, ReturnType<typeof valueAt>> {
    const out: Record<string, ReturnType<typeof valueAt>> = {};
    for (const [n, c] of this.columns()) out[n] = valueAt(c, i);
    return out;
  }

  static concat(parts: readonly Table[]): Table {
    const first = parts[0];
    if (!first) return new Table([]);
    if (parts.length === 1) return first;
    return new Table(first.names.map((n) => [n, concatColumns(parts.map((p) => p.column(n)))] as const));
  }

  /** Collects a stream of batches into one table. */
  static async fromBatches(batches: AsyncIterable<Table> | Iterable<Table>): Promise<Table> {
    const parts: Table[] = [];
    for await (const b of batches) parts.push(b);
    return Table.concat(parts);
  }
}

/** Splits a table into batches of at most `size` rows. */
export function* batchesOf(table: Table, size: number): Generator<Table> {
  for (let s = 0; s < table.nRows; s += size) yield table.slice(s, Math.min(table.nRows, s + size));
}

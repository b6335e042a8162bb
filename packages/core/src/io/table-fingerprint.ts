import { Hash64, XxHash32 } from '../metadata/xxhash32.js';
import type { Table } from '../table/table.js';

const CHUNK = 8192;
const encoder = new TextEncoder();

/**
 * Stable 64-bit hash (16 hex digits) of a table's names, types and values, for lineage manifests.
 * Categorical values are hashed by their text, not their codes, so two tables holding the same values
 * with differently ordered dictionaries get the same fingerprint. Every NaN counts as the same missing.
 */
export function tableFingerprint(table: Table): string {
  const h = new Hash64();
  h.updateU32(table.nRows).updateU32(table.nColumns);
  const f64 = new Float64Array(CHUNK);
  const u32 = new Uint32Array(CHUNK);
  for (const [name, col] of table.columns()) {
    h.updateString(name).updateString(col.type);
    switch (col.type) {
      case 'number':
      case 'datetime':
        for (let s = 0; s < col.values.length; s += CHUNK) {
          const e = Math.min(col.values.length, s + CHUNK);
          for (let i = s; i < e; i++) {
            const v = col.values[i]!;
            f64[i - s] = Number.isNaN(v) ? Number.NaN : v;
          }
          h.update(new Uint8Array(f64.buffer, 0, (e - s) * 8));
        }
        break;
      case 'boolean':
        h.update(col.values);
        break;
      case 'categorical': {
        const catHash = col.categories.map((c) => new XxHash32(0).update(encoder.encode(c)).digest());
        for (let s = 0; s < col.codes.length; s += CHUNK) {
          const e = Math.min(col.codes.length, s + CHUNK);
          for (let i = s; i < e; i++) {
            const c = col.codes[i]!;
            u32[i - s] = c < 0 ? 0xffffffff : catHash[c]!;
          }
          h.update(new Uint8Array(u32.buffer, 0, (e - s) * 4));
        }
        break;
      }
    }
  }
  return h.hex();
}

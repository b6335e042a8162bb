import type { Metadata } from './types.js';
import { Hash64 } from './xxhash32.js';

/**
 * JSON with object keys sorted at every level, so equal metadata always gives equal text. Column
 * order is meaningful (it is the table's order), so it is kept as an explicit list.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Stable 64-bit hash (16 hex digits) of the metadata, for lineage manifests. */
export function metadataHash(metadata: Metadata): string {
  const text = canonicalJson({ ...metadata, columnOrder: Object.keys(metadata.columns) });
  return new Hash64().updateString(text).hex();
}

import { nameWords, normalizeName } from '../pii/column-name.js';
import { type CategoricalColumn, MISSING_CODE } from '../table/column.js';

/** Fewest non-missing values before a column can be called free text (small tables are all unique). */
const MIN_ROWS = 20;
/** Share of distinct values among non-missing ones from which a column counts as (nearly) unique. */
const UNIQUE_SHARE = 0.9;
const PROBE = 2000;

/**
 * Free text: (nearly) every value is different and the values are prose rather than short codes
 * (median of three or more words, or 30 characters or more). Learned as categorical, such a column
 * could only copy real values verbatim, so it is regenerated instead, as SDV treats columns it cannot
 * type ('unknown' sdtype). "level 17" or "AB-1234" style labels stay categorical.
 */
export function isFreeText(col: CategoricalColumn): boolean {
  let present = 0;
  for (const c of col.codes) if (c !== MISSING_CODE) present++;
  if (present < MIN_ROWS || col.categories.length < UNIQUE_SHARE * present) return false;
  const probe = spread(col.categories, PROBE);
  const words = probe.map((v) => v.trim().split(/\s+/).length).sort((a, b) => a - b);
  const lengths = probe.map((v) => v.trim().length).sort((a, b) => a - b);
  const mid = probe.length >> 1;
  return words[mid]! >= 3 || lengths[mid]! >= 30;
}

/** "12 Main Street", "Flat 3, 14 Rue de Rivoli": a street number beside words, or a comma-separated place. */
const ADDRESS = /(^|[\s,])\d+[A-Za-z]?\s+\p{L}{2,}|\p{L}{2,}\s+\d+[A-Za-z]?($|[\s,])/u;

/** Do at least half of the values look like addresses (a number beside a street name)? */
export function looksLikeAddresses(col: CategoricalColumn): boolean {
  const probe = spread(col.categories, PROBE);
  if (probe.length === 0) return false;
  let k = 0;
  for (const v of probe) if (ADDRESS.test(v)) k++;
  return k >= 0.5 * probe.length;
}

/** city, home_city, town… (the names pii/detect-pii.ts reads as a city). */
export function isCityName(name: string): boolean {
  const n = normalizeName(name);
  return nameWords(name).includes('city') || n === 'town' || n === 'municipality';
}

function spread(values: readonly string[], n: number): string[] {
  if (values.length <= n) return [...values];
  const step = values.length / n;
  return Array.from({ length: n }, (_, i) => values[Math.floor(i * step)]!);
}

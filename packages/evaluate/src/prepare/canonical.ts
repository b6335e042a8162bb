/**
 * How values become comparable category labels. SDMetrics reads CSVs with pandas, so a column whose
 * every value is a number is numeric there and `1` and `1.0` are one category; we mirror that by
 * canonicalising labels only when the whole column looks numeric.
 */
const NUMERIC_LITERAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export function isNumericLiteral(s: string): boolean {
  return NUMERIC_LITERAL.test(s);
}

/** `1`, `1.0` and `1e0` all become "1"; -0 becomes "0". */
export function canonicalNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** Labels of a categorical dictionary, canonicalised when every label is a numeric literal. */
export function canonicalLabels(categories: readonly string[]): string[] {
  if (categories.length > 0 && categories.every(isNumericLiteral))
    return categories.map((c) => canonicalNumber(Number(c)));
  return [...categories];
}

/** Tokens pandas' read_csv turns into NaN by default; we read them as missing too so scores agree. */
export const PANDAS_NA_TOKENS: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

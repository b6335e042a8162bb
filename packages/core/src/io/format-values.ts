import { type Column, MISSING_BOOL, MISSING_CODE } from '../table/column.js';
import type { ColumnFormat, NumberFormat } from './column-format.js';
import { compileDatetimeFormat } from './datetime-format.js';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14];
const TWO52 = 4_503_599_627_370_496;

/**
 * Writes numbers in a column's style: whole numbers plainly ("41", or "41.0" when the input had
 * one decimal), others rounded to at most `maxDecimals` in their shortest form ("2.15", "7.0").
 * `maxDecimals: Infinity` keeps every digit (shortest round-trip form).
 */
export function numberWriter(
  f: Pick<NumberFormat, 'integer' | 'minDecimals' | 'maxDecimals'>,
): (v: number) => string {
  const min = f.minDecimals;
  if (f.integer) {
    const tail = min > 0 ? `.${'0'.repeat(min)}` : '';
    return (v) => (Number.isFinite(v) ? String(Math.round(v)) + tail : '');
  }
  const max = f.maxDecimals;
  const p = max < POW10.length ? POW10[max]! : 0;
  return (v) => {
    if (!Number.isFinite(v)) return '';
    let r = v;
    if (p > 0) {
      const x = v * p;
      if (Math.abs(x) < TWO52) r = Math.round(x) / p;
    }
    const s = String(r);
    if (min === 0 || s.includes('e')) return s;
    const dot = s.indexOf('.');
    const have = dot < 0 ? 0 : s.length - dot - 1;
    if (have >= min) return s;
    return (dot < 0 ? `${s}.` : s) + '0'.repeat(min - have);
  };
}

/** Default style for a number column with no known format: shortest round-trip form. */
export const PLAIN_NUMBER: NumberFormat = {
  kind: 'number',
  integer: false,
  minDecimals: 0,
  maxDecimals: Infinity,
};

/** Every cell as text in `format` (unquoted; '' when missing). Used to re-read and to write. */
export function cellStrings(column: Column, format: ColumnFormat | undefined): string[] {
  switch (column.type) {
    case 'categorical': {
      const out = new Array<string>(column.codes.length);
      for (let i = 0; i < out.length; i++) {
        const c = column.codes[i]!;
        out[i] = c === MISSING_CODE ? '' : column.categories[c]!;
      }
      return out;
    }
    case 'number': {
      const w = numberWriter(format?.kind === 'number' ? format : PLAIN_NUMBER);
      return Array.from(column.values, w);
    }
    case 'datetime': {
      const codec = compileDatetimeFormat(format?.kind === 'datetime' ? format.format : '%Y-%m-%d %H:%M:%S');
      return Array.from(column.values, (v) => codec.write(v));
    }
    case 'boolean': {
      const t = format?.kind === 'boolean' ? format.trueToken : 'true';
      const f = format?.kind === 'boolean' ? format.falseToken : 'false';
      return Array.from(column.values, (v) => (v === MISSING_BOOL ? '' : v === 1 ? t : f));
    }
  }
}

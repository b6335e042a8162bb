import {
  compileDatetimeFormat,
  type DatetimeCodec,
  type DatetimeStats,
  newDatetimeStats,
} from './datetime-format.js';

const DATES = ['%Y-%m-%d', '%m/%d/%Y', '%d/%m/%Y', '%Y/%m/%d', '%d.%m.%Y', '%d-%m-%Y'];
const TIMES = ['', ' %H:%M:%S', ' %H:%M', ' %H:%M:%S.%f', ' %I:%M:%S %p', ' %I:%M %p'];
const ISO = ['T%H:%M:%S', 'T%H:%M:%SZ', 'T%H:%M:%S.%f', 'T%H:%M:%S.%fZ', 'T%H:%M'];

/**
 * Formats tried, in order, when a column may hold datetimes. Month-first comes before day-first,
 * so an ambiguous column (every day <= 12) reads as %m/%d/%Y, as pandas does.
 */
export const DATETIME_CANDIDATES: readonly string[] = [
  ...DATES.flatMap((d) => TIMES.map((t) => d + t)),
  ...ISO.map((t) => `%Y-%m-%d${t}`),
];

let compiled: DatetimeCodec[] | undefined;

/**
 * The first candidate format that parses every non-missing value (refine it with `refineFormat(base,
 * stats)` to the padding the values use), or undefined. `values[i]` is skipped when `isMissing(i)`.
 */
export function detectDatetimeFormat(
  values: readonly string[],
  isMissing: (i: number) => boolean,
): { base: string; codec: DatetimeCodec; stats: DatetimeStats } | undefined {
  compiled ??= DATETIME_CANDIDATES.map(compileDatetimeFormat);
  let first = -1;
  for (let i = 0; i < values.length; i++)
    if (!isMissing(i)) {
      first = i;
      break;
    }
  if (first < 0) return undefined;
  const v0 = values[first]!;
  // Cheap shape test before any parsing: a datetime starts with a digit and has a separator.
  const c0 = v0.charCodeAt(0);
  if (!(c0 >= 48 && c0 <= 57) || v0.length < 6 || v0.length > 40) return undefined;
  for (const codec of compiled) {
    if (Number.isNaN(codec.parse(v0))) continue;
    const stats = newDatetimeStats(codec.format);
    let ok = true;
    for (let i = first; i < values.length; i++) {
      if (isMissing(i)) continue;
      if (Number.isNaN(codec.parse(values[i]!, stats))) {
        ok = false;
        break;
      }
    }
    if (ok) return { base: codec.format, codec, stats };
  }
  return undefined;
}

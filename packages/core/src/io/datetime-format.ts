import { SynthkitError } from '../errors/synthkit-error.js';

/**
 * strftime-style datetime formats, parsed and written without `Date` (a hot path on big files).
 * Values are milliseconds since the Unix epoch of the wall-clock time as written (treated as UTC).
 *
 * Supported: %Y %y %m %d %H %I %p %M %S %f (fraction, written as 6 digits like Python) %L (3-digit
 * milliseconds, as in d3/Ruby) %b %B %%, the glibc no-padding forms %-m %-d %-H %-I %-M %-S, and
 * literal characters. Parsing is lenient about zero padding, like Python's strptime.
 */
export interface DatetimeCodec {
  readonly format: string;
  /** Milliseconds since the epoch, or NaN when `s` does not match. `stats` collects padding habits. */
  parse(s: string, stats?: DatetimeStats): number;
  write(ms: number): string;
}

/** Per format part: bit 1 = a value below 10 written with one digit, bit 2 = written zero-padded. */
export interface DatetimeStats {
  padding: Uint8Array;
  fracMin: number;
  fracMax: number;
}

type FieldKind = 'Y' | 'y' | 'm' | 'd' | 'H' | 'I' | 'p' | 'M' | 'S' | 'f' | 'L' | 'b' | 'B';
type Part = { lit: string } | { field: FieldKind; pad: boolean };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;

export function compileDatetimeFormat(format: string): DatetimeCodec {
  const parts = splitFormat(format);
  const hasField = (f: FieldKind): boolean => parts.some((p) => 'field' in p && p.field === f);
  // Output is rounded to the finest unit the format can show (unbiased, unlike truncation).
  const unitMs = hasField('f')
    ? 0.001
    : hasField('L')
      ? 1
      : hasField('S')
        ? 1000
        : hasField('M')
          ? 60_000
          : hasField('H') || hasField('I')
            ? 3_600_000
            : DAY_MS;
  return {
    format,
    parse: (s, stats) => parseWith(parts, s, stats),
    write: (ms) => writeWith(parts, ms, unitMs),
  };
}

export function newDatetimeStats(format: string): DatetimeStats {
  return { padding: new Uint8Array(splitFormat(format).length), fracMin: Infinity, fracMax: -1 };
}

/**
 * The format that writes values back as they were read: `%m` becomes `%-m` when single-digit values
 * were never zero-padded, and `%f` becomes `%L` when every fraction had exactly three digits.
 */
export function refineFormat(format: string, stats: DatetimeStats): string {
  const parts = splitFormat(format);
  return parts
    .map((p, i) => {
      if ('lit' in p) return p.lit === '%' ? '%%' : p.lit;
      if (p.field === 'f' || p.field === 'L') {
        if (stats.fracMin === 3 && stats.fracMax === 3) return '%L';
        if (stats.fracMin === 6 && stats.fracMax === 6) return '%f';
        return p.field === 'L' ? '%L' : '%f';
      }
      const seen = stats.padding[i]!;
      if ((seen & 1) !== 0 && (seen & 2) === 0 && PADDABLE.has(p.field)) return `%-${p.field}`;
      return `%${p.field}`;
    })
    .join('');
}

const PADDABLE = new Set<FieldKind>(['m', 'd', 'H', 'I', 'M', 'S']);
const KNOWN = new Set<string>(['Y', 'y', 'm', 'd', 'H', 'I', 'p', 'M', 'S', 'f', 'L', 'b', 'B']);
const cache = new Map<string, Part[]>();

function splitFormat(format: string): Part[] {
  const hit = cache.get(format);
  if (hit) return hit;
  const parts: Part[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      parts.push({ lit: ch });
      continue;
    }
    let d = format[++i];
    let pad = true;
    if (d === '-') {
      pad = false;
      d = format[++i];
    }
    if (d === '%') parts.push({ lit: '%' });
    else if (d !== undefined && KNOWN.has(d)) parts.push({ field: d as FieldKind, pad });
    else
      throw new SynthkitError(
        'UNSUPPORTED',
        `Datetime format "${format}" uses %${d ?? ''}, which is not supported`,
        {
          hint: 'Use %Y %y %m %d %H %I %p %M %S %f %L %b %B (and %-m style for no zero padding)',
        },
      );
  }
  if (!parts.some((p) => 'field' in p && (p.field === 'Y' || p.field === 'y')))
    throw new SynthkitError('UNSUPPORTED', `Datetime format "${format}" has no year (%Y or %y)`, {
      hint: 'A datetime format needs at least a year, month and day',
    });
  cache.set(format, parts);
  return parts;
}

function parseWith(parts: readonly Part[], s: string, stats?: DatetimeStats): number {
  let pos = 0;
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fracMs = 0;
  let pm = -1;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if ('lit' in p) {
      if (s.charCodeAt(pos) !== p.lit.charCodeAt(0)) return Number.NaN;
      pos++;
      continue;
    }
    const f = p.field;
    if (f === 'p') {
      const t = s.slice(pos, pos + 2).toUpperCase();
      if (t !== 'AM' && t !== 'PM') return Number.NaN;
      pm = t === 'PM' ? 1 : 0;
      pos += 2;
      continue;
    }
    if (f === 'b' || f === 'B') {
      const m = matchMonth(s, pos, f === 'B');
      if (m < 0) return Number.NaN;
      month = m + 1;
      pos += f === 'B' ? MONTHS[m]!.length : 3;
      continue;
    }
    const maxW = f === 'Y' ? 4 : f === 'f' ? 9 : f === 'L' ? 3 : 2;
    const minW = f === 'Y' || f === 'L' ? maxW : f === 'y' ? 2 : 1;
    let v = 0;
    let w = 0;
    while (w < maxW) {
      const c = s.charCodeAt(pos + w) - 48;
      if (!(c >= 0 && c <= 9)) break;
      v = v * 10 + c;
      w++;
    }
    if (w < minW) return Number.NaN;
    if (stats && PADDABLE.has(f) && v < 10) stats.padding[k]! |= w === 1 ? 1 : 2;
    pos += w;
    switch (f) {
      case 'Y':
        year = v;
        break;
      case 'y':
        year = v < 69 ? 2000 + v : 1900 + v; // POSIX pivot, as Python's strptime
        break;
      case 'm':
        month = v;
        break;
      case 'd':
        day = v;
        break;
      case 'H':
      case 'I':
        hour = v;
        break;
      case 'M':
        minute = v;
        break;
      case 'S':
        second = v;
        break;
      case 'f':
      case 'L':
        fracMs = (v / 10 ** w) * 1000;
        if (stats) {
          if (w < stats.fracMin) stats.fracMin = w;
          if (w > stats.fracMax) stats.fracMax = w;
        }
        break;
    }
  }
  if (pos !== s.length) return Number.NaN;
  if (pm >= 0) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + 12 * pm;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + fracMs;
}

function writeWith(parts: readonly Part[], ms: number, unitMs: number): string {
  if (!Number.isFinite(ms)) return '';
  // Work in integer units of the format's resolution so rounding never produces "60" seconds.
  const micros = unitMs < 1 ? Math.round(ms * 1000) : Math.round(ms / unitMs) * unitMs * 1000;
  const days = Math.floor(micros / 86_400_000_000);
  let rest = micros - days * 86_400_000_000;
  const hour = Math.floor(rest / 3_600_000_000);
  rest -= hour * 3_600_000_000;
  const minute = Math.floor(rest / 60_000_000);
  rest -= minute * 60_000_000;
  const second = Math.floor(rest / 1_000_000);
  const micro = rest - second * 1_000_000;
  const [year, month, day] = civilFromDays(days);
  let out = '';
  for (const p of parts) {
    if ('lit' in p) {
      out += p.lit;
      continue;
    }
    switch (p.field) {
      case 'Y':
        out += year >= 0 && year < 10000 ? String(year).padStart(4, '0') : String(year);
        break;
      case 'y':
        out += two(((year % 100) + 100) % 100, true);
        break;
      case 'm':
        out += two(month, p.pad);
        break;
      case 'd':
        out += two(day, p.pad);
        break;
      case 'H':
        out += two(hour, p.pad);
        break;
      case 'I':
        out += two(hour % 12 === 0 ? 12 : hour % 12, p.pad);
        break;
      case 'p':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'M':
        out += two(minute, p.pad);
        break;
      case 'S':
        out += two(second, p.pad);
        break;
      case 'f':
        out += String(micro).padStart(6, '0');
        break;
      case 'L':
        out += String(Math.round(micro / 1000)).padStart(3, '0');
        break;
      case 'b':
        out += MONTHS[month - 1]!.slice(0, 3);
        break;
      case 'B':
        out += MONTHS[month - 1]!;
        break;
    }
  }
  return out;
}

function two(v: number, pad: boolean): string {
  return pad && v < 10 ? `0${v}` : String(v);
}

function matchMonth(s: string, pos: number, full: boolean): number {
  for (let m = 0; m < 12; m++) {
    const name = full ? MONTHS[m]! : MONTHS[m]!.slice(0, 3);
    if (s.slice(pos, pos + name.length).toLowerCase() === name.toLowerCase()) return m;
  }
  return -1;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil (same source). */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * strftime-format parsing to epoch milliseconds (UTC wall clock), the subset SDV metadata uses:
 * %Y %y %m %d %H %I %p %M %S %f %b %B %j %z %%. Returns NaN when the text does not fit the format.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  pm: number; // -1 unknown, 0 am, 1 pm
  offsetMin: number;
  dayOfYear: number;
}

function readInt(s: string, at: number, min: number, max: number): [number, number] {
  let end = at;
  while (end < s.length && end - at < max && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
  if (end - at < min) return [Number.NaN, at];
  return [Number(s.slice(at, end)), end];
}

export function parseDatetime(text: string, format: string): number {
  const s = text.trim();
  const p: Parts = {
    year: 1900,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: -1,
    offsetMin: 0,
    dayOfYear: -1,
  };
  let i = 0;
  for (let f = 0; f < format.length; f++) {
    const fc = format[f]!;
    if (fc !== '%') {
      if (s[i] !== fc) return Number.NaN;
      i++;
      continue;
    }
    const d = format[++f];
    let v = 0;
    switch (d) {
      case 'Y':
        [v, i] = readInt(s, i, 4, 4);
        p.year = v;
        break;
      case 'y':
        [v, i] = readInt(s, i, 2, 2);
        p.year = v < 69 ? 2000 + v : 1900 + v; // POSIX pivot, as Python's strptime
        break;
      case 'm':
        [v, i] = readInt(s, i, 1, 2);
        p.month = v;
        break;
      case 'd':
        [v, i] = readInt(s, i, 1, 2);
        p.day = v;
        break;
      case 'H':
      case 'I':
        [v, i] = readInt(s, i, 1, 2);
        p.hour = v;
        break;
      case 'M':
        [v, i] = readInt(s, i, 1, 2);
        p.minute = v;
        break;
      case 'S':
        [v, i] = readInt(s, i, 1, 2);
        p.second = v;
        break;
      case 'j':
        [v, i] = readInt(s, i, 1, 3);
        p.dayOfYear = v;
        break;
      case 'f': {
        const start = i;
        [v, i] = readInt(s, i, 1, 6);
        p.ms = (v / 10 ** (i - start)) * 1000;
        break;
      }
      case 'p': {
        const t = s.slice(i, i + 2).toLowerCase();
        if (t !== 'am' && t !== 'pm') return Number.NaN;
        p.pm = t === 'pm' ? 1 : 0;
        i += 2;
        break;
      }
      case 'b':
      case 'B': {
        const word = /^[A-Za-z]+/.exec(s.slice(i))?.[0] ?? '';
        const m = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
        if (m < 0) return Number.NaN;
        p.month = m + 1;
        i += word.length;
        break;
      }
      case 'z': {
        if (s[i] === 'Z') {
          i++;
          break;
        }
        const sign = s[i] === '-' ? -1 : s[i] === '+' ? 1 : 0;
        if (sign === 0) return Number.NaN;
        const m = /^(\d\d):?(\d\d)/.exec(s.slice(i + 1));
        if (!m) return Number.NaN;
        p.offsetMin = sign * (Number(m[1]) * 60 + Number(m[2]));
        i += 1 + m[0].length;
        break;
      }
      case '%':
        if (s[i] !== '%') return Number.NaN;
        i++;
        break;
      default:
        return Number.NaN;
    }
    if (Number.isNaN(v)) return Number.NaN;
  }
  if (i !== s.length) return Number.NaN;
  if (p.pm === 1 && p.hour < 12) p.hour += 12;
  if (p.pm === 0 && p.hour === 12) p.hour = 0;
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 || p.hour > 23 || p.minute > 59 || p.second > 61)
    return Number.NaN;
  const base =
    p.dayOfYear > 0
      ? Date.UTC(p.year, 0, 1) + (p.dayOfYear - 1) * 86_400_000
      : Date.UTC(p.year, p.month - 1, p.day);
  return base + ((p.hour * 60 + p.minute - p.offsetMin) * 60 + p.second) * 1000 + p.ms;
}

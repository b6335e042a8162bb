/**
 * Strict scanner for numeric CSV tokens: plain decimals with optional sign, fraction and exponent,
 * surrounded by optional spaces. Anything else ("0x10", "1,5", "12abc", "") is not a number.
 */

/** Not a number at all. */
export const NOT_NUMBER = -1;
/** An integer written with leading zeros ("007", "02134"): kept as text so the zeros survive. */
export const LEADING_ZERO = -2;
/** An integer beyond 2^53 (card numbers, long ids): kept as text so no digit is lost. */
export const UNSAFE_INTEGER = -3;

/**
 * Decimal places written in `s` (>= 0; "41.0" -> 1, "1.5e-3" -> 4) when it is a number, else one of the
 * negative codes above. The value itself is `Number(s)`.
 */
export function scanNumber(s: string): number {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) === 32) i++;
  let end = n;
  while (end > i && s.charCodeAt(end - 1) === 32) end--;
  if (i === end) return NOT_NUMBER;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) i++; // + -
  const intStart = i;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  let fracDigits = 0;
  let hasPoint = false;
  if (i < end && s.charCodeAt(i) === 46) {
    hasPoint = true;
    i++;
    const fs = i;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    fracDigits = i - fs;
  }
  if (intDigits + fracDigits === 0) return NOT_NUMBER;
  let exp = 0;
  let hasExp = false;
  if (i < end) {
    c = s.charCodeAt(i);
    if (c !== 101 && c !== 69) return NOT_NUMBER; // e E
    hasExp = true;
    i++;
    let sign = 1;
    c = s.charCodeAt(i);
    if (c === 43 || c === 45) {
      if (c === 45) sign = -1;
      i++;
    }
    const es = i;
    while (i < end && isDigit(s.charCodeAt(i))) {
      exp = exp * 10 + s.charCodeAt(i) - 48;
      i++;
    }
    if (i === es || i !== end) return NOT_NUMBER;
    exp *= sign;
  }
  if (intDigits > 1 && s.charCodeAt(intStart) === 48) return LEADING_ZERO;
  if (!hasPoint && !hasExp && intDigits > 15 && Math.abs(Number(s)) > Number.MAX_SAFE_INTEGER)
    return UNSAFE_INTEGER;
  return Math.max(0, fracDigits - exp);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** "Infinity", "-inf", "+INF"…: not missing, not a finite number. */
export function isNonFiniteToken(s: string): boolean {
  const t = s.trim().toLowerCase();
  const u = t.charCodeAt(0) === 43 || t.charCodeAt(0) === 45 ? t.slice(1) : t;
  return u === 'inf' || u === 'infinity';
}

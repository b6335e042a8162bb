/**
 * Decimal digits written straight into a byte buffer, for the CSV writer's hot path: no string is
 * made per value. Each function writes at `pos` and returns the position after the last byte; the
 * caller guarantees room (at most 16 bytes for the numbers these take).
 */

/** "00".."99" as byte pairs: two digits per division. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + ((i / 10) | 0);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

const E8 = 100_000_000;

/** Number of decimal digits of an integer 0 <= x < 2^31. */
function digitCount(x: number): number {
  if (x < 100_000) return x < 100 ? (x < 10 ? 1 : 2) : x < 1000 ? 3 : x < 10_000 ? 4 : 5;
  return x < 10_000_000 ? (x < 1_000_000 ? 6 : 7) : x < E8 ? 8 : x < 1_000_000_000 ? 9 : 10;
}

/** The digits of x (an integer, 0 <= x < 2^31) left-padded with zeros to `width`. */
function writeSmall(buf: Uint8Array, pos: number, x: number, width: number): number {
  const len = Math.max(digitCount(x), width);
  let p = pos + len;
  while (x >= 100) {
    const q = (x / 100) | 0;
    const r = (x - q * 100) << 1;
    buf[--p] = PAIRS[r + 1]!;
    buf[--p] = PAIRS[r]!;
    x = q;
  }
  if (x >= 10) {
    buf[--p] = PAIRS[(x << 1) + 1]!;
    buf[--p] = PAIRS[x << 1]!;
  } else buf[--p] = 48 + x;
  while (p > pos) buf[--p] = 48;
  return pos + len;
}

/** The digits of an integer 0 <= x < 1e15 (as String(x) writes them), zero-padded to `width`. */
export function writeUint(buf: Uint8Array, pos: number, x: number, width = 0): number {
  if (x < 2_147_483_648) return writeSmall(buf, pos, x, width);
  const hi = Math.floor(x / E8);
  pos = writeSmall(buf, pos, hi, width - 8);
  return writeSmall(buf, pos, x - hi * E8, 8);
}

/** An integer -2^31 < x < 2^31 as String(x) writes it (-0 as "0"). */
export function writeInt32(buf: Uint8Array, pos: number, x: number): number {
  if (x < 0) {
    buf[pos++] = 45;
    x = -x;
  }
  return writeSmall(buf, pos, x, 0);
}

/**
 * m / 10^k, for an integer |m| < 1e15 and 0 <= k <= 14, in the shortest form that reads back as the
 * double nearest to it (so exactly what String(m / 10^k) writes when that is >= 1e-6 in magnitude:
 * a decimal of at most 15 significant digits is the only one of its length or shorter that rounds
 * to that double), trailing zeros dropped, then padded with zeros to `minDecimals` places.
 */
export function writeScaled(
  buf: Uint8Array,
  pos: number,
  m: number,
  k: number,
  p: number,
  minDecimals: number,
): number {
  if (m < 0) {
    buf[pos++] = 45;
    m = -m;
  }
  let whole = Math.floor(m / p);
  let frac = m - whole * p;
  // m / p is rounded; with m < 1e15 it never lands on the wrong integer, but stay exact regardless.
  if (frac < 0) {
    whole--;
    frac += p;
  } else if (frac >= p) {
    whole++;
    frac -= p;
  }
  pos = writeUint(buf, pos, whole);
  let places = k;
  while (places > 0 && frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  if (places === 0 && minDecimals === 0) return pos;
  buf[pos++] = 46;
  if (places > 0) pos = writeUint(buf, pos, frac, places);
  while (places < minDecimals) {
    buf[pos++] = 48;
    places++;
  }
  return pos;
}

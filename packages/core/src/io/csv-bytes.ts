import { type ColumnCells, DICTIONARY, INTEGER, PLAIN, SCALED } from './csv-cells.js';
import { writeInt32, writeScaled } from './number-bytes.js';

/** Bytes per chunk handed to the file (or decoder): big enough for few writes, small enough to cache. */
export const CHUNK_BYTES = 1 << 20;
const TWO31 = 2_147_483_648;
const TWO52 = 4_503_599_627_370_496;
/** Below this, String() switches to exponent notation ("1e-7"), which the fast path does not write. */
const SMALLEST_PLAIN = 1e-6;

const utf8 = new TextEncoder();

/** A growing byte buffer; `take` hands over what was written and starts a fresh one. */
export class ByteSink {
  buf: Uint8Array = new Uint8Array(CHUNK_BYTES + (1 << 16));
  pos = 0;

  /** Makes room for `need` more bytes after `pos`; returns the (possibly new) buffer. */
  grow(need: number): Uint8Array {
    if (this.pos + need <= this.buf.length) return this.buf;
    const next = new Uint8Array(Math.max(2 * this.buf.length, this.pos + need));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    return next;
  }

  writeText(s: string): void {
    this.grow(3 * s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let k = 0; k < s.length; k++) {
      const ch = s.charCodeAt(k);
      if (ch >= 128) {
        this.pos = pos + utf8.encodeInto(s.slice(k), buf.subarray(pos)).written;
        return;
      }
      buf[pos++] = ch;
    }
    this.pos = pos;
  }

  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.buf.length);
    this.pos = 0;
    return out;
  }
}

/**
 * Writes rows start.. of the columns as CSV lines into `sink` until the chunk is full (CHUNK_BYTES)
 * or `end`; returns the next row to write. Rows go out left to right, cell by cell, each kind on
 * its own fast path (dictionary bytes copied, integers and fixed decimals written as digits), and
 * anything else spelled by the column's string writer, so the text is exactly what it would write.
 */
export function writeRows(
  sink: ByteSink,
  cols: readonly ColumnCells[],
  start: number,
  end: number,
  sep: Uint8Array,
  eol: Uint8Array,
): number {
  const nCols = cols.length;
  let rowRoom = eol.length + nCols * sep.length;
  for (const c of cols) rowRoom += c.room;
  let buf = sink.buf;
  let pos = sink.pos;
  let i = start;
  for (; i < end && pos < CHUNK_BYTES; i++) {
    if (pos + rowRoom > buf.length) {
      sink.pos = pos;
      buf = sink.grow(rowRoom);
    }
    for (let j = 0; j < nCols; j++) {
      if (j > 0) for (let k = 0; k < sep.length; k++) buf[pos++] = sep[k]!;
      const c = cols[j]!;
      if (c.kind === DICTIONARY) {
        let e = c.codes[i]!;
        if (e < 0) e = c.missingEntry;
        const dict = c.dict;
        const stop = c.starts[e + 1]!;
        for (let k = c.starts[e]!; k < stop; k++) buf[pos++] = dict[k]!;
        continue;
      }
      const v = c.values[i]!;
      if (Number.isNaN(v)) {
        const m = c.missing;
        for (let k = 0; k < m.length; k++) buf[pos++] = m[k]!;
        continue;
      }
      let s: string;
      if (c.kind === INTEGER) {
        const r = Math.round(v);
        if (r > -TWO31 && r < TWO31) {
          pos = writeInt32(buf, pos, r);
          if (c.minDecimals > 0) {
            buf[pos++] = 46;
            for (let k = 0; k < c.minDecimals; k++) buf[pos++] = 48;
          }
          continue;
        }
        s = c.slow(v);
      } else if (c.kind === SCALED) {
        const x = v * c.scale;
        if (x > -TWO52 && x < TWO52) {
          const m = Math.round(x);
          if (m > -1e15 && m < 1e15 && (m === 0 || Math.abs(m / c.scale) >= SMALLEST_PLAIN)) {
            pos = writeScaled(buf, pos, m, c.decimals, c.scale, c.minDecimals);
            continue;
          }
        }
        s = c.slow(v);
      } else if (c.kind === PLAIN) {
        if (v > -TWO31 && v < TWO31 && v === Math.floor(v)) {
          pos = writeInt32(buf, pos, v);
          continue;
        }
        s = c.slow(v);
      } else {
        // TEXT: datetimes, whose length the format decides; the sink checks room itself.
        sink.pos = pos;
        sink.writeText(c.slow(v));
        buf = sink.buf;
        pos = sink.pos;
        continue;
      }
      // Numbers the fast paths leave out (huge, tiny, non-finite): ASCII, at most `room` bytes.
      for (let k = 0; k < s.length; k++) buf[pos++] = s.charCodeAt(k);
    }
    for (let k = 0; k < eol.length; k++) buf[pos++] = eol[k]!;
  }
  sink.pos = pos;
  return i;
}

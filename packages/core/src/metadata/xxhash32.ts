/**
 * xxHash32 (Y. Collet, xxHash specification v0.8), streaming, on bytes. Not cryptographic: used for
 * stable content fingerprints and metadata hashes in lineage manifests, where speed matters and no
 * adversary does. Bytes are read little-endian, as the specification says, on every platform.
 */
const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

export class XxHash32 {
  private v1: number;
  private v2: number;
  private v3: number;
  private v4: number;
  private total = 0;
  private readonly tail = new Uint8Array(16);
  private tailLen = 0;

  constructor(private readonly seed = 0) {
    this.v1 = (seed + P1 + P2) | 0;
    this.v2 = (seed + P2) | 0;
    this.v3 = seed | 0;
    this.v4 = (seed - P1) | 0;
  }

  update(data: Uint8Array): this {
    let i = 0;
    const n = data.length;
    this.total += n;
    if (this.tailLen > 0) {
      while (this.tailLen < 16 && i < n) this.tail[this.tailLen++] = data[i++]!;
      if (this.tailLen < 16) return this;
      this.stripe(this.tail, 0);
      this.tailLen = 0;
    }
    for (; i + 16 <= n; i += 16) this.stripe(data, i);
    while (i < n) this.tail[this.tailLen++] = data[i++]!;
    return this;
  }

  digest(): number {
    let h: number;
    if (this.total >= 16)
      h = (rotl(this.v1, 1) + rotl(this.v2, 7) + rotl(this.v3, 12) + rotl(this.v4, 18)) | 0;
    else h = (this.seed + P5) | 0;
    h = (h + this.total) | 0;
    const t = this.tail;
    let i = 0;
    for (; i + 4 <= this.tailLen; i += 4) {
      h = (h + Math.imul(read32(t, i), P3)) | 0;
      h = Math.imul(rotl(h, 17), P4);
    }
    for (; i < this.tailLen; i++) {
      h = (h + Math.imul(t[i]!, P5)) | 0;
      h = Math.imul(rotl(h, 11), P1);
    }
    h ^= h >>> 15;
    h = Math.imul(h, P2);
    h ^= h >>> 13;
    h = Math.imul(h, P3);
    h ^= h >>> 16;
    return h >>> 0;
  }

  private stripe(b: Uint8Array, i: number): void {
    this.v1 = round(this.v1, read32(b, i));
    this.v2 = round(this.v2, read32(b, i + 4));
    this.v3 = round(this.v3, read32(b, i + 8));
    this.v4 = round(this.v4, read32(b, i + 12));
  }
}

function round(acc: number, lane: number): number {
  return Math.imul(rotl((acc + Math.imul(lane, P2)) | 0, 13), P1);
}

function read32(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

const encoder = new TextEncoder();

/** 64 bits as 16 hex digits: two xxHash32 lanes with different seeds over the same bytes. */
export class Hash64 {
  private readonly a = new XxHash32(0);
  private readonly b = new XxHash32(0x5bd1e995);

  update(data: Uint8Array): this {
    this.a.update(data);
    this.b.update(data);
    return this;
  }

  updateString(s: string): this {
    const bytes = encoder.encode(s);
    this.updateU32(bytes.length);
    return this.update(bytes);
  }

  updateU32(x: number): this {
    const w = new Uint8Array(4);
    w[0] = x;
    w[1] = x >>> 8;
    w[2] = x >>> 16;
    w[3] = x >>> 24;
    return this.update(w);
  }

  hex(): string {
    return this.a.digest().toString(16).padStart(8, '0') + this.b.digest().toString(16).padStart(8, '0');
  }
}

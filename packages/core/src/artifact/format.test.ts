import { describe, expect, it } from 'vitest';
import { ARTIFACT_FORMAT_VERSION, decodeArtifact, encodeArtifact } from './format.js';

const contents = {
  manifest: { hello: 'world', n: [1, 2, 3] },
  arrays: {
    a: Float64Array.from([1.5, -2, Number.MAX_VALUE]),
    b: Int32Array.from([7, -8, 9]),
    c: Uint8Array.from([1, 2, 3, 4, 5]),
    d: Float32Array.from([0.25]),
  },
};

describe('artifact format', () => {
  it('round-trips JSON and typed arrays, deterministically', () => {
    const bytes = encodeArtifact(contents);
    expect(encodeArtifact(contents)).toEqual(bytes);
    const back = decodeArtifact(bytes);
    expect(back.manifest).toEqual(contents.manifest);
    expect(back.arrays).toEqual(contents.arrays);
    expect(back.arrays.b).toBeInstanceOf(Int32Array);
    // also from an unaligned view inside a bigger buffer
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeArtifact(shifted.subarray(3)).arrays).toEqual(contents.arrays);
    // and from a Node Buffer (whose slice() is a view into a shared pool)
    expect(decodeArtifact(Buffer.from(bytes)).arrays).toEqual(contents.arrays);
  });

  it('rejects every truncation and every single-byte change', () => {
    const bytes = encodeArtifact(contents);
    for (const n of [0, 10, 47, bytes.length - 33, bytes.length - 1])
      expect(() => decodeArtifact(bytes.subarray(0, n))).toThrow(
        expect.objectContaining({ code: 'BAD_ARTIFACT' }),
      );
    for (let i = 0; i < bytes.length; i++) {
      if (i >= 8 && i < 12) continue; // the version field: see below
      const t = bytes.slice();
      t[i]! ^= 0x20;
      expect(() => decodeArtifact(t), `byte ${i}`).toThrow(expect.objectContaining({ code: 'BAD_ARTIFACT' }));
    }
  });

  it('reports a newer format version as ARTIFACT_VERSION', () => {
    const t = encodeArtifact(contents).slice();
    new DataView(t.buffer).setUint32(8, ARTIFACT_FORMAT_VERSION + 1, true);
    expect(() => decodeArtifact(t)).toThrow(expect.objectContaining({ code: 'ARTIFACT_VERSION' }));
    new DataView(t.buffer).setUint32(8, 0, true);
    expect(() => decodeArtifact(t)).toThrow(expect.objectContaining({ code: 'BAD_ARTIFACT' }));
  });
});

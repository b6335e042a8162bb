import { runGeneratorConformance } from '@synthkit/core/conformance';
import { describe, expect, it } from 'vitest';
import { tvae } from './plugin.js';

describe('tvae conformance', () => {
  it('meets the generator contract (shapes, determinism, save/load) through the Synthesizer', async () => {
    // Enough epochs that argmax decoding produces every common category (after 1 epoch it emits only the majority).
    const options = {
      epochs: 8,
      batchSize: 64,
      embeddingDim: 8,
      compressDims: [16],
      decompressDims: [16],
      learningRate: 1e-2,
      backend: 'wasm',
    };
    const passed = await runGeneratorConformance(tvae(options), { options, rows: 120 });
    expect(passed.length).toBeGreaterThan(3);
  });
});

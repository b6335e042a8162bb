import { describe, expect, it } from 'vitest';
import { decodeArtifact, encodeArtifact } from '../artifact/format.js';
import { containsText } from '../conformance/compare.js';
import { conformanceTable } from '../conformance/dataset.js';
import { inequality } from '../constraints/inequality.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import { Registry } from '../plugin/registry.js';
import type { GeneratorPlugin } from '../plugin/types.js';
import { type CategoricalColumn, valueAt } from '../table/column.js';
import { Synthesizer } from './synthesizer.js';

const { table, metadata } = conformanceTable(300);

async function fitted() {
  const synth = new Synthesizer({
    generator: independentMarginals({ quantiles: 64 }),
    metadata: { ...metadata, constraints: [{ type: 'fixedCombinations', columns: ['city', 'country'] }] },
    constraints: [inequality('checkin', 'checkout')],
  });
  await synth.fit(table, { seed: 11 });
  return synth;
}

describe('Synthesizer save/load', () => {
  it('loads a model that samples exactly what the original samples', async () => {
    const synth = await fitted();
    const bytes = synth.save();
    expect(synth.save()).toEqual(bytes);
    const loaded = await Synthesizer.load(bytes, { registry: new Registry().add(independentMarginals()) });
    expect(loaded.generatorInfo).toEqual(synth.generatorInfo);
    expect(loaded.metadata).toEqual(synth.metadata);
    const a = await synth.sample(500, { seed: 3, conditions: { city: 'Lyon' } });
    const b = await loaded.sample(500, { seed: 3, conditions: { city: 'Lyon' } });
    for (const n of a.names) expect(b.column(n)).toEqual(a.column(n));
    expect(loaded.save()).toEqual(bytes);
  });

  it('never holds a training row nor any id or PII value', async () => {
    const bytes = (await fitted()).save();
    for (const name of ['booking_id', 'email']) {
      const c = table.column(name) as CategoricalColumn;
      for (let i = 0; i < table.nRows; i++)
        expect(containsText(bytes, valueAt(c, i) as string), `${name} row ${i + 1}`).toBe(false);
    }
    // the canary check itself works
    expect(containsText(bytes, 'Paris')).toBe(true);
  });

  it('fails before any plugin code runs on a damaged or unknown file', async () => {
    let loads = 0;
    const spy: GeneratorPlugin<any> = {
      ...independentMarginals(),
      load: (s, o) => {
        loads++;
        return independentMarginals().load(s, o);
      },
    };
    const bytes = (await fitted()).save();
    const tampered = bytes.slice();
    tampered[Math.floor(bytes.length / 2)]! ^= 1;
    await expect(Synthesizer.load(tampered, { plugins: [spy] })).rejects.toMatchObject({
      code: 'BAD_ARTIFACT',
    });
    await expect(
      Synthesizer.load(bytes.subarray(0, bytes.length - 100), { plugins: [spy] }),
    ).rejects.toMatchObject({ code: 'BAD_ARTIFACT' });
    const newer = bytes.slice();
    newer[8] = 99;
    await expect(Synthesizer.load(newer, { plugins: [spy] })).rejects.toMatchObject({
      code: 'ARTIFACT_VERSION',
    });
    expect(loads).toBe(0);
    await expect(Synthesizer.load(bytes, { plugins: [] })).rejects.toMatchObject({
      code: 'PLUGIN_NOT_FOUND',
      message: expect.stringContaining('independent'),
    });
    await Synthesizer.load(bytes, { plugins: [spy] });
    expect(loads).toBe(1);
  });

  it('reports a well-checksummed but malformed manifest as BAD_ARTIFACT', async () => {
    const { manifest, arrays } = decodeArtifact((await fitted()).save());
    const broken = (change: (m: Record<string, unknown>) => void) => {
      const m = JSON.parse(JSON.stringify(manifest));
      change(m);
      return encodeArtifact({ manifest: m, arrays });
    };
    const load = (bytes: Uint8Array) => Synthesizer.load(bytes, { plugins: [independentMarginals()] });
    await expect(load(broken((m) => delete m.plan))).rejects.toMatchObject({ code: 'BAD_ARTIFACT' });
    await expect(
      load(broken((m) => ((m.plan as { columns: unknown[] }).columns = [{ kind: 'discrete', name: 'x' }]))),
    ).rejects.toMatchObject({
      code: 'BAD_ARTIFACT',
    });
    await expect(load(broken((m) => (m.format = 'something else')))).rejects.toMatchObject({
      code: 'BAD_ARTIFACT',
    });
  });

  it('refuses to save before fit', () => {
    expect(() => new Synthesizer({ generator: independentMarginals(), metadata }).save()).toThrow(
      expect.objectContaining({ code: 'NOT_FITTED' }),
    );
  });
});

import { Registry, Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { adultScenario } from '../test/adult-fixtures.js';
import {
  attributeInferenceAttack,
  dcrAttack,
  linkabilityAttack,
  membershipDistanceAttack,
  membershipDomiasAttack,
  singlingOutAttack,
} from './index.js';

describe('attacks are ordinary plugins', () => {
  const plugins = [
    dcrAttack(),
    membershipDistanceAttack({ replicates: 100 }),
    membershipDomiasAttack({ replicates: 100 }),
    singlingOutAttack({ mode: 'univariate', attacks: 100 }),
    singlingOutAttack({ attacks: 100, columns: 2 }),
    linkabilityAttack({
      attacks: 100,
      auxiliaryColumns: [
        ['age', 'sex', 'race'],
        ['education', 'occupation', 'hours-per-week'],
      ],
    }),
    attributeInferenceAttack('income', { attacks: 100 }),
  ];

  it('register in core’s Registry by kind and name', () => {
    const registry = new Registry().add(...plugins);
    expect(registry.list('attack').map((p) => p.name)).toEqual([
      'dcr',
      'membership-distance',
      'membership-domias',
      'singling-out-univariate',
      'singling-out-multivariate',
      'linkability',
      'attribute-inference:income',
    ]);
  });

  it('run on their own with a RunContext and return a risk in [0, 1] inside its interval', async () => {
    const s = adultScenario(300, 8);
    const input = { train: s.train, control: s.control, synthetic: s.leaky, metadata: s.metadata };
    for (const plugin of plugins) {
      const events: string[] = [];
      const r = await plugin.run(input, { rng: new Rng(1), progress: (e) => events.push(e.stage) });
      expect(r.name).toBe(plugin.name);
      expect(r.risk).toBeGreaterThanOrEqual(r.ci[0]);
      expect(r.risk).toBeLessThanOrEqual(r.ci[1]);
      expect(r.ci[0]).toBeGreaterThanOrEqual(0);
      expect(r.ci[1]).toBeLessThanOrEqual(1);
      expect(events.length).toBeGreaterThan(0);
    }
  });

  it('refuses overlapping linkability column sets and unknown columns', async () => {
    const s = adultScenario(100, 8);
    const input = { train: s.train, control: s.control, synthetic: s.leaky, metadata: s.metadata };
    const ctx = { rng: new Rng(1), progress: () => {} };
    await expect(
      linkabilityAttack({ auxiliaryColumns: [['age'], ['age', 'sex']] }).run(input, ctx),
    ).rejects.toThrow(/disjoint/);
    await expect(
      linkabilityAttack({ auxiliaryColumns: [['age'], ['nope']] }).run(input, ctx),
    ).rejects.toThrow(/"nope" is not among/);
  });
});

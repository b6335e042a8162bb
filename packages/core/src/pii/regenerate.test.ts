import { describe, expect, it } from 'vitest';
import { PII_KINDS, type PiiKind } from '../metadata/types.js';
import { Rng } from '../rng/rng.js';
import { concatColumns, valueAt } from '../table/column.js';
import { detectPiiKind } from './detect-pii.js';
import { regenerateColumn } from './regenerate.js';

const strings = (c: ReturnType<typeof regenerateColumn>) => Array.from(c.codes, (k) => c.categories[k]!);

describe('regenerateColumn', () => {
  it('gives the same values for the same seed and others for another seed', () => {
    for (const kind of PII_KINDS) {
      const a = strings(regenerateColumn({ sdtype: 'pii', kind }, 50, new Rng(1)));
      const b = strings(regenerateColumn({ sdtype: 'pii', kind }, 50, new Rng(1)));
      const c = strings(regenerateColumn({ sdtype: 'pii', kind }, 50, new Rng(2)));
      expect(a, kind).toEqual(b);
      expect(a, kind).not.toEqual(c);
    }
  });

  it('produces values that look like their kind', () => {
    const shapeChecked: PiiKind[] = ['email', 'ip', 'url', 'ssn', 'iban', 'credit_card'];
    for (const kind of shapeChecked) {
      const col = regenerateColumn({ sdtype: 'pii', kind }, 200, new Rng(5));
      expect(detectPiiKind('column', col), kind).toBe(kind);
    }
    const names = strings(regenerateColumn({ sdtype: 'pii', kind: 'name' }, 20, new Rng(5)));
    expect(names.every((n) => /\p{L} \p{L}/u.test(n))).toBe(true);
    expect(
      detectPiiKind('full_name', regenerateColumn({ sdtype: 'pii', kind: 'name' }, 200, new Rng(5))),
    ).toBe('name');
    expect(detectPiiKind('phone', regenerateColumn({ sdtype: 'pii', kind: 'phone' }, 200, new Rng(5)))).toBe(
      'phone',
    );
  });

  it('keeps ids unique across batches in every style', () => {
    for (const meta of [
      { sdtype: 'id', style: 'integer' },
      { sdtype: 'id', style: 'prefixed', prefix: 'C-' },
      { sdtype: 'id', style: 'uuid' },
    ] as const) {
      const rng = new Rng(9);
      const parts = [0, 1000, 2000].map((startAt) => regenerateColumn(meta, 1000, rng, { startAt }));
      const all = concatColumns(parts);
      const values = Array.from({ length: 3000 }, (_, i) => valueAt(all, i));
      expect(new Set(values).size, meta.style).toBe(3000);
    }
    const ints = regenerateColumn({ sdtype: 'id' }, 3, new Rng(1), { startAt: 10 });
    expect(strings(ints)).toEqual(['11', '12', '13']);
    const uuid = regenerateColumn({ sdtype: 'id', style: 'uuid' }, 1, new Rng(1));
    expect(uuid.categories[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('writes SSNs in the never-issued 9xx area', () => {
    const ssn = strings(regenerateColumn({ sdtype: 'pii', kind: 'ssn' }, 100, new Rng(4)));
    expect(ssn.every((s) => /^9\d\d-\d\d-\d{4}$/.test(s))).toBe(true);
  });
});

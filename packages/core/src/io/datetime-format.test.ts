import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng.js';
import { civilFromDays, compileDatetimeFormat, daysFromCivil } from './datetime-format.js';

describe('datetime formats', () => {
  it('agrees with Date.UTC on days from civil dates, both ways', () => {
    const rng = new Rng(3);
    for (let k = 0; k < 2000; k++) {
      const days = rng.int(200_000) - 100_000;
      const d = new Date(days * 86_400_000);
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(days);
      expect(civilFromDays(days)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
    }
  });

  it.each([
    ['%Y-%m-%d %H:%M:%S', '2019-03-23 20:21:09'],
    ['%Y-%m-%dT%H:%M:%S.%fZ', '2020-02-29T23:59:59.123456Z'],
    ['%Y-%m-%dT%H:%M:%S.%L', '1969-12-31T00:00:00.999'],
    ['%-m/%-d/%Y', '3/5/2020'],
    ['%d/%m/%y', '31/12/99'],
    ['%I:%M %p %d %b %Y', '12:05 AM 07 Aug 2001'],
    ['%B %-d, %Y', 'March 3, 2020'],
  ])('%s reads and writes %s unchanged', (format, text) => {
    const codec = compileDatetimeFormat(format);
    const ms = codec.parse(text);
    expect(Number.isNaN(ms)).toBe(false);
    expect(codec.write(ms)).toBe(text);
  });

  it('rejects impossible dates and trailing text', () => {
    const codec = compileDatetimeFormat('%Y-%m-%d');
    for (const bad of ['2019-02-29', '2020-13-01', '2020-00-10', '2020-01-32', '2020-01-01x', '20-01-01'])
      expect(codec.parse(bad), bad).toBeNaN();
    expect(codec.parse('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
  });

  it('rounds to the finest unit the format shows, never writing 60 seconds', () => {
    const codec = compileDatetimeFormat('%Y-%m-%d %H:%M:%S');
    expect(codec.write(Date.UTC(2020, 0, 1, 23, 59, 59, 600))).toBe('2020-01-02 00:00:00');
    expect(compileDatetimeFormat('%Y-%m-%d').write(Date.UTC(2020, 0, 1, 13))).toBe('2020-01-02');
  });

  it('refuses unsupported directives with a hint', () => {
    expect(() => compileDatetimeFormat('%Y %z')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED' }));
    expect(() => compileDatetimeFormat('%H:%M')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED' }));
  });
});

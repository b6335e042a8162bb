import { describe, expect, it } from 'vitest';
import { cosineSchedule, linearSchedule, scheduleFromSpec } from './noise-schedule.js';
import { stridedPlan } from './strided-plan.js';

describe('noise schedules', () => {
  it('cosine: ᾱ falls from ~1 to ~0, betas capped at 0.999', () => {
    const s = cosineSchedule(1000);
    expect(s.alphaBar[0]).toBeGreaterThan(0.9999);
    expect(s.alphaBar[999]).toBeLessThan(1e-4);
    for (let t = 1; t < 1000; t++) expect(s.alphaBar[t]!).toBeLessThan(s.alphaBar[t - 1]!);
    expect(Math.max(...s.betas)).toBeLessThanOrEqual(0.999);
    // closed form at the middle: cos²((0.5 + s)/(1 + s)·π/2)/cos²(s/(1 + s)·π/2)
    const f = (u: number) => Math.cos(((u + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
    expect(s.alphaBar[499]).toBeCloseTo(f(0.5) / f(0), 10);
  });

  it('linear: the DDPM endpoints at T = 1000', () => {
    const s = linearSchedule(1000);
    expect(s.betas[0]).toBeCloseTo(1e-4, 12);
    expect(s.betas[999]).toBeCloseTo(0.02, 12);
    expect(scheduleFromSpec({ kind: 'betas', betas: [...s.betas] }).alphaBar).toEqual(s.alphaBar);
  });
});

describe('strided sampling plan', () => {
  const s = cosineSchedule(1000);

  it('with steps = T visits every timestep and ends at clean data', () => {
    const p = stridedPlan(s, 1000);
    expect(p.timesteps[0]).toBe(999);
    expect(p.timesteps[999]).toBe(0);
    expect(p.alphaBarPrev[0]).toBe(s.alphaBar[998]);
    expect(p.alphaBarPrev[999]).toBe(1);
  });

  it('with 50 steps strides evenly from T−1 to 0', () => {
    const p = stridedPlan(s, 50);
    expect(p.timesteps.length).toBe(50);
    expect(p.timesteps[0]).toBe(999);
    expect(p.timesteps[49]).toBe(0);
    for (let i = 1; i < 50; i++) expect(p.timesteps[i - 1]! - p.timesteps[i]!).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < 49; i++) expect(p.alphaBarPrev[i]).toBe(p.alphaBar[i + 1]);
  });

  it('rejects more steps than the schedule has', () => {
    expect(() => stridedPlan(s, 1001)).toThrow(/steps must be an integer in \[1, 1000\]/);
  });
});

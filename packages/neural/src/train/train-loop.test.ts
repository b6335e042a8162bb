import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { TrainingDivergedError, type TrainLoopOptions, trainLoop } from './train-loop.js';

function setup(overrides: Partial<TrainLoopOptions<number>> & { lossAt?: (epoch: number) => number } = {}) {
  let weight = 0;
  const events: { done: number; metrics?: Readonly<Record<string, number>> }[] = [];
  const options: TrainLoopOptions<number> = {
    epochs: 5,
    stepsPerEpoch: 3,
    label: 'test',
    ctx: { rng: new Rng(1), progress: (e) => events.push(e) },
    step: (epoch) => {
      weight = epoch + 1;
      return { loss: overrides.lossAt ? overrides.lossAt(epoch) : 1 / (epoch + 1) };
    },
    checkpoint: () => weight,
    restore: (w) => {
      weight = w;
    },
    ...overrides,
  };
  return { options, events, weight: () => weight };
}

describe('trainLoop', () => {
  it('reports mean losses, seconds per epoch and ETA for every epoch', async () => {
    const { options, events } = setup();
    const result = await trainLoop(options);
    expect(result.epochs).toBe(5);
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4, 5]);
    expect(events[1]!.metrics!.loss).toBeCloseTo(0.5, 12);
    expect(events[4]!.metrics!.etaSeconds).toBe(0);
    expect(events[0]!.metrics!.secondsPerEpoch).toBeGreaterThanOrEqual(0);
  });

  it('stops with TRAINING_DIVERGED on a NaN loss and restores the last good checkpoint', async () => {
    const { options, weight } = setup({ lossAt: (e) => (e === 2 ? Number.NaN : 1) });
    const err = await trainLoop(options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDivergedError);
    expect((err as TrainingDivergedError).code).toBe('TRAINING_DIVERGED');
    expect((err as TrainingDivergedError).lastGoodEpoch).toBe(2);
    expect(weight()).toBe(2);
  });

  it('aborts with ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    const { options } = setup({ ctx: { rng: new Rng(1), progress: () => {}, signal: controller.signal } });
    await expect(trainLoop(options)).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('lets an abort arrive while training runs synchronously', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const { options } = setup({
      epochs: 1_000_000,
      ctx: { rng: new Rng(1), progress: () => {}, signal: controller.signal },
      step: () => {
        const until = performance.now() + 1;
        while (performance.now() < until);
        return { loss: 1 };
      },
    });
    await expect(trainLoop(options)).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('stops early at the best validation loss and resumes from a start epoch', async () => {
    const vals = [5, 4, 3, 3.5, 3.6, 3.7, 3.8];
    let e = 0;
    const { options, weight } = setup({ epochs: 7, patience: 2, validate: () => vals[e++]! });
    const result = await trainLoop(options);
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochs).toBe(5);
    expect(weight()).toBe(3);
    const resumed = setup({ startEpoch: 3 });
    expect((await trainLoop(resumed.options)).history.length).toBe(2);
  });
});

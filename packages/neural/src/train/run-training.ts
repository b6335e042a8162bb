import type { ModelState } from '@synthkit/core';
import type { TrainedInfo } from '../state/model-header.js';
import { TrainingDivergedError, type TrainLoopOptions, trainLoop } from './train-loop.js';

/**
 * A generator's training run: trainLoop, then the model's new TrainedInfo. When the loss diverges
 * the loop has restored the last good checkpoint; `diverged(lastGoodEpoch)` makes the model say so
 * and returns its saved state, which the TrainingDivergedError carries so the work is not lost.
 */
export async function runTraining<C>(
  loop: TrainLoopOptions<C>,
  previous: TrainedInfo,
  backend: string,
  diverged: (lastGoodEpoch: number) => ModelState,
): Promise<TrainedInfo> {
  try {
    const result = await trainLoop(loop);
    return { epochs: result.epochs, losses: result.history.at(-1) ?? previous.losses, backend };
  } catch (e) {
    if (e instanceof TrainingDivergedError) e.state = diverged(e.lastGoodEpoch);
    throw e;
  }
}

import type { ModelState } from '@synthkit/core';
import type { TrainedInfo } from '../state/model-header.js';
import { TrainingDivergedError, type TrainLoopOptions, trainLoop } from './train-loop.js';

/**
 * Where the weights live while a generator trains: the network itself (tfjs engine), or an
 * onnxruntime session that `sync`s them back into the network and must be `release`d.
 */
export interface TrainingState<C> {
  /** Copies the weights (and optimiser state) out, for divergence recovery and early stopping. */
  checkpoint(): C;
  restore(checkpoint: C): void;
  /** Writes the weights into the network the model saves and samples from. */
  sync?(): void;
  release?(): Promise<void>;
}

/**
 * A generator's training run: trainLoop on `state`, then the model's new TrainedInfo, with the
 * weights synced into the network and the state released however the run ends. When the loss
 * diverges the loop has restored the last good checkpoint; `diverged(lastGoodEpoch)` makes the
 * model say so and returns its saved state, which the TrainingDivergedError carries so the work is
 * not lost.
 */
export async function runTraining<C>(
  loop: Omit<TrainLoopOptions<C>, 'checkpoint' | 'restore'>,
  state: TrainingState<C>,
  previous: TrainedInfo,
  backend: string,
  diverged: (lastGoodEpoch: number) => ModelState,
): Promise<TrainedInfo> {
  try {
    const result = await trainLoop({
      ...loop,
      checkpoint: () => state.checkpoint(),
      restore: (c) => state.restore(c),
    });
    state.sync?.();
    return { epochs: result.epochs, losses: result.history.at(-1) ?? previous.losses, backend };
  } catch (e) {
    if (e instanceof TrainingDivergedError) {
      state.sync?.();
      e.state = diverged(e.lastGoodEpoch);
    }
    throw e;
  } finally {
    await state.release?.();
  }
}

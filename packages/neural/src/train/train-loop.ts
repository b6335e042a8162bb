import { type ModelState, type RunContext, SynthkitError } from '@synthkit/core';

/** Thrown when a loss turns NaN or infinite; the model is back at its last good epoch. */
export class TrainingDivergedError extends SynthkitError {
  /** Epochs completed before the bad one (the weights now in the model). */
  readonly lastGoodEpoch: number;
  /** The model as saved at `lastGoodEpoch`, filled in by the generator so the work is not lost. */
  state: ModelState | undefined;

  constructor(epoch: number, lastGoodEpoch: number, losses: Readonly<Record<string, number>>) {
    super('TRAINING_DIVERGED', `Training diverged in epoch ${epoch + 1}: ${formatLosses(losses)}`, {
      hint: `The model was restored to epoch ${lastGoodEpoch}; lower the learning rate or use fewer epochs, and check for extreme values in the data`,
    });
    this.lastGoodEpoch = lastGoodEpoch;
  }
}

export interface TrainLoopOptions<C> {
  readonly epochs: number;
  /** Epochs already done (when resuming); the loop runs epochs startEpoch..epochs−1. */
  readonly startEpoch?: number;
  readonly stepsPerEpoch: number;
  /** One optimisation step; returns this step's losses as plain numbers (or a promise of them). */
  step(
    epoch: number,
    step: number,
  ): Readonly<Record<string, number>> | Promise<Readonly<Record<string, number>>>;
  readonly ctx: RunContext;
  /** Copies the weights (and optimiser state) out, for divergence recovery and early stopping. */
  checkpoint(): C;
  restore(checkpoint: C): void;
  /** A validation loss (lower is better), evaluated after each epoch when early stopping is on. */
  validate?(): number;
  /** Stop after this many epochs without a better validation loss (0 or absent: never). */
  readonly patience?: number;
  /** Shown in progress messages, e.g. "ctgan on wasm (1 thread)". */
  readonly label: string;
}

export interface TrainLoopResult {
  /** Epochs completed in total (including `startEpoch`). */
  readonly epochs: number;
  /** Mean losses of every epoch run by this call (plus `validation` when measured). */
  readonly history: ReadonlyArray<Readonly<Record<string, number>>>;
  readonly stoppedEarly: boolean;
  readonly secondsPerEpoch: number;
}

/**
 * The epoch loop shared by neural generators: progress per epoch (stage 'epoch', mean losses,
 * seconds per epoch, ETA), abort through ctx.signal (checked every step; the loop yields to the
 * event loop every ~50 ms so an abort can arrive), recovery from NaN losses, early stopping.
 */
export async function trainLoop<C>(options: TrainLoopOptions<C>): Promise<TrainLoopResult> {
  const { epochs, stepsPerEpoch, ctx } = options;
  const start = options.startEpoch ?? 0;
  const history: Record<string, number>[] = [];
  let lastGood = options.checkpoint();
  let best = Number.POSITIVE_INFINITY;
  let bestCheckpoint: C | undefined;
  let sinceBest = 0;
  let lastYield = performance.now();
  const began = performance.now();
  let done = start;
  let stoppedEarly = false;
  for (let epoch = start; epoch < epochs; epoch++) {
    const sums: Record<string, number> = {};
    for (let s = 0; s < stepsPerEpoch; s++) {
      if (performance.now() - lastYield > 50) {
        await yieldToEvents();
        lastYield = performance.now();
      }
      throwIfAborted(ctx.signal);
      const losses = await options.step(epoch, s);
      for (const [k, v] of Object.entries(losses)) sums[k] = (sums[k] ?? 0) + v;
    }
    const means: Record<string, number> = {};
    for (const [k, v] of Object.entries(sums)) means[k] = v / stepsPerEpoch;
    if (Object.values(means).some((v) => !Number.isFinite(v))) {
      options.restore(lastGood);
      throw new TrainingDivergedError(epoch, done, means);
    }
    done = epoch + 1;
    lastGood = options.checkpoint();
    const patience = options.patience ?? 0;
    if (patience > 0 && options.validate) {
      const v = options.validate();
      means.validation = v;
      if (v < best) {
        best = v;
        bestCheckpoint = lastGood;
        sinceBest = 0;
      } else sinceBest++;
    }
    history.push(means);
    const secondsPerEpoch = (performance.now() - began) / 1000 / (done - start);
    ctx.progress({
      stage: 'epoch',
      done,
      total: epochs,
      message: options.label,
      metrics: { ...means, secondsPerEpoch, etaSeconds: secondsPerEpoch * (epochs - done) },
    });
    if (patience > 0 && sinceBest >= patience && bestCheckpoint !== undefined) {
      options.restore(bestCheckpoint);
      stoppedEarly = true;
      break;
    }
  }
  const ran = Math.max(1, done - start);
  return { epochs: done, history, stoppedEarly, secondsPerEpoch: (performance.now() - began) / 1000 / ran };
}

/**
 * Lets pending events (an abort, progress output) run: setImmediate in Node (setTimeout(0) is
 * clamped to 1 ms, ~2% of a TVAE epoch on the onnx engine), setTimeout elsewhere (browsers, workers).
 */
function yieldToEvents(): Promise<void> {
  return new Promise((r) => (typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0)));
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new SynthkitError('ABORTED', 'Training was aborted', {
      hint: 'Nothing was saved; run again to train',
    });
}

function formatLosses(losses: Readonly<Record<string, number>>): string {
  return Object.entries(losses)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
}

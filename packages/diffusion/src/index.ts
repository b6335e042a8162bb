export { onnxRuntimeOptions, onnxSamplingOptions } from './byo/onnx-model-options.js';
export {
  type OnnxLoadOptions,
  type OnnxSampleOptions,
  OnnxTabularModel,
  PRECISIONS,
  type Precision,
  sampleOnnxModel,
} from './byo/onnx-tabular-model.js';
export { type DdpmOptions, ddpm, ddpmOptions } from './ddpm-plugin.js';
export { DENOISER_IO, type DenoiserOnnxOptions, denoiserToOnnx } from './denoiser/onnx-denoiser.js';
export type { DenoiserWeights, Dense } from './denoiser/weights.js';
export {
  type CategoricalSidecarColumn,
  checkSidecarColumns,
  type DiffusionSidecar,
  type NumericalSidecarColumn,
  parseSidecar,
  SIDECAR_FORMAT,
  type SidecarColumn,
  type SidecarLayout,
  sidecarLayout,
} from './encoder/sidecar.js';
export { DEVICES, type Device } from './onnx/runtime.js';
export {
  cosineSchedule,
  linearSchedule,
  type NoiseSchedule,
  type ScheduleSpec,
} from './schedule/noise-schedule.js';

import { ddpm as defaultGenerator } from './ddpm-plugin.js';

/** What `--plugin @synthkit/diffusion` and `loadPlugins(['@synthkit/diffusion'])` register: the generator with default options. */
export const plugins = () => [defaultGenerator()];

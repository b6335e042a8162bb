export { OnnxTabularModel, sampleOnnxModel, type OnnxLoadOptions, type OnnxSampleOptions } from './byo/onnx-tabular-model.js';
export {
  SIDECAR_FORMAT,
  checkSidecarColumns,
  parseSidecar,
  sidecarLayout,
  type CategoricalSidecarColumn,
  type DiffusionSidecar,
  type NumericalSidecarColumn,
  type SidecarColumn,
  type SidecarLayout,
} from './encoder/sidecar.js';
export { DENOISER_IO, denoiserToOnnx, type DenoiserOnnxOptions } from './denoiser/onnx-denoiser.js';
export type { Dense, DenoiserWeights } from './denoiser/weights.js';
export { DEVICES, type Device } from './onnx/runtime.js';
export { cosineSchedule, linearSchedule, type NoiseSchedule, type ScheduleSpec } from './schedule/noise-schedule.js';

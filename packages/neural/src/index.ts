export * as tf from '@tensorflow/tfjs';
export { installFastMatMulGradient } from './backend/fast-matmul-gradient.js';
export {
  BACKEND_NAMES,
  type BackendInfo,
  type BackendName,
  selectBackend,
} from './backend/select-backend.js';
export { type CondColumn, ConditionalSampler } from './conditional/conditional-sampler.js';
export { type BayesianGmm, type BayesianGmmOptions, fitBayesianGmm } from './encoder/bayesian-gmm.js';
export {
  type ColumnEncoding,
  type EncoderOptions,
  type InverseOptions,
  type OutputSpan,
  TabularEncoder,
} from './encoder/tabular-encoder.js';
export { NetworkLayout, type SpanBucket } from './layout/network-layout.js';
export { DecodeGraph, type DecodeGraphOptions } from './onnx/decode-graph.js';
export { ForwardGraph, ForwardSession } from './onnx/forward-graph.js';
export {
  GraphBuilder,
  MICROSOFT_DOMAIN,
  ONNX_FLOAT,
  ONNX_INT8,
  ONNX_INT64,
  OPSET,
} from './onnx/graph-builder.js';
export { createSession, loadOrt, type OrtModule } from './onnx/ort-runtime.js';
export { INT8_WEIGHT_MAX, quantizeColumns } from './onnx/quantize.js';
export { ENGINE_NAMES, type EngineInfo, type EngineName, selectEngine } from './onnx/train-engine.js';
export { type AdamGraphOptions, type ParamState, TrainGraph, TrainSession } from './onnx/train-graph.js';
export { batchNormEval, batchNormTrain, columnMean, dense, dropout, leakyRelu } from './ops/layers.js';
export { activateSpans, paddingMask, spanLogSoftmax } from './ops/span-activation.js';
export { Adam, type AdamOptions } from './optim/adam.js';
export { concatFloat32 } from './params/concat-float32.js';
export { ParamSet, type ParamSpec } from './params/param-set.js';
export { RunningStats } from './params/running-stats.js';
export { neuralOptions } from './plugin/common-options.js';
export { type NeuralGeneratorSpec, neuralGenerator } from './plugin/neural-generator.js';
export {
  fillDropoutMask,
  fillGumbelQuantized,
  fillNormal,
  fillNormalQuantized,
  fillUniformOpen,
} from './random/noise.js';
export { type StreamRowsOptions, streamRows } from './sampling/stream-rows.js';
export { concatViews, conditionFilter, takeRows } from './sampling/view-rows.js';
export {
  modelHeader,
  readModelHeader,
  requireResumable,
  requireTrainingRows,
  type TrainedInfo,
} from './state/model-header.js';
export { loadOptimizer, loadWeights, requireFloat32, saveOptimizer, saveWeights } from './state/weights.js';
export { runTraining, type TrainingState } from './train/run-training.js';
export {
  TrainingDivergedError,
  type TrainLoopOptions,
  type TrainLoopResult,
  throwIfAborted,
  trainLoop,
} from './train/train-loop.js';

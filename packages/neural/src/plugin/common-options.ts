import { defineOptions } from '@synthkit/core';
import { BACKEND_NAMES } from '../backend/select-backend.js';
import { ENGINE_NAMES } from '../onnx/train-engine.js';

/** Options every neural generator has, with the same meaning and defaults; spread into its own schema. */
export const neuralOptions = defineOptions({
  epochs: {
    type: 'integer',
    default: 300,
    min: 1,
    description: 'Training epochs (one pass over the rows each)',
  },
  maxModes: {
    type: 'integer',
    default: 10,
    min: 1,
    max: 100,
    description: 'Most Gaussian modes per continuous column',
  },
  backend: {
    type: 'enum',
    values: BACKEND_NAMES,
    default: 'auto',
    description: 'TensorFlow.js backend (auto: tfjs-node if installed, else wasm)',
  },
  engine: {
    type: 'enum',
    values: ENGINE_NAMES,
    default: 'auto',
    description:
      'Training engine: onnx (each step one onnxruntime-node graph, several times faster), tfjs, or auto (onnx when onnxruntime-node loads and the backend is not cpu)',
  },
  resumable: {
    type: 'boolean',
    default: false,
    description: 'Also save the training state (optimiser moments, critic) so training can be resumed',
  },
});

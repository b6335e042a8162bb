// Stand-in for onnxruntime-node in the browser bundle: importing it fails, so the neural packages
// sample with TensorFlow.js (their documented fallback when onnxruntime cannot load).
throw new Error('onnxruntime-node is not available in the browser');

export {};

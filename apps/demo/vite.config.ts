import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

// The demo bundles the packages' TypeScript source (the '@synthkit/source' export condition), so
// `npm run demo` needs no build of the packages first.
export default defineConfig({
  base: './',
  resolve: {
    conditions: ['@synthkit/source', ...defaultClientConditions],
    // The neural packages try onnxruntime-node for sampling and fall back to TensorFlow.js when it
    // cannot load; in the browser it never can, so it resolves to a module that says so.
    alias: {
      'onnxruntime-node': fileURLToPath(new URL('./src/worker/no-onnxruntime.ts', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096, reportCompressedSize: false },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});

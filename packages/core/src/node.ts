// Node-only entry point (file system, plugin loading by package name). The main entry stays browser-safe.

export { loadSynthesizerFile, saveSynthesizerFile } from './artifact/model-file.js';
export * from './io/node/index.js';
export { loadPlugins } from './plugin/load-plugins.js';
export { loadConfig, type SynthkitConfig } from './synthesizer/load-config.js';

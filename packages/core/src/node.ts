// Node-only entry point (file system, plugin loading by package name). The main entry stays browser-safe.
export {};

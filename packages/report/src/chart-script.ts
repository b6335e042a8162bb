/**
 * The charting library's minified source, inlined into every report so that the file works offline.
 * Read lazily through `process.getBuiltinModule` so that importing this package stays browser-safe;
 * in a browser, pass `chartScript` to `renderReport` (e.g. the file imported with Vite's `?raw`).
 */
export const CHART_LIBRARY = 'echarts';

let cached: string | undefined;

export function loadChartScript(): string {
  if (cached !== undefined) return cached;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const getBuiltin = proc?.getBuiltinModule;
  if (!getBuiltin)
    throw new Error(
      'renderReport: pass options.chartScript (the echarts.min.js source) when not running in Node ≥ 20.16',
    );
  const { createRequire } = getBuiltin('node:module') as typeof import('node:module');
  const { readFileSync } = getBuiltin('node:fs') as typeof import('node:fs');
  const require = createRequire(import.meta.url);
  cached = readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
  return cached;
}

export { runGeneratorConformance, type ConformanceOptions } from './run-conformance.js';
export { conformanceTable } from './dataset.js';
export { tableDifference } from './compare.js';

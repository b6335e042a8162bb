export { tableDifference } from './compare.js';
export { conformanceTable } from './dataset.js';
export { type ConformanceOptions, runGeneratorConformance } from './run-conformance.js';

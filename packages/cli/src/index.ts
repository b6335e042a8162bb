export { generatorOptions, parseBalance, parseConditions } from './options.js';
export { buildProgram, main } from './program.js';

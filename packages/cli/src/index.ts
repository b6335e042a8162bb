export { buildProgram, main } from './program.js';
export { parseConditions, parseBalance, generatorOptions } from './options.js';

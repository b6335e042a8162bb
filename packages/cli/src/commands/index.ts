import { auditCommand } from './audit.js';
import { detectCommand } from './detect.js';
import { evaluateCommand } from './evaluate.js';
import { exportCommand } from './export.js';
import { fitCommand } from './fit.js';
import { generateCommand } from './generate.js';
import { inspectCommand } from './inspect.js';
import { sampleCommand } from './sample.js';
import { splitCommand } from './split.js';
import type { CliCommand } from './types.js';

/** Every command of the CLI, one file each; add a line here for a new one. */
export const commands: CliCommand[] = [
  generateCommand,
  fitCommand,
  sampleCommand,
  exportCommand,
  detectCommand,
  evaluateCommand,
  inspectCommand,
  splitCommand,
  auditCommand,
];

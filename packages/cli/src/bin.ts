#!/usr/bin/env node
import { main } from './program.js';

// A reader that closes the pipe early (`synthkit generate … --out - | head -1`) is not an error:
// stop quietly instead of dying on an unhandled EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv);

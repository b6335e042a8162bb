#!/usr/bin/env node
// Committed launcher: npm links `synthkit` to this file at install time, before dist/ is built,
// so the link exists in a fresh clone. It loads the compiled CLI, or says how to build it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'synthkit: the CLI is not built yet (packages/cli/dist is missing): run npm run build at the repository root, then try again\n',
  );
  process.exit(1);
}
await import(entry.href);

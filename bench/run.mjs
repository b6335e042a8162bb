// npm run bench: runs every suite in bench/suites/ (or those named on the command line) in its own
// process, so each suite's peak RSS is its own, then writes bench/results/<suite>.json and a markdown
// table bench/results/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const wanted = process.argv.slice(2);
const suites = readdirSync(join(here, 'suites'))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => f.replace(/\.mjs$/, ''))
  .filter((s) => wanted.length === 0 || wanted.includes(s));

let failed = 0;
for (const suite of suites) {
  process.stderr.write(`bench: ${suite} ...\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, 'suites', `${suite}.mjs`)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    process.stderr.write(`bench: ${suite} failed (exit ${r.status})\n`);
    failed++;
    continue;
  }
  const result = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const os = await import('node:os');
  result.machine = {
    node: process.version,
    cpus: os.cpus().length,
    // 1-minute load average when the suite ended: above the core count, other work shared the CPUs
    load: Number(os.loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
  };
  writeFileSync(join(resultsDir, `${suite}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
writeFileSync(join(resultsDir, 'README.md'), markdown());
process.stdout.write(readFileSync(join(resultsDir, 'README.md'), 'utf8'));
process.exitCode = failed > 0 ? 1 : 0;

function markdown() {
  const files = readdirSync(resultsDir).filter((f) => f.endsWith('.json'));
  const lines = [
    '# Benchmark results',
    '',
    "Medians of repeated runs on this shared machine: wall-clock, the same figure computed from this process's CPU time (steadier when other work competes for the 2 cores), and `ratio` = wall median / same-process baseline (sorting 2M doubles).",
    '',
  ];
  for (const f of files.sort()) {
    const r = JSON.parse(readFileSync(join(resultsDir, f), 'utf8'));
    lines.push(
      `## ${r.suite}`,
      '',
      r.description ?? '',
      '',
      `Baseline: ${fmt(r.baseline?.median)} s. Machine: node ${r.machine?.node}, ${r.machine?.cpus} cores, load ${r.machine?.load ?? 'not recorded'}, ${r.machine?.date}.`,
      '',
    );
    lines.push(
      '| dataset | measure | median (wall) | by CPU time | ratio | target | ok |',
      '|---|---|---|---|---|---|---|',
    );
    for (const row of r.rows)
      lines.push(
        `| ${row.dataset} | ${row.measure} | ${fmt(row.value)} ${row.unit} | ${row.cpu === undefined ? '' : `${fmt(row.cpu)} ${row.unit}`} | ${row.ratio === undefined ? '' : fmt(row.ratio)} | ${row.target ?? ''} | ${row.ok === undefined ? '' : row.ok ? 'yes' : '**no**'} |`,
      );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function fmt(v) {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'number') return String(v);
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString();
}

/**
 * The studio's worker: holds the table, runs reading, fitting, sampling, evaluation and the audit,
 * so the page's main thread only draws. One command at a time; 'cancel' aborts the running one.
 */

import type { Table } from '@synthkit/core';
import { detectMetadata, isSynthkitError, PII_KINDS } from '@synthkit/core';
import { renderReport } from '@synthkit/report';
import { previewRows } from './preview.js';
import type { Command, ErrorInfo, Event } from './protocol.js';
import { readInput } from './read-input.js';
import { type LastRun, runGeneration } from './run-generation.js';

// Seen from inside, a dedicated worker's global has the same postMessage/onmessage pair as a Worker.
const scope = globalThis as unknown as Worker;

let table: Table | undefined;
let inputName = 'input.csv';
let running: AbortController | undefined;
let last: LastRun | undefined;

const post = (e: Event): void => scope.postMessage(e);

function errorInfo(e: unknown): ErrorInfo {
  if (isSynthkitError(e))
    return {
      code: e.code,
      message: e.message,
      ...(e.hint ? { hint: e.hint } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
      ...(e.row !== undefined ? { row: e.row } : {}),
    };
  const err = e as Error;
  if (err?.name === 'AbortError') return { code: 'ABORTED', message: 'Cancelled.' };
  return {
    code: 'INTERNAL',
    message: err?.message ?? String(e),
    hint: 'This is a bug in the demo; please report it with the file that caused it.',
  };
}

async function load(command: Extract<Command, { type: 'load' }>): Promise<void> {
  const { source } = command;
  let blob: Blob;
  let name: string;
  if (source.kind === 'file') {
    blob = source.file;
    name = source.file.name;
  } else {
    const res = await fetch(source.url);
    if (!res.ok) throw new Error(`Could not fetch the sample ${source.url} (HTTP ${res.status})`);
    blob = await res.blob();
    name = source.name;
  }
  const read = await readInput(blob, name, source.kind === 'file' ? source.encoding : undefined);
  const metadata = detectMetadata(read.table, { formats: read.formats });
  table = read.table;
  inputName = name;
  last = undefined;
  post({
    type: 'loaded',
    info: {
      name,
      bytes: blob.size,
      rows: read.table.nRows,
      columns: read.table.names,
      metadata,
      preview: await previewRows(read.table, metadata, 8),
      piiKinds: PII_KINDS,
      notices: read.notices,
      encoding: read.encoding,
    },
  });
}

scope.onmessage = async (message: MessageEvent<Command>) => {
  const command = message.data;
  if (command.type === 'cancel') {
    running?.abort();
    return;
  }
  if (command.type === 'load') {
    try {
      await load(command);
    } catch (e) {
      post({ type: 'error', during: 'load', error: errorInfo(e) });
    }
    return;
  }
  if (command.type === 'report-html') {
    try {
      if (!last) throw new Error('Generate first');
      // The full ECharts build is only fetched for the downloadable report, never for the page.
      const chartScript = (await import('echarts/dist/echarts.min.js?raw')).default;
      const html = renderReport({ title: last.title, sections: last.sections }, { chartScript });
      post({ type: 'report-html', html: new Blob([html], { type: 'text/html' }) });
    } catch (e) {
      post({ type: 'error', during: 'report', error: errorInfo(e) });
    }
    return;
  }
  if (!table) {
    post({ type: 'error', during: 'generate', error: { code: 'NO_ROWS', message: 'Load a table first.' } });
    return;
  }
  running = new AbortController();
  const { signal } = running;
  try {
    const result = await runGeneration(table, inputName, command.request, signal, (e) =>
      post({
        type: 'progress',
        stage: e.stage,
        done: e.done,
        total: e.total ?? 0,
        ...(e.message ? { message: e.message } : {}),
      }),
    );
    last = result.last;
    post({ type: 'generated', info: result.info });
  } catch (e) {
    if (signal.aborted) post({ type: 'cancelled' });
    else post({ type: 'error', during: 'generate', error: errorInfo(e) });
  } finally {
    running = undefined;
  }
};

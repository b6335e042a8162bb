/**
 * synthkit studio: wires the page to the worker. The main thread only reads the form, draws
 * progress and renders results; reading, fitting, sampling, evaluation and the audit run in the
 * worker (worker/studio.worker.ts).
 */
import { parseConditions } from './conditions.js';
import { StudioClient } from './studio-client.js';
import { byId, count, dataTable, h } from './ui/dom.js';
import { clearBox, showError, showNotices } from './ui/error-box.js';
import { MetadataEditor } from './ui/metadata-editor.js';
import { saveBlob, showResults } from './ui/results-view.js';
import type { Event, GeneratorChoice, LoadedInfo, Source } from './worker/protocol.js';

const SAMPLES: Record<string, string> = {
  adult: 'Adult census income',
  taxis: 'NYC taxi trips',
  housing: 'California housing',
};

let editor: MetadataEditor | undefined;
let loaded: LoadedInfo | undefined;
let lastFile: File | undefined;
let generating = false;

const client = new StudioClient(onEvent);
const loadStatus = byId('load-status');
const loadError = byId('load-error');
const generateError = byId('generate-error');
const progress = byId<HTMLProgressElement>('progress');
const progressText = byId('progress-text');
const generateButton = byId<HTMLButtonElement>('generate');
const cancelButton = byId<HTMLButtonElement>('cancel');

function startLoad(source: Source, label: string): void {
  clearBox(loadError);
  showNotices(byId('load-notices'), []);
  loadStatus.textContent = `Reading ${label}…`;
  document.body.dataset.state = 'loading';
  client.load(source);
}

function loadFile(file: File, encoding?: string): void {
  lastFile = file;
  startLoad({ kind: 'file', file, ...(encoding ? { encoding } : {}) }, `"${file.name}"`);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-sample]')) {
  button.addEventListener('click', () => {
    const key = button.dataset.sample!;
    lastFile = undefined;
    byId('encoding-row').hidden = true;
    startLoad(
      { kind: 'url', url: new URL(`samples/${key}.csv`, document.baseURI).href, name: `${key}.csv` },
      SAMPLES[key]!,
    );
  });
}

const fileInput = byId<HTMLInputElement>('file-input');
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) loadFile(file);
  fileInput.value = '';
});
const dropZone = byId('drop-zone');
dropZone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropZone.classList.add('over');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropZone.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (file) loadFile(file);
});
byId('reread').addEventListener('click', () => {
  if (lastFile) loadFile(lastFile, byId<HTMLSelectElement>('encoding-select').value);
});

function showLoaded(info: LoadedInfo): void {
  loaded = info;
  document.body.dataset.state = 'loaded';
  loadStatus.textContent = `${info.name}: ${count(info.rows)} rows × ${info.columns.length} columns (${info.encoding}).`;
  showNotices(byId('load-notices'), info.notices);
  byId('encoding-row').hidden =
    lastFile === undefined || !info.notices.some((n) => n.includes('encoding') || n.includes('UTF-8'));
  byId<HTMLSelectElement>('encoding-select').value = info.encoding;
  byId('input-preview').replaceChildren(
    h('h3', {}, 'First rows'),
    dataTable(info.columns, info.preview, 'input-preview'),
  );
  editor = new MetadataEditor(byId('metadata-editor'), info.metadata, info.piiKinds);
  byId('metadata-panel').hidden = false;
  byId('generate-panel').hidden = false;
  byId<HTMLInputElement>('rows').value = String(Math.min(info.rows, 100_000));
  byId('results-panel').hidden = true;
  clearBox(generateError);
}

function setGenerating(on: boolean): void {
  generating = on;
  generateButton.disabled = on;
  cancelButton.disabled = !on;
  progress.hidden = !on;
  document.body.dataset.state = on
    ? 'generating'
    : document.body.dataset.state === 'generating'
      ? 'loaded'
      : (document.body.dataset.state ?? '');
}

const STAGE_NAMES: Record<string, string> = {
  load: 'Loading',
  prepare: 'Preparing',
  fit: 'Fitting',
  epoch: 'Training',
  sample: 'Sampling',
  evaluate: 'Evaluating',
  audit: 'Privacy audit',
};

function onEvent(e: Event): void {
  switch (e.type) {
    case 'loaded':
      showLoaded(e.info);
      return;
    case 'progress': {
      if (!generating) return;
      const share = e.total > 0 ? Math.min(1, e.done / e.total) : 0;
      progress.value = share;
      const stage = STAGE_NAMES[e.stage] ?? e.stage;
      progressText.textContent = `${stage}${e.total > 0 ? ` ${count(e.done)} / ${count(e.total)}` : ''}${e.message ? ` (${e.message})` : ''}`;
      return;
    }
    case 'generated':
      // Marks for the browser test: generation ends here; what follows is drawing the results.
      performance.mark('synthkit:generated');
      setGenerating(false);
      document.body.dataset.state = 'generated';
      progressText.textContent = 'Done.';
      showResults(e.info, loaded?.name ?? 'data.csv', () => client.reportHtml());
      return;
    case 'report-html':
      saveBlob(e.html, `${(loaded?.name ?? 'data').replace(/\.[^.]+$/, '')}.report.html`);
      return;
    case 'cancelled':
      if (!generating) return;
      setGenerating(false);
      progressText.textContent = 'Cancelled.';
      return;
    case 'error':
      if (e.during === 'load') {
        document.body.dataset.state = 'load-error';
        loadStatus.textContent = '';
        showError(loadError, e.error);
        return;
      }
      setGenerating(false);
      progressText.textContent = '';
      showError(generateError, e.error);
      return;
  }
}

byId<HTMLFormElement>('generate-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (!editor || generating) return;
  clearBox(generateError);
  const generator = (document.querySelector<HTMLInputElement>('input[name="generator"]:checked')?.value ??
    'copula') as GeneratorChoice;
  try {
    const rows = Number(byId<HTMLInputElement>('rows').value);
    if (!Number.isInteger(rows) || rows < 1 || rows > 1_000_000)
      throw new Error('Rows must be a whole number from 1 to 1,000,000.');
    const request = {
      generator,
      metadata: editor.value(),
      rows,
      seed: Number(byId<HTMLInputElement>('seed').value) || 0,
      epochs: Math.max(1, Number(byId<HTMLInputElement>('epochs').value) || 20),
      conditions: parseConditions(byId<HTMLTextAreaElement>('conditions').value),
      privacy: byId<HTMLInputElement>('privacy').checked,
      deepEvaluation: byId<HTMLInputElement>('deep').checked,
    };
    performance.mark('synthkit:generate');
    setGenerating(true);
    progress.value = 0;
    progressText.textContent = 'Starting…';
    client.generate(request);
  } catch (e) {
    showError(generateError, { code: 'BAD_OPTION', message: (e as Error).message });
  }
});

cancelButton.addEventListener('click', () => {
  progressText.textContent = 'Cancelling…';
  client.cancel();
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="generator"]'))
  radio.addEventListener('change', () => {
    document.body.dataset.generator = radio.value;
  });
document.body.dataset.generator = 'copula';

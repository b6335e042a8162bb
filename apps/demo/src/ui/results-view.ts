/** The results: summary line, downloads, a preview of the synthetic rows, the report and the audit. */
import type { GeneratedInfo } from '../worker/protocol.js';
import { disposeCharts } from './charts.js';
import { byId, count, dataTable, h } from './dom.js';
import { showNotices } from './error-box.js';
import { renderSections } from './report-blocks.js';

const urls: string[] = [];

function download(label: string, blob: Blob, filename: string, testid: string): HTMLAnchorElement {
  const url = URL.createObjectURL(blob);
  urls.push(url);
  const kb =
    blob.size < 1024 * 1024
      ? `${Math.max(1, Math.round(blob.size / 1024))} kB`
      : `${(blob.size / 1024 / 1024).toFixed(1)} MB`;
  return h(
    'a',
    { href: url, download: filename, class: 'button', 'data-testid': testid },
    `${label} (${kb})`,
  );
}

export function showResults(info: GeneratedInfo, baseName: string, onReportHtml: () => void): void {
  disposeCharts();
  for (const u of urls.splice(0)) URL.revokeObjectURL(u);
  const t = info.timings;
  byId('results-summary').replaceChildren(
    h('strong', {}, `${count(info.rows)} synthetic rows`),
    ` from ${info.generator}${info.backend ? ` on ${info.backend}` : ''}: fit ${t.fitSeconds.toFixed(2)} s, sample ${t.sampleSeconds.toFixed(2)} s`,
    h(
      'span',
      { 'data-testid': 'fit-sample-seconds', hidden: true },
      (t.fitSeconds + t.sampleSeconds).toFixed(3),
    ),
    `, report ${t.evaluateSeconds.toFixed(1)} s`,
    info.privacy ? `, privacy audit ${t.auditSeconds.toFixed(1)} s` : '',
    info.quality !== null
      ? h(
          'span',
          { class: 'quality', 'data-testid': 'quality' },
          ` · quality ${(info.quality * 100).toFixed(1)}%`,
        )
      : '',
  );
  const stem = baseName.replace(/\.(csv|tsv|txt|json)(\.gz)?$/i, '');
  const reportButton = h(
    'button',
    { type: 'button', 'data-testid': 'download-report', onclick: onReportHtml },
    'HTML report',
  );
  byId('downloads').replaceChildren(
    download('Synthetic CSV', info.csv, `${stem}.synthetic.csv`, 'download-csv'),
    download('Metadata JSON', info.metadataJson, `${stem}.metadata.json`, 'download-metadata'),
    download('Model', info.model, `${stem}.synthkit`, 'download-model'),
    download('Manifest', info.manifest, `${stem}.synthetic.manifest.json`, 'download-manifest'),
    reportButton,
  );
  showNotices(byId('results-notices'), info.notices);
  byId('synthetic-preview').replaceChildren(
    h('h3', {}, 'First synthetic rows'),
    dataTable(info.columns, info.preview, 'synthetic-preview'),
  );
  const privacy = info.privacy
    ? [
        h('h3', { class: 'privacy-title' }, 'Privacy audit'),
        h('p', { class: 'privacy-summary', 'data-testid': 'privacy-summary' }, info.privacy.summary),
        ...renderSections(info.privacy.sections),
      ]
    : [];
  byId('report').replaceChildren(...renderSections(info.sections), ...privacy);
  byId('results-panel').hidden = false;
}

/** Saves a Blob under a name (for the report built on demand). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

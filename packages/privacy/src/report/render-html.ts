import type { AttackResult, JsonValue } from '@synthkit/core';
import type { PrivacyReport } from './types.js';
import { pct } from './verdict.js';

/**
 * The privacy report as HTML: `privacySection` is the fragment the shared report embeds,
 * `renderPrivacyHtml` a complete self-contained page. No scripts, no external resources.
 */
export function renderPrivacyHtml(report: PrivacyReport, title = 'synthkit privacy audit'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style></head>
<body><main><h1>${esc(title)}</h1>
${privacySection(report)}
</main></body></html>
`;
}

export function privacySection(report: PrivacyReport): string {
  const flagged = report.attacks.some((a) => a.ci[0] > 0);
  return `<section class="sk-privacy">
<h2>Privacy</h2>
<p class="sk-summary ${flagged ? 'sk-bad' : 'sk-good'}">${esc(report.summary)}</p>
<p class="sk-meta">train ${report.rows.train} rows · control ${report.rows.control} rows · synthetic ${report.rows.synthetic} rows · ${report.columns.length} columns · seed ${report.seed}${report.secrets.length ? ` · secrets: ${report.secrets.map(esc).join(', ')}` : ''}</p>
${report.warnings.length ? `<ul class="sk-warnings">${report.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
<table class="sk-risks"><thead><tr><th>Attack</th><th>Risk</th><th>95% interval</th><th></th><th>Verdict</th></tr></thead><tbody>
${report.attacks.map(row).join('\n')}
</tbody></table>
<p class="sk-help">Risk is how much better an attack does on the rows the generator was trained on than on real rows it never saw (0 = no better, 1 = always). A risk whose interval includes 0 is not measurable with this many rows and attacks.</p>
${report.attacks.map(detailBlock).join('\n')}
</section>`;
}

function row(a: AttackResult): string {
  const level = Number.isNaN(a.risk) ? 'na' : a.ci[0] > 0 ? (a.risk >= 0.5 ? 'high' : a.risk >= 0.1 ? 'mid' : 'low') : 'none';
  return `<tr class="sk-${level}"><td>${esc(a.name)}</td><td>${pct(a.risk)}</td><td>${pct(a.ci[0])} – ${pct(a.ci[1])}</td><td>${bar(a)}</td><td>${esc(a.verdict)}${a.warnings.map((w) => `<br><small>⚠ ${esc(w)}</small>`).join('')}</td></tr>`;
}

/** An interval drawn on a 0–100% scale. */
function bar(a: AttackResult): string {
  if (Number.isNaN(a.risk)) return '';
  const x = (v: number) => (Math.max(0, Math.min(1, v)) * 100).toFixed(1);
  return `<svg class="sk-bar" viewBox="0 0 100 10" width="120" height="12" role="img" aria-label="risk ${pct(a.risk)}"><rect x="0" y="4" width="100" height="2" fill="#ddd"/><rect x="${x(a.ci[0])}" y="2" width="${Math.max(0.8, Number(x(a.ci[1])) - Number(x(a.ci[0])))}" height="6" fill="currentColor" opacity="0.35"/><circle cx="${x(a.risk)}" cy="5" r="2.5" fill="currentColor"/></svg>`;
}

function detailBlock(a: AttackResult): string {
  if (!a.details) return '';
  return `<details><summary>${esc(a.name)} details</summary><dl>${Object.entries(a.details as Record<string, JsonValue>)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(show(v))}</dd>`)
    .join('')}</dl></details>`;
}

function show(v: JsonValue): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Number.isNaN(v) ? 'n/a' : v.toPrecision(4);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return `[${v.map((x) => show(x)).join(', ')}]`;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}: ${show(x)}`).join(', ');
  return String(v);
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#fafafa;color:#222}main{max-width:1100px;margin:auto;padding:24px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #eee;padding:6px 8px;text-align:left;vertical-align:top}
.sk-summary{font-weight:600;padding:8px 12px;border-radius:6px}.sk-good{background:#e8f5e9}.sk-bad{background:#fdecea}
.sk-high{color:#b71c1c}.sk-mid{color:#e65100}.sk-low{color:#8d6e00}.sk-none{color:#2e7d32}.sk-na{color:#777}
.sk-meta,.sk-help{color:#555;font-size:13px}.sk-warnings{background:#fff8e1;padding:8px 8px 8px 28px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px}dt{color:#555}`;

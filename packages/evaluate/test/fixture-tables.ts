import { readFileSync } from 'node:fs';
import { type Column, type Metadata, MISSING_CODE, Table } from '@synthkit/core';

// Minimal RFC 4180 reader for the fixture tests until core's reader lands: every column is read as
// text (empty field = missing); the evaluate package converts by metadata, which is what is tested.
export function readCsvAsText(path: URL): Table {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...data] = rows;
  const columns: [string, Column][] = header!.map((name, j) => {
    const index = new Map<string, number>();
    const categories: string[] = [];
    const codes = new Int32Array(data.length);
    data.forEach((r, i) => {
      const v = r[j] ?? '';
      if (v === '') {
        codes[i] = MISSING_CODE;
        return;
      }
      let k = index.get(v);
      if (k === undefined) {
        k = categories.length;
        categories.push(v);
        index.set(v, k);
      }
      codes[i] = k;
    });
    return [name, { type: 'categorical', codes, categories }];
  });
  return new Table(columns);
}

export interface SdmetricsScores {
  metadata: { columns: Record<string, { sdtype: string; datetime_format?: string }> };
  quality: number;
  properties: { 'Column Shapes': number; 'Column Pair Trends': number };
  column_shapes: { column: string; metric: string; score: number }[];
  column_pair_trends: {
    column_1: string;
    column_2: string;
    metric: string;
    score: number;
    real_correlation: number | null;
    synthetic_correlation: number | null;
  }[];
}

/** SDV's metadata block as our Metadata (what core's parseMetadata will do for any SDV file). */
export function metadataFromSdv(sdv: SdmetricsScores['metadata']): Metadata {
  const columns: Metadata['columns'] = {};
  for (const [name, c] of Object.entries(sdv.columns)) {
    if (c.sdtype === 'numerical') columns[name] = { sdtype: 'numerical', representation: 'float' };
    else if (c.sdtype === 'datetime')
      columns[name] = { sdtype: 'datetime', format: c.datetime_format ?? '%Y-%m-%d' };
    else if (c.sdtype === 'boolean') columns[name] = { sdtype: 'boolean' };
    else columns[name] = { sdtype: 'categorical' };
  }
  return { version: 1, columns };
}

export function loadFixture(name: string) {
  const dir = new URL('../../../data/fixtures/sdmetrics/', import.meta.url);
  const scores = JSON.parse(readFileSync(new URL(`${name}.scores.json`, dir), 'utf8')) as SdmetricsScores;
  return {
    real: readCsvAsText(new URL(`${name}.real.csv`, dir)),
    synthetic: readCsvAsText(new URL(`${name}.synthetic.csv`, dir)),
    metadata: metadataFromSdv(scores.metadata),
    scores,
  };
}

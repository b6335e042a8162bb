import { readFileSync } from 'node:fs';
import { type Column, type Metadata, MISSING_CODE, parseMetadata, Table } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';

// A second way to read the fixtures: every column as text (empty field = missing). The evaluate
// package must convert by metadata and give the same scores as with core's typed reader.
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

const DIR = new URL('../../../data/fixtures/sdmetrics/', import.meta.url);

/** A fixture read with core's CSV reader; the metadata is SDV's block, parsed by core. */
export async function loadFixture(name: string) {
  const scores = JSON.parse(readFileSync(new URL(`${name}.scores.json`, DIR), 'utf8')) as SdmetricsScores;
  const metadata: Metadata = parseMetadata(scores.metadata);
  const real = (await readCsvFile(new URL(`${name}.real.csv`, DIR).pathname)).table;
  const synthetic = (await readCsvFile(new URL(`${name}.synthetic.csv`, DIR).pathname)).table;
  return { real, synthetic, metadata, scores };
}

/** The same fixture with every column read as text. */
export function loadFixtureAsText(name: string) {
  const scores = JSON.parse(readFileSync(new URL(`${name}.scores.json`, DIR), 'utf8')) as SdmetricsScores;
  return {
    real: readCsvAsText(new URL(`${name}.real.csv`, DIR)),
    synthetic: readCsvAsText(new URL(`${name}.synthetic.csv`, DIR)),
    metadata: parseMetadata(scores.metadata),
    scores,
  };
}

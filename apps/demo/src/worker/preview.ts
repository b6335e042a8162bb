import { formatCsv, type Metadata, parseCsv, type Table } from '@synthkit/core';

/**
 * The first rows as the strings a CSV would hold: formatted exactly as the download, then read back
 * with every column as text, so the preview shows what the file contains (leading spaces, decimals,
 * date formats).
 */
export async function previewRows(table: Table, metadata: Metadata, n: number): Promise<string[][]> {
  const text = formatCsv(table.slice(0, Math.min(n, table.nRows)), metadata);
  const asText = Object.fromEntries(table.names.map((name) => [name, 'categorical' as const]));
  const { table: back } = await parseCsv(text, { types: asText, missingTokens: [] });
  const rows: string[][] = [];
  for (let i = 0; i < back.nRows; i++) rows.push(table.names.map((name) => String(back.row(i)[name] ?? '')));
  return rows;
}

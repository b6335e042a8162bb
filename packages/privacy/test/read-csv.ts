import { detectMetadata, type Metadata, type Table } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';

export const adultPath = new URL('../../../data/adult.csv', import.meta.url);

/** The bundled Adult table through core's reader and metadata detection, as a user would load it. */
export async function readAdult(): Promise<{ table: Table; metadata: Metadata }> {
  const { table, formats } = await readCsvFile(adultPath.pathname);
  return { table, metadata: detectMetadata(table, { formats }) };
}

import { SynthkitError } from '../errors/synthkit-error.js';
import type { CsvReadOptions } from '../io/csv-options.js';
import type { ColumnType } from '../table/column.js';
import type { Table } from '../table/table.js';
import type { Metadata } from './types.js';

/** Physical column types each sdtype needs; categorical, id and pii take any. */
const NEEDS: Partial<Record<string, ColumnType>> = {
  numerical: 'number',
  datetime: 'datetime',
  boolean: 'boolean',
};

/**
 * Checks that metadata and table describe the same columns with compatible types:
 * UNKNOWN_COLUMN for a described column the table lacks, MISSING_COLUMN for a table column the
 * metadata does not describe, TYPE_MISMATCH when, say, a numerical column was read as text.
 */
export function checkMetadataAgainstTable(metadata: Metadata, table: Table): void {
  const absent = Object.keys(metadata.columns).filter((n) => !table.has(n));
  if (absent.length > 0)
    throw new SynthkitError(
      'UNKNOWN_COLUMN',
      `The metadata describes ${absent.map((n) => `"${n}"`).join(', ')}, which the table does not have`,
      {
        column: absent[0]!,
        hint: `Remove it from the metadata or fix its name; the table's columns are: ${table.names.join(', ')}`,
      },
    );
  const extra = table.names.filter((n) => !(n in metadata.columns));
  if (extra.length > 0)
    throw new SynthkitError(
      'MISSING_COLUMN',
      `The table has ${extra.map((n) => `"${n}"`).join(', ')}, which the metadata does not describe`,
      {
        column: extra[0]!,
        hint: 'Add it to the metadata (e.g. { "sdtype": "categorical" }) or drop it from the table',
      },
    );
  for (const [name, c] of Object.entries(metadata.columns)) {
    const need = NEEDS[c.sdtype];
    const have = table.column(name).type;
    if (need !== undefined && have !== need)
      throw new SynthkitError(
        'TYPE_MISMATCH',
        `The metadata says ${c.sdtype}, but the column was read as ${have}`,
        {
          column: name,
          hint:
            have === 'categorical'
              ? 'Some values do not parse: fix them, add them to the missing tokens, or read with csvOptionsFromMetadata(metadata)'
              : 'Read the file with csvOptionsFromMetadata(metadata), or change the sdtype',
        },
      );
  }
}

/** Read options that make the reader type columns as the metadata says (datetime formats included). */
export function csvOptionsFromMetadata(
  metadata: Metadata,
): Pick<CsvReadOptions, 'types' | 'datetimeFormats'> {
  const types: Record<string, ColumnType> = {};
  const datetimeFormats: Record<string, string> = {};
  for (const [name, c] of Object.entries(metadata.columns)) {
    if (c.sdtype === 'numerical') types[name] = 'number';
    else if (c.sdtype === 'boolean') types[name] = 'boolean';
    else if (c.sdtype === 'datetime') datetimeFormats[name] = c.format;
  }
  return { types, datetimeFormats };
}

import { SynthkitError } from '../errors/synthkit-error.js';
import type { ColumnMetadata, PiiKind } from './types.js';

/** SDV's PII sdtypes (single-table metadata v1) and the synthkit kind that regenerates them. */
const SDV_PII: Readonly<Record<string, PiiKind>> = {
  email: 'email',
  phone_number: 'phone',
  ssn: 'ssn',
  first_name: 'first_name',
  last_name: 'last_name',
  name: 'name',
  address: 'address',
  street_address: 'address',
  city: 'city',
  postcode: 'postcode',
  zipcode: 'postcode',
  ipv4_address: 'ip',
  ipv6_address: 'ip',
  ip_address: 'ip',
  iban: 'iban',
  credit_card_number: 'credit_card',
  url: 'url',
  user_name: 'username',
  username: 'username',
};

/** Does this JSON look like SDV's metadata rather than ours? */
export function isSdvMetadata(json: Record<string, unknown>): boolean {
  if ('METADATA_SPEC_VERSION' in json || 'primary_key' in json || 'tables' in json) return true;
  if ('version' in json) return false;
  const cols = json.columns;
  if (cols === null || typeof cols !== 'object') return false;
  return Object.values(cols as Record<string, unknown>).some((c) => {
    if (c === null || typeof c !== 'object') return false;
    const o = c as Record<string, unknown>;
    return (
      'datetime_format' in o ||
      'computer_representation' in o ||
      'pii' in o ||
      'regex_format' in o ||
      (o.sdtype === 'datetime' && !('format' in o))
    );
  });
}

/**
 * Converts SDV single-table metadata (`{ columns: { x: { sdtype, datetime_format,
 * computer_representation, pii } }, primary_key }`) into synthkit's shape, which is then validated as
 * usual. Multi-table metadata with one table is accepted; with several it is an error.
 */
export function fromSdvMetadata(json: Record<string, unknown>): Record<string, unknown> {
  let table = json;
  if ('tables' in json && !('columns' in json)) {
    const tables = Object.entries((json.tables ?? {}) as Record<string, Record<string, unknown>>);
    if (tables.length !== 1)
      throw new SynthkitError(
        'BAD_METADATA',
        `The metadata describes ${tables.length} tables; synthkit works on one`,
        {
          hint: `Pass the block of one table (${tables.map(([n]) => n).join(', ')})`,
        },
      );
    table = tables[0]![1];
  }
  const columns: Record<string, ColumnMetadata | Record<string, unknown>> = {};
  for (const [name, raw] of Object.entries(
    (table.columns ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    columns[name] = convertColumn(name, raw ?? {});
  }
  const out: Record<string, unknown> = { version: 1, columns };
  if (typeof table.primary_key === 'string') out.primaryKey = table.primary_key;
  return out;
}

function convertColumn(name: string, c: Record<string, unknown>): ColumnMetadata | Record<string, unknown> {
  const sdtype = c.sdtype;
  switch (sdtype) {
    case 'numerical': {
      const rep = String(c.computer_representation ?? 'Float');
      return { sdtype: 'numerical', representation: /^u?int/i.test(rep) ? 'integer' : 'float' };
    }
    case 'categorical':
    case 'unknown':
      if (sdtype === 'unknown' && c.pii === true) return piiError(name, 'unknown');
      return { sdtype: 'categorical' };
    case 'boolean':
      return { sdtype: 'boolean' };
    case 'datetime':
      return {
        sdtype: 'datetime',
        format: typeof c.datetime_format === 'string' ? c.datetime_format : '%Y-%m-%d %H:%M:%S',
      };
    case 'id': {
      const regex = typeof c.regex_format === 'string' ? c.regex_format : '';
      const m = /^([A-Za-z_-]+)(\\d|\[0-9\])/.exec(regex);
      return m ? { sdtype: 'id', style: 'prefixed', prefix: m[1]! } : { sdtype: 'id', style: 'integer' };
    }
    case 'latitude':
    case 'longitude':
      return { sdtype: 'numerical', representation: 'float' };
    default: {
      if (typeof sdtype === 'string' && sdtype in SDV_PII) return { sdtype: 'pii', kind: SDV_PII[sdtype]! };
      if (typeof sdtype === 'string' && c.pii === false) return { sdtype: 'categorical' };
      if (typeof sdtype === 'string') return piiError(name, sdtype);
      return c; // left to the schema, which names what is wrong
    }
  }
}

function piiError(name: string, sdtype: string): never {
  throw new SynthkitError(
    'BAD_METADATA',
    `SDV sdtype "${sdtype}" marks personal data synthkit cannot regenerate`,
    {
      column: name,
      hint: `Set "pii": false to learn it as a category, or use sdtype "pii" with a kind (${Object.values(
        SDV_PII,
      )
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(', ')})`,
    },
  );
}

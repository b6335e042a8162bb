import { faker } from '@faker-js/faker/locale/en';
import { encodeStrings } from '../io/encode-strings.js';
import type { IdMetadata, PiiKind, PiiMetadata } from '../metadata/types.js';
import type { Rng } from '../rng/rng.js';
import type { CategoricalColumn } from '../table/column.js';

export interface RegenerateOptions {
  /** Index of the first row in the whole output; batches pass the rows written before them so ids stay unique. */
  startAt?: number;
}

/**
 * Fresh values for a column that must never be learned: keys and personal data. Ids are unique
 * (row number, UUID v4 from `rng`, or prefix + row number); PII comes from @faker-js/faker (English
 * locale) seeded from `rng`, so the same seed gives the same values. Nothing of the input is used.
 */
export function regenerateColumn(
  meta: IdMetadata | PiiMetadata,
  n: number,
  rng: Rng,
  options: RegenerateOptions = {},
): CategoricalColumn {
  const start = options.startAt ?? 0;
  const values = new Array<string>(n);
  if (meta.sdtype === 'id') {
    const style = meta.style ?? 'integer';
    if (style === 'uuid') for (let i = 0; i < n; i++) values[i] = uuidV4(rng);
    else {
      const prefix = style === 'prefixed' ? (meta.prefix ?? '') : '';
      for (let i = 0; i < n; i++) values[i] = prefix + String(start + i + 1);
    }
    return distinctColumn(values);
  }
  // One seeded pass over the shared English faker; synchronous, so no other caller interleaves.
  faker.seed(rng.nextUint32());
  const make = FAKERS[meta.kind];
  for (let i = 0; i < n; i++) values[i] = make(rng);
  return encodeStrings(values);
}

const FAKERS: Readonly<Record<PiiKind, (rng: Rng) => string>> = {
  email: () => faker.internet.email(),
  phone: () => faker.phone.number(),
  name: () => faker.person.fullName(),
  first_name: () => faker.person.firstName(),
  last_name: () => faker.person.lastName(),
  address: () => faker.location.streetAddress(),
  city: () => faker.location.city(),
  postcode: () => faker.location.zipCode(),
  ip: () => faker.internet.ipv4(),
  iban: () => faker.finance.iban(),
  credit_card: () => faker.finance.creditCardNumber(),
  ssn: syntheticSsn,
  url: () => faker.internet.url(),
  username: () => faker.internet.username(),
  text: () => faker.lorem.sentence(),
};

/**
 * AAA-GG-SSSS with area 900-999, which the US Social Security Administration never issues, so a
 * generated number can never be a real person's.
 */
function syntheticSsn(rng: Rng): string {
  const area = 900 + rng.int(100);
  const group = 1 + rng.int(99);
  const serial = 1 + rng.int(9999);
  return `${area}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** RFC 9562 version-4 UUID from the seeded generator (not crypto: reproducibility is the point). */
export function uuidV4(rng: Rng): string {
  const b = new Uint8Array(16);
  for (let i = 0; i < 16; i += 4) {
    const x = rng.nextUint32();
    b[i] = x;
    b[i + 1] = x >>> 8;
    b[i + 2] = x >>> 16;
    b[i + 3] = x >>> 24;
  }
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => HEX[x]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

/** Values known to be distinct: codes are row numbers. */
function distinctColumn(values: string[]): CategoricalColumn {
  const codes = new Int32Array(values.length);
  for (let i = 0; i < codes.length; i++) codes[i] = i;
  return { type: 'categorical', codes, categories: values };
}

import type { PiiKind } from '../metadata/types.js';
import type { Column } from '../table/column.js';
import { nameWords, normalizeName } from './column-name.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^(?=.*:)[0-9A-Fa-f:]{2,39}$/;
const URL_RE = /^(https?|ftp):\/\/[^\s/$.?#].[^\s]*$|^www\.[^\s]+\.[a-z]{2,}/i;
const SSN = /^\d{3}-\d{2}-\d{4}$/;
const PHONE = /^\+?[\d\s().\-/]{6,}(\s*(x|ext\.?)\s*\d+)?$/i;
const PERSON_NAME = /^\p{Lu}[\p{L}'.-]*( \p{Lu}[\p{L}'.-]*){1,3}$/u;
const WORDS = /^\p{L}[\p{L}\s'.-]*$/u;
const POSTCODE =
  /^(\d{3,5}(-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{4} ?[A-Z]{2})$/i;
const STREET = /^\d+[A-Za-z]?\s+\p{L}/u;
const USERNAME = /^[A-Za-z0-9._-]{2,40}$/;

/** Kinds recognisable from the values alone, whatever the column is called. */
const BY_CONTENT: ReadonlyArray<[PiiKind, (v: string) => boolean]> = [
  ['email', (v) => EMAIL.test(v)],
  ['ip', (v) => IPV4.test(v) || (IPV6.test(v) && v.split(':').length >= 3)],
  ['url', (v) => URL_RE.test(v)],
  ['ssn', (v) => SSN.test(v)],
  ['iban', isIban],
  ['credit_card', isCardNumber],
];

/** Kinds recognised by name, each with the check its values must pass too (most of them). */
const BY_NAME: ReadonlyArray<[PiiKind, (n: string, words: string[]) => boolean, (v: string) => boolean]> = [
  ['email', (n, w) => w.includes('email') || n.includes('e_mail') || n === 'mail', (v) => EMAIL.test(v)],
  [
    'ip',
    (_n, w) => w.includes('ip') || w.includes('ipv4') || w.includes('ipv6') || w.includes('ipaddress'),
    (v) => IPV4.test(v) || IPV6.test(v),
  ],
  [
    'url',
    (_n, w) => ['url', 'uri', 'website', 'homepage', 'link'].some((k) => w.includes(k)),
    (v) => URL_RE.test(v) || v.includes('.'),
  ],
  ['iban', (_n, w) => w.includes('iban'), isIban],
  [
    'credit_card',
    (n, w) =>
      (w.includes('card') && (w.includes('credit') || w.includes('number') || w.includes('no'))) ||
      ['creditcard', 'cc_number', 'ccn', 'pan'].includes(n),
    isCardNumber,
  ],
  [
    'ssn',
    (n, w) => w.includes('ssn') || n.includes('social_security'),
    (v) => SSN.test(v) || /^\d{9}$/.test(v),
  ],
  [
    'phone',
    (_n, w) =>
      ['phone', 'telephone', 'mobile', 'cell', 'tel', 'fax', 'phonenumber'].some((k) => w.includes(k)),
    isPhone,
  ],
  [
    'first_name',
    (n) => ['first_name', 'firstname', 'given_name', 'fname', 'forename'].includes(n),
    (v) => WORDS.test(v),
  ],
  [
    'last_name',
    (n) => ['last_name', 'lastname', 'surname', 'family_name', 'lname'].includes(n),
    (v) => WORDS.test(v),
  ],
  [
    'username',
    (n) => ['username', 'user_name', 'login', 'screen_name', 'handle', 'nickname'].includes(n),
    (v) => USERNAME.test(v),
  ],
  [
    'name',
    (n, w) =>
      n === 'name' ||
      n === 'full_name' ||
      n === 'fullname' ||
      (w.length === 2 && w[1] === 'name' && PERSON_WORDS.has(w[0]!)),
    (v) => PERSON_NAME.test(v),
  ],
  [
    'address',
    (_n, w) => w.includes('address') || w.includes('street') || w.includes('addr'),
    (v) => STREET.test(v) || v.includes(','),
  ],
  ['city', (n, w) => w.includes('city') || n === 'town' || n === 'municipality', (v) => WORDS.test(v)],
  [
    'postcode',
    (n, w) =>
      ['zip', 'zipcode', 'postcode', 'postal', 'postalcode'].some((k) => w.includes(k)) || n === 'plz',
    (v) => POSTCODE.test(v),
  ],
];

const PERSON_WORDS = new Set([
  'person',
  'customer',
  'client',
  'patient',
  'employee',
  'contact',
  'owner',
  'member',
  'student',
  'holder',
  'cardholder',
  'user',
  'account',
  'driver',
  'passenger',
  'guest',
  'applicant',
]);

const SAMPLE = 2000;

/**
 * The kind of personal data a column holds, from its name and its values, or undefined. A name alone
 * is not enough when the kind has a recognisable shape ("email_opt_in" holding yes/no is not an email
 * column); values alone are enough only for unmistakable shapes (emails, IPs, URLs, SSNs, IBANs, card
 * numbers passing the Luhn check). Numeric columns are PII only by name (zip codes, phone numbers) or
 * as card numbers, so coordinates such as longitude/latitude are never flagged.
 */
export function detectPiiKind(name: string, column: Column): PiiKind | undefined {
  const values = sampleValues(column);
  if (values.length === 0) return undefined;
  const n = normalizeName(name);
  const words = nameWords(name);
  for (const [kind, nameTest, valueTest] of BY_NAME) {
    if (nameTest(n, words) && share(values, valueTest) >= 0.5) return kind;
  }
  if (column.type !== 'categorical') {
    // Numbers: only card numbers have a shape strong enough to trust without a name.
    return share(values, isCardNumber) >= 0.9 ? 'credit_card' : undefined;
  }
  for (const [kind, test] of BY_CONTENT) if (share(values, test) >= 0.9) return kind;
  return undefined;
}

function sampleValues(column: Column): string[] {
  if (column.type === 'categorical') {
    const cats = column.categories;
    if (cats.length <= SAMPLE) return [...cats];
    const step = cats.length / SAMPLE;
    return Array.from({ length: SAMPLE }, (_, i) => cats[Math.floor(i * step)]!);
  }
  if (column.type !== 'number') return [];
  const out: string[] = [];
  const vals = column.values;
  const step = Math.max(1, Math.floor(vals.length / SAMPLE));
  for (let i = 0; i < vals.length && out.length < SAMPLE; i += step) {
    const v = vals[i]!;
    if (Number.isFinite(v)) out.push(String(v));
  }
  return out;
}

function share(values: readonly string[], test: (v: string) => boolean): number {
  let k = 0;
  for (const v of values) if (test(v)) k++;
  return k / values.length;
}

function isPhone(v: string): boolean {
  if (!PHONE.test(v)) return false;
  const digits = v.replace(/(x|ext\.?)\s*\d+$/i, '').replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** 13-19 digits (spaces or dashes allowed) passing the Luhn checksum (ISO/IEC 7812-1). */
export function isCardNumber(v: string): boolean {
  const digits = v.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Country code, check digits and account, validated by ISO 13616's mod-97 rule. */
export function isIban(v: string): boolean {
  const s = v.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const r = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of r) {
    const code = ch.charCodeAt(0);
    const part = code >= 65 ? String(code - 55) : ch;
    for (const digit of part) rem = (rem * 10 + digit.charCodeAt(0) - 48) % 97;
  }
  return rem === 1;
}

/** 8-4-4-4-12 hex digits. */
export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

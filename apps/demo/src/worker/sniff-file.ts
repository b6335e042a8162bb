/**
 * What is this file? Looks at its first bytes only: a known binary signature, NUL bytes, a BOM,
 * or text that is not valid UTF-8. Decides how the file is read before any parsing starts.
 */
import { SynthkitError } from '@synthkit/core';

/** Signatures of formats people drop by mistake, with what to do instead. */
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx or OpenDocument file is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel/Office (.xls) file' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], what: 'an Arrow IPC file' },
];

const GZIP = [0x1f, 0x8b];

export interface Sniffed {
  /** WHATWG encoding label the text is decoded with. */
  readonly encoding: string;
  readonly gzip: boolean;
  /** Set when the encoding was guessed rather than known (no BOM, not valid UTF-8). */
  readonly encodingNotice?: string;
  readonly looksLikeJson: boolean;
}

const startsWith = (head: Uint8Array, sig: readonly number[]): boolean =>
  head.length >= sig.length && sig.every((b, i) => head[i] === b);

/**
 * `head` is the first bytes of the file (64 KB is plenty); `override` is an encoding the user chose.
 * Throws a SynthkitError (UNSUPPORTED) for anything that is not delimited text.
 */
export function sniffFile(name: string, head: Uint8Array, override?: string): Sniffed {
  if (startsWith(head, GZIP)) return { encoding: override ?? 'utf-8', gzip: true, looksLikeJson: false };
  for (const s of SIGNATURES)
    if (startsWith(head, s.bytes))
      throw new SynthkitError('UNSUPPORTED', `"${name}" is ${s.what}, not a CSV file.`, {
        hint: 'Export the table as CSV (comma-separated values, UTF-8) and drop that file.',
      });
  let encoding = override;
  if (encoding === undefined) {
    if (startsWith(head, [0xff, 0xfe])) encoding = 'utf-16le';
    else if (startsWith(head, [0xfe, 0xff])) encoding = 'utf-16be';
  }
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  if (!utf16 && head.includes(0))
    throw new SynthkitError('UNSUPPORTED', `"${name}" is a binary file, not CSV text.`, {
      hint: 'Drop a CSV file (comma-separated values). Spreadsheets: use "Save as CSV" first.',
    });
  let encodingNotice: string | undefined;
  if (encoding === undefined) {
    encoding = 'utf-8';
    if (!validUtf8(head)) {
      encoding = 'windows-1252';
      encodingNotice =
        `"${name}" is not UTF-8 text, so it was read as Windows-1252 (Latin-1, Western European). ` +
        'If letters look wrong in the preview, choose the file’s encoding and read it again.';
    }
  }
  const text = new TextDecoder(encoding).decode(head.subarray(0, 256)).trimStart();
  const looksLikeJson = text.startsWith('[') || text.startsWith('{');
  return { encoding, gzip: false, looksLikeJson, ...(encodingNotice ? { encodingNotice } : {}) };
}

/** Valid UTF-8, ignoring a multi-byte character cut at the end of the sample. */
function validUtf8(head: Uint8Array): boolean {
  let end = head.length;
  // Step back over at most 3 continuation bytes and their lead byte so a cut character is not an error.
  for (let k = 0; k < 4 && end > 0; k++) {
    const b = head[end - 1]!;
    if (b < 0x80) break;
    end--;
    if (b >= 0xc0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

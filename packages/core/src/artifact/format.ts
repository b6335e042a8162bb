import { SynthkitError } from '../errors/synthkit-error.js';
import type { JsonValue, TypedArray } from '../plugin/types.js';
import { sha256 } from './sha256.js';

/**
 * The model file format, version 1 (all integers little-endian):
 *
 *   magic      8 bytes  0x89 "SKMODEL" (the high byte catches text-mode transfers, as PNG does)
 *   version    u32      format version
 *   length     u32      bytes of the manifest
 *   manifest   UTF-8 JSON: { ..., arrays: [{ name, dtype, offset, length }] } (offset from the data start)
 *   padding    to a multiple of 8
 *   data       the typed arrays, each starting at a multiple of 8
 *   checksum   32 bytes: SHA-256 of everything before it
 *
 * Everything is checked (size, magic, version, checksum, directory bounds) before any of it is used.
 */
export const ARTIFACT_FORMAT_VERSION = 1;
const MAGIC = Uint8Array.from([0x89, 0x53, 0x4b, 0x4d, 0x4f, 0x44, 0x45, 0x4c]);
const HEADER = 16;
const CHECKSUM = 32;

const DTYPES = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint8: Uint8Array,
} as const;
type Dtype = keyof typeof DTYPES;

export interface ArtifactContents {
  /** Plain JSON; the array directory is added under `arrays` on write. */
  readonly manifest: { readonly [k: string]: JsonValue };
  readonly arrays: Readonly<Record<string, TypedArray>>;
}

interface DirectoryEntry {
  name: string;
  dtype: Dtype;
  offset: number;
  length: number;
}

function dtypeOf(a: TypedArray): Dtype {
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Int32Array) return 'int32';
  return 'uint8';
}

const align8 = (x: number) => Math.ceil(x / 8) * 8;

export function encodeArtifact(contents: ArtifactContents): Uint8Array {
  requireLittleEndian();
  const directory: DirectoryEntry[] = [];
  let dataBytes = 0;
  for (const [name, a] of Object.entries(contents.arrays)) {
    directory.push({ name, dtype: dtypeOf(a), offset: dataBytes, length: a.length });
    dataBytes = align8(dataBytes + a.byteLength);
  }
  const manifest = new TextEncoder().encode(JSON.stringify({ ...contents.manifest, arrays: directory }));
  const dataStart = align8(HEADER + manifest.length);
  const out = new Uint8Array(dataStart + dataBytes + CHECKSUM);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, ARTIFACT_FORMAT_VERSION, true);
  view.setUint32(12, manifest.length, true);
  out.set(manifest, HEADER);
  for (const e of directory) {
    const a = contents.arrays[e.name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + e.offset);
  }
  out.set(sha256(out.subarray(0, out.length - CHECKSUM)), out.length - CHECKSUM);
  return out;
}

export function decodeArtifact(bytes: Uint8Array): ArtifactContents {
  requireLittleEndian();
  const bad = (why: string): never => {
    throw new SynthkitError('BAD_ARTIFACT', `Not a valid synthkit model file: ${why}`, {
      hint: 'The file is damaged, truncated or not a model; save the model again (synthkit fit data.csv --out model.synthkit)',
    });
  };
  if (bytes.length < HEADER + CHECKSUM) bad(`only ${bytes.length} bytes (truncated?)`);
  for (let i = 0; i < MAGIC.length; i++)
    if (bytes[i] !== MAGIC[i]) bad('it does not start with the synthkit model signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version > ARTIFACT_FORMAT_VERSION)
    throw new SynthkitError(
      'ARTIFACT_VERSION',
      `The model file has format version ${version}; this synthkit reads up to ${ARTIFACT_FORMAT_VERSION}`,
      {
        hint: 'Upgrade @synthkit/core (and the CLI) to load it, or save the model again with this version',
      },
    );
  if (version < 1) bad(`format version ${version}`);
  const body = bytes.subarray(0, bytes.length - CHECKSUM);
  const expected = sha256(body);
  for (let i = 0; i < CHECKSUM; i++)
    if (bytes[body.length + i] !== expected[i]) bad('the checksum does not match (truncated or modified)');
  const length = view.getUint32(12, true);
  const dataStart = align8(HEADER + length);
  if (dataStart > body.length) bad('the manifest runs past the end');
  let manifest: Record<string, JsonValue>;
  try {
    manifest = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER, HEADER + length)),
    );
  } catch {
    return bad('the manifest is not JSON');
  }
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.arrays))
    bad('the manifest has no array directory');
  const arrays: Record<string, TypedArray> = {};
  for (const raw of manifest.arrays as unknown[]) {
    const e = raw as Partial<DirectoryEntry>;
    const Ctor = typeof e.dtype === 'string' ? DTYPES[e.dtype as Dtype] : undefined;
    if (
      !Ctor ||
      typeof e.name !== 'string' ||
      !Number.isSafeInteger(e.offset) ||
      !Number.isSafeInteger(e.length)
    )
      return bad(`bad array entry ${JSON.stringify(raw)}`);
    const start = dataStart + e.offset!;
    const end = start + e.length! * Ctor.BYTES_PER_ELEMENT;
    if (e.offset! < 0 || e.length! < 0 || end > body.length)
      return bad(`array "${e.name}" runs past the end`);
    // Copy out: the result owns aligned memory whatever the input's alignment. (Not bytes.slice:
    // on a Node Buffer that is a view of a shared pool, not a copy.)
    const copy = new Uint8Array(end - start);
    copy.set(bytes.subarray(start, end));
    arrays[e.name] = new Ctor(copy.buffer);
  }
  const { arrays: _directory, ...rest } = manifest;
  return { manifest: rest, arrays };
}

function requireLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1)
    throw new SynthkitError('UNSUPPORTED', 'Model files need a little-endian platform');
}

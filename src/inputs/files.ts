/**
 * An input file exactly as the build read it: its name (the role-relative path every later stage,
 * the manifest and the archive use: `data/2026-W06.yaml`, `templates/partials/capex.hbs`,
 * `locales/en.json`), its bytes and their SHA-256. Every input is read once; every later stage
 * takes it from here.
 */
import { createHash } from 'node:crypto';

export interface InputFile {
  /** Where it sits among the inputs, with forward slashes: `templates/charts/x.vl.json`. */
  name: string;
  /** The file it was read from, for messages; absent for inputs taken from the archive. */
  path?: string;
  bytes: Uint8Array;
  sha256: string;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function inputFile(name: string, bytes: Uint8Array, path?: string): InputFile {
  return { name, ...(path === undefined ? {} : { path }), bytes, sha256: sha256(bytes) };
}

/** The file's text (UTF-8, a byte-order mark dropped). */
export function textOf(file: InputFile): string {
  const { buffer, byteOffset, byteLength } = file.bytes;
  const text = Buffer.from(buffer, byteOffset, byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What messages call the file: the path it was read from, else its name. */
export function shownName(file: InputFile): string {
  return file.path ?? file.name;
}

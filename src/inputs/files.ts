/**
 * An input file exactly as the build read it: its name (the role-relative path every later stage,
 * the manifest and the archive use: `data/2026-W06.yaml`, `templates/partials/capex.hbs`,
 * `locales/en.json`), its bytes and their SHA-256. Every input is read once; every later stage
 * takes it from here.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

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

/**
 * The file's bytes, or undefined when it holds more than `max`: a larger file is never read
 * whole (its size is known at once; a pipe or a growing file is read up to `max` + 1 bytes).
 */
export async function readAtMost(file: string, max: number): Promise<Uint8Array | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > max) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size, 64 * 1024), max + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > max) return undefined;
      chunks.push(chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/**
 * The files a config file names (the logo, the DKIM key) must exist when the config is loaded,
 * not when page 1 is printed or the first message signed: the problem then points at the line.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemText } from '../errors.js';
import { msg } from '../messages/index.js';

/** Settings naming a file that must exist, and what each must be. */
export const CHECKED_FILES = [
  { path: ['firm', 'logo'], what: msg.config.logoFile, image: true },
  { path: ['smtp', 'dkim', 'keyFile'], what: msg.config.dkimKeyFile, image: false },
] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** An SVG's root element comes after at most an XML declaration, a doctype and comments. */
const SVG_HEAD_BYTES = 64 * 1024;

/** What is wrong with the file `written` (relative to `dir`), or undefined when it is fine. */
export async function checkNamedFile(
  written: string,
  dir: string,
  { what, image }: { what: string; image: boolean },
): Promise<ProblemText | undefined> {
  const resolved = path.resolve(dir, written);
  const found = await fileKind(resolved);
  if (found !== 'file') return msg.config.missingFile(what, resolved, found);
  if (!image) return undefined;
  const ext = path.extname(resolved).toLowerCase();
  return (await looksLike(resolved, ext)) ? undefined : msg.config.notAnImage(ext);
}

async function fileKind(file: string): Promise<string> {
  try {
    return (await stat(file)).isFile() ? 'file' : 'a directory';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : String(code);
  }
}

async function looksLike(file: string, ext: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(SVG_HEAD_BYTES) });
    const head = buffer.subarray(0, bytesRead);
    if (ext === '.png') return head.subarray(0, 8).equals(PNG_SIGNATURE);
    return /<svg[\s>]/.test(head.toString('utf8'));
  } finally {
    await handle.close();
  }
}

/**
 * The fonts' identity for the inputs hash and the manifest: each face's SHA-256, by
 * `fonts/<family> <weight>`. Hashed once per process, off the main thread (Web Crypto runs in
 * libuv's pool).
 */
import { webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { FONT_FACES } from './files.js';

let identity: Promise<Record<string, string>> | undefined;

export function fontIdentity(): Promise<Record<string, string>> {
  identity ??= Promise.all(
    FONT_FACES.map(async (face) => {
      const digest = await webcrypto.subtle.digest('SHA-256', await readFile(face.file));
      return [`fonts/${face.family} ${face.weight}`, Buffer.from(digest).toString('hex')] as const;
    }),
  ).then(Object.fromEntries);
  identity.catch(() => {
    identity = undefined;
  });
  return identity;
}

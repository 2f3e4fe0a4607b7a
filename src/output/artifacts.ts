/**
 * What a build makes, in memory: each output file with its bytes, SHA-256, media type and
 * language. Writing `<out>/<week>/` (write.ts) is one consumer of them; the archive is another.
 */
import path from 'node:path';
import type { Locale } from '../data/schema.js';
import { sha256 } from '../inputs/files.js';

export interface Artifact {
  /** Its path inside the week's folder: `report.zh-TW.pdf`, `charts/x.en.svg`, `manifest.json`. */
  name: string;
  bytes: Uint8Array;
  sha256: string;
  mediaType: string;
  locale?: Locale;
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export function makeArtifact(
  name: string,
  content: Uint8Array | string,
  locale?: Locale,
): Artifact {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    bytes,
    sha256: sha256(bytes),
    mediaType: MEDIA_TYPES[path.extname(name)] ?? 'application/octet-stream',
    ...(locale ? { locale } : {}),
  };
}

export function findArtifact(artifacts: readonly Artifact[], name: string): Artifact | undefined {
  return artifacts.find((a) => a.name === name);
}

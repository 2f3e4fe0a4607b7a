/**
 * The fonts' identity for the inputs hash, the manifest and the archive: the version of each font
 * package (npm verifies each package's files against the lock file's integrity hash on install,
 * so a version names exact bytes). Read from the packages' package.json, once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The packages the fonts come from (files.ts reads the faces out of them). */
export const FONT_PACKAGES = ['@expo-google-fonts/inter', '@expo-google-fonts/noto-sans-tc'];

let identity: Record<string, string> | undefined;

/** Font package → version, e.g. `{ '@expo-google-fonts/inter': '0.4.2', ... }`. */
export function fontPackages(): Record<string, string> {
  identity ??= Object.fromEntries(
    FONT_PACKAGES.map((name) => {
      const file = require.resolve(`${name}/package.json`);
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
      return [name, version];
    }),
  );
  return identity;
}

/**
 * `capex-report archive --week W`: the week as `build` left it in `<output>/<week>/`, with the
 * input files it was built from. Both must still be what the build's manifest says (an output
 * file edited by hand, or a week file changed since, would archive something no build made):
 * otherwise it is refused, and the message says to build again.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseWeekText } from '../data/load.js';
import { validateWeek } from '../data/validate.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { textOf } from '../inputs/files.js';
import { inputHashes } from '../inputs/hash.js';
import { type InputPaths, listInputs, loadInputs } from '../inputs/load.js';
import { msg } from '../messages/index.js';
import { type Artifact, makeArtifact } from '../output/artifacts.js';
import { isOurManifest, MANIFEST_FILE, type Manifest } from '../output/manifest.js';
import type { BuiltWeek } from './types.js';

export async function readBuiltOutput(dir: string, paths: InputPaths): Promise<BuiltWeek> {
  const manifestText = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => '');
  if (!isOurManifest(manifestText)) {
    throw new InvalidInputError(msg.archive.notBuilt(dir), [
      { file: dir, path: '', ...msg.archive.noBuildThere() },
    ]);
  }
  const manifest = JSON.parse(manifestText) as Manifest;
  const artifacts = await readArtifacts(dir, manifest);
  const inputs = await loadInputs(paths);
  const problems = [
    ...changedFiles(dir, manifest.outputs, artifacts),
    ...changedInputs(inputHashes(inputs), manifest.inputs),
  ];
  if (problems.length > 0)
    throw new InvalidInputError(msg.archive.changedSinceBuild(dir), problems);
  const week = validateWeek(parseWeekText(textOf(inputs.week), inputs.week.path ?? ''));
  return {
    week: manifest.week,
    edition: manifest.edition,
    ...(week.meta.correction ? { correction: week.meta.correction } : {}),
    inputs: listInputs(inputs),
    artifacts,
    inputsHash: manifest.inputsHash,
    versions: {
      tool: manifest.tool.version,
      node: manifest.tool.node,
      browser: manifest.browser,
      fonts: manifest.fonts,
    },
  };
}

/** The files the manifest lists, then the manifest itself (the order the build made them in). */
async function readArtifacts(dir: string, manifest: Manifest): Promise<Artifact[]> {
  const names = [...Object.keys(manifest.outputs), MANIFEST_FILE];
  const present = new Set(
    (await readdir(dir, { recursive: true })).map((f) => String(f).split(path.sep).join('/')),
  );
  const artifacts: Artifact[] = [];
  for (const name of names.filter((n) => present.has(n))) {
    const locale = /\.(zh-TW|en)\.[a-z]+$/.exec(name)?.[1] as 'zh-TW' | 'en' | undefined;
    artifacts.push(makeArtifact(name, await readFile(path.join(dir, name)), locale));
  }
  return artifacts;
}

function changedFiles(
  dir: string,
  listed: Manifest['outputs'],
  artifacts: readonly Artifact[],
): Problem[] {
  return Object.entries(listed).flatMap(([name, { sha256 }]) => {
    const found = artifacts.find((a) => a.name === name);
    if (found?.sha256 === sha256) return [];
    return [{ file: path.join(dir, name), path: '', ...msg.archive.outputChanged(Boolean(found)) }];
  });
}

function changedInputs(now: Record<string, string>, built: Record<string, string>): Problem[] {
  const names = new Set([...Object.keys(now), ...Object.keys(built)]);
  return [...names].flatMap((name) =>
    now[name] === built[name]
      ? []
      : [{ file: name, path: '', ...msg.archive.inputChanged(now[name], built[name]) }],
  );
}

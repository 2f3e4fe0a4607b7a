/**
 * The files the preview rebuilds on: Node's own `fs.watch`, recursive for a folder of templates,
 * and on the folder of a single file (the week, the config) filtered by its name, because editors
 * save by writing a new file and renaming it over the old one, which a watch on the file misses.
 */
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

export interface WatchTarget {
  dir: string;
  recursive: boolean;
  /** Only these file names in `dir` (none: every file under it). */
  names?: readonly string[];
}

export interface Watching {
  close(): void;
}

/** Editors' swap and backup files, and our own temp files: never a reason to rebuild. */
const IGNORED = /(?:^|[/\\])(?:\.#[^/\\]*|[^/\\]*(?:~|\.sw[px]|\.tmp))$/;

export function watchTargets(
  targets: readonly WatchTarget[],
  onChange: (file: string) => void,
  onError: (error: Error) => void = () => {},
): Watching {
  const watchers: FSWatcher[] = [];
  for (const target of targets) {
    const watcher = watch(target.dir, { recursive: target.recursive }, (_event, name) => {
      const file = name ? String(name) : '';
      if (IGNORED.test(file)) return;
      if (target.names && !target.names.includes(path.basename(file))) return;
      onChange(path.join(target.dir, file));
    });
    watcher.on('error', onError);
    watchers.push(watcher);
  }
  return {
    close: () => {
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** The folders to watch for a week file, the templates, the locale files and a config file. */
export function previewTargets(paths: {
  dataFile: string;
  templatesDir: string;
  localesDir: string;
  configFile?: string | undefined;
}): WatchTarget[] {
  const single = (file: string): WatchTarget => ({
    dir: path.dirname(file),
    recursive: false,
    names: [path.basename(file)],
  });
  const targets = [
    single(paths.dataFile),
    { dir: paths.templatesDir, recursive: true },
    { dir: paths.localesDir, recursive: true },
  ];
  if (paths.configFile) targets.push(single(paths.configFile));
  return mergeTargets(targets);
}

/** The week file and the config in one folder: one watcher for both names. */
function mergeTargets(targets: WatchTarget[]): WatchTarget[] {
  const out: WatchTarget[] = [];
  for (const target of targets) {
    const same = out.find((t) => t.dir === target.dir && t.recursive === target.recursive);
    if (same?.names && target.names) same.names = [...same.names, ...target.names];
    else out.push({ ...target });
  }
  return out;
}

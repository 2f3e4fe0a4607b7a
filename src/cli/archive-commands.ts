/** The `archive` subcommands: the settings they need, then the archive's run functions. */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { msg } from '../messages/index.js';
import {
  parseVersionArgument,
  runArchiveDiff,
  runArchiveExport,
  runArchiveList,
  runArchiveRebuild,
  runArchiveShow,
  runArchiveStore,
  runArchiveVerify,
} from './archive.js';
import { type GlobalOptions, loadSettings } from './settings.js';
import { newestBuiltWeek } from './weeks.js';

export interface ArchiveCommandOptions extends GlobalOptions {
  week?: string;
  version?: string;
  a?: string;
  b?: string;
  out?: string;
  browser?: string;
  json: boolean;
}

const version = (text: string | undefined) =>
  text === undefined ? undefined : parseVersionArgument(text);

export async function runArchiveCommand(
  name: string,
  options: ArchiveCommandOptions,
): Promise<void> {
  const { config } = await loadSettings(options, { browser: options.browser });
  const root = config.paths.archive;
  const { json } = options;
  const week = options.week;
  switch (name) {
    case 'store': {
      const built = week ?? (await newestBuiltWeek(config.paths.output));
      const dataFile = path.join(config.paths.data, `${built}.yaml`);
      await refuseDraft(dataFile);
      return runArchiveStore({
        root,
        dir: path.join(config.paths.output, built),
        inputs: { dataFile, firm: config.firm, logoFile: config.firm.logo },
        json,
      });
    }
    case 'list':
      return runArchiveList({ root, ...(week ? { week } : {}), json });
    case 'show':
      return runArchiveShow({
        root,
        week: required(week),
        ...optional(version(options.version)),
        json,
      });
    case 'diff':
      return runArchiveDiff({
        root,
        week: required(week),
        versions: [
          parseVersionArgument(required(options.a)),
          parseVersionArgument(required(options.b)),
        ],
        json,
      });
    case 'verify':
      return runArchiveVerify({ root, ...(week ? { week } : {}), json });
    case 'export':
      return runArchiveExport({
        root,
        week: required(week),
        version: parseVersionArgument(required(options.version)),
        out: required(options.out),
        json,
      });
    case 'rebuild':
      return runArchiveRebuild({
        root,
        week: required(week),
        ...optional(version(options.version)),
        browser: config.browser.executablePath,
        json,
      });
    default:
      throw new UsageError(msg.cli.unknownCommand(`archive ${name}`));
  }
}

/** A week that still holds marks of new-week was built as a draft: never a version of record. */
async function refuseDraft(dataFile: string): Promise<void> {
  const { checkWeekFile } = await import('../check.js');
  const { marks } = await checkWeekFile(dataFile);
  if (marks.length > 0) throw new UsageError(msg.review.draftNotArchived(dataFile, marks.length));
}

function required(value: string | undefined): string {
  if (value === undefined) throw new UsageError(msg.cli.missingArgument);
  return value;
}

function optional(value: number | undefined): { version?: number } {
  return value === undefined ? {} : { version: value };
}

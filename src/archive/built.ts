/** What the archive keeps of a build: its inputs, its artifacts and the versions it ran with. */
import type { BuildResult } from '../build.js';
import { listInputs } from '../inputs/load.js';
import type { BuiltWeek } from './types.js';

export function builtWeekOf(result: BuildResult): BuiltWeek {
  const { week, manifest } = result;
  return {
    week: week.meta.week,
    edition: week.meta.edition,
    ...(week.meta.correction ? { correction: week.meta.correction } : {}),
    inputs: listInputs(result.inputs),
    artifacts: result.artifacts,
    inputsHash: manifest.inputsHash,
    versions: {
      tool: manifest.tool.version,
      node: manifest.tool.node,
      browser: manifest.browser,
      fonts: manifest.fonts,
    },
  };
}

/**
 * The firm's identity as a build reads it back from its inputs (`config/firm.json` and the logo
 * it names): the same whether the config was just loaded or the inputs come from the archive.
 */
import { type Firm, firmSchema } from '../config/schema.js';
import { InvalidInputError } from '../errors.js';
import { problemsFromIssues } from '../io/zod-problems.js';
import { msg } from '../messages/index.js';
import { shownName, textOf } from './files.js';
import type { InputSet } from './load.js';
import { logoDataUrl } from './logo.js';

/** The config's firm section, with the logo as a data: URL instead of a path. */
export interface FirmIdentity extends Omit<Firm, 'logo'> {
  logo?: string;
}

export function readFirm(inputs: InputSet): FirmIdentity | undefined {
  if (!inputs.firm) return undefined;
  const file = shownName(inputs.firm);
  let json: unknown;
  try {
    json = JSON.parse(textOf(inputs.firm));
  } catch (cause) {
    throw new InvalidInputError(
      msg.firm.couldNotUseFirm(file),
      [{ file, path: '', ...msg.firm.badFirmFile((cause as Error).message) }],
      { cause },
    );
  }
  const parsed = firmSchema.safeParse(json);
  if (!parsed.success) {
    const problems = problemsFromIssues(parsed.error.issues, { file, data: json });
    throw new InvalidInputError(msg.firm.couldNotUseFirm(file), problems);
  }
  const { logo: logoName, ...firm } = parsed.data;
  if (logoName === undefined) return firm;
  const logo = inputs.logo?.name === logoName ? inputs.logo : undefined;
  if (!logo) {
    throw new InvalidInputError(msg.firm.couldNotUseFirm(file), [
      { file, path: 'logo', ...msg.firm.noLogoInput(logoName) },
    ]);
  }
  return { ...firm, logo: logoDataUrl(logo) };
}

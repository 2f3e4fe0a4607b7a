/**
 * The client list, `data/clients.yaml`: read like the week file (located YAML, one zod schema,
 * every problem at once with file, line, data path, expected and found). Every text ends up in a
 * mail header (To, Cc) or the delivery log, so no field may hold a line break or any other
 * control character: a name such as "A\r\nBcc: x@example.net" would add a header of its own.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { closestName, fieldNamesOf } from '../data/suggest.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { formatPath } from '../io/paths.js';
import { parseYamlFile, type YamlFile } from '../io/yaml.js';
import { problemsFromIssues } from '../io/zod-problems.js';
import { msg } from '../messages/index.js';
import { isHeaderSafe } from './headers.js';

export const CLIENT_LANGUAGES = ['zh-TW', 'en', 'both'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

/** Safe in a Message-ID's local part and a file name, as well as in the log. */
const CLIENT_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u;

// Checked before trimming: a trailing "\r" is refused, not quietly cut off.
const text = (max: number) =>
  z
    .string()
    .refine(isHeaderSafe, msg.config.oneLineText)
    .trim()
    .refine((t) => t.replace(/[\p{Cf}\s]/gu, '') !== '', msg.clients.nonEmpty)
    .refine((t) => t.length <= max, msg.config.shortText(max));
const address = text(254).pipe(z.email(msg.config.emailAddress));

const clientSchema = z.strictObject({
  id: z.string().regex(CLIENT_ID, msg.clients.clientId),
  name: text(200),
  email: address,
  language: z.enum(CLIENT_LANGUAGES),
  cc: z.array(address).optional(),
  active: z.boolean().default(true),
  tags: z.array(text(40).pipe(z.string().regex(TAG, msg.clients.tag))).default([]),
});

export const clientListSchema = z.strictObject({ clients: z.array(clientSchema).min(1) });

export type Client = z.output<typeof clientSchema>;

export interface ClientList {
  /** The file as messages name it. */
  file: string;
  clients: Client[];
}

/** Reads and checks the client list; throws InvalidInputError listing every problem. */
export async function loadClients(file: string): Promise<ClientList> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const found = msg.input.readFailure(String((cause as NodeJS.ErrnoException).code));
    throw new InvalidInputError(
      msg.input.couldNotRead(msg.clients.what, file),
      [{ file, path: '', ...msg.input.unreadable('YAML', found) }],
      { cause },
    );
  }
  return parseClients(text, file);
}

export function parseClients(text: string, file: string): ClientList {
  const yaml = parseYamlFile(text, file, { what: msg.clients.what, example: msg.clients.example });
  const parsed = clientListSchema.safeParse(yaml.data);
  const problems = parsed.success
    ? duplicateProblems(parsed.data.clients, yaml)
    : problemsFromIssues(parsed.error.issues, yaml, { suggest });
  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new InvalidInputError(msg.clients.invalidFile(file, problems.length), problems);
  }
  return { file, clients: (parsed.data as z.output<typeof clientListSchema>).clients };
}

let fieldNames: string[] | undefined;
function suggest(key: string): string | undefined {
  fieldNames ??= fieldNamesOf(clientListSchema);
  return closestName(key, fieldNames);
}

/** Ids and addresses used twice, and a cc that repeats one of the client's own addresses. */
function duplicateProblems(clients: readonly Client[], yaml: YamlFile): Problem[] {
  const at = (keys: (string | number)[]) => ({
    file: yaml.file,
    path: formatPath(keys),
    ...(yaml.locate(keys) ?? {}),
  });
  const where = (keys: (string | number)[]) => {
    const place = at(keys);
    return place.line === undefined ? place.path : `${place.path} (line ${place.line})`;
  };
  const problems: Problem[] = [];
  const ids = new Map<string, (string | number)[]>();
  const addresses = new Map<string, (string | number)[]>();
  clients.forEach((client, i) => {
    const idPath = ['clients', i, 'id'];
    const first = ids.get(client.id);
    if (first) problems.push({ ...at(idPath), ...msg.clients.duplicateId(where(first)) });
    else ids.set(client.id, idPath);
    const own = new Map<string, (string | number)[]>();
    const mine: [(string | number)[], string][] = [
      [['clients', i, 'email'], client.email],
      ...(client.cc ?? []).map((cc, j): [(string | number)[], string] => [
        ['clients', i, 'cc', j],
        cc,
      ]),
    ];
    for (const [path, address] of mine) {
      const key = address.toLowerCase();
      const mineFirst = own.get(key);
      const other = addresses.get(key);
      if (mineFirst)
        problems.push({ ...at(path), ...msg.clients.ccRepeatsAddress(where(mineFirst)) });
      else if (other) problems.push({ ...at(path), ...msg.clients.duplicateAddress(where(other)) });
      own.set(key, path);
    }
    for (const [key, path] of own) if (!addresses.has(key)) addresses.set(key, path);
  });
  return problems;
}

/** E-mail delivery: composing, sending, the delivery log, dry runs and test messages. */
import type { ProblemText } from '../errors.js';

// Reading the archived version.
export const noPdf = (label: string, locale: string) =>
  `${label} holds no ${locale} PDF to attach; archive a full build of the week`;
export const dkimKeyUnreadable = (file: string) =>
  `Could not read the DKIM private key (${file}); check smtp.dkim.keyFile`;

// Header texts of the archived week.
export const unsafeHeaders = (file: string, count: number) =>
  `Refused to send ${file}: ${count === 1 ? '1 text' : `${count} texts`} of a mail header hold a line break or another control character`;
export const headerText = (text: string): ProblemText => ({
  expected:
    'a text on one line without control characters (it goes into the e-mail’s subject, a mail header)',
  found: JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text),
  hint: 'a line break in a header would let the text add headers of its own: write it on one line',
});

// No server configured.
export const noSmtp = (passwordEnv: string) =>
  [
    'No SMTP server is configured, so nothing can be sent. Configure one in capex-report.config.yaml:',
    '  smtp:',
    '    host: mail.example.com     # or CAPEX_REPORT_SMTP_HOST',
    '    port: 587                  # or CAPEX_REPORT_SMTP_PORT (default: 587 starttls, 465 tls, 25 none)',
    '    security: starttls         # tls | starttls | none; or CAPEX_REPORT_SMTP_SECURITY',
    '    user: reports@example.com  # or CAPEX_REPORT_SMTP_USER',
    `and put the password in the environment variable ${passwordEnv} (named by smtp.passwordEnv; never in the file).`,
    'To try it out without a server: capex-report send <week> --dry-run writes each message as an .eml file.',
  ].join('\n');

// Choosing the clients.
export const unknownClients = (ids: readonly string[]) =>
  `No client with the id ${ids.map((id) => JSON.stringify(id)).join(', ')} in the client list (--only takes client ids)`;
export const unknownTags = (tags: readonly string[]) =>
  `No client has the tag ${tags.map((t) => JSON.stringify(t)).join(', ')} (--tag takes a tag of the client list)`;
export const dryRunAndTest = '--dry-run and --test cannot be used together';
export const badTestAddress = (address: string) =>
  `Not an e-mail address for --test: ${JSON.stringify(address)}`;
export const noSender = () =>
  'No sender is configured: set sender.from.address (and a name) in capex-report.config.yaml; every message needs a From address';

// Running.
export const busy = (week: string, owner: string, since: string, until: string) =>
  `Another send of ${week} is running (${owner}, since ${since}; its lease ends ${until} unless renewed). This run sent nothing; run it again when that one has finished: it sends only to clients not yet delivered`;
export const leaseLost = (week: string) =>
  `This send of ${week} lost its lease to another process and stopped taking new messages; run it again: it sends only to clients not yet delivered`;
export const interrupted = (week: string) =>
  `The send of ${week} was interrupted; messages in flight were recorded, the rest stay pending for the next run`;

// Results.
const REASONS: Record<string, string> = {
  'already-sent': 'already has this version',
  'not-an-earlier-recipient':
    'did not receive an earlier version (--all sends the correction to every client)',
  'taken-by-another-run': 'taken by another send run',
  'answer-lost':
    'the answer was lost after the message data went out: it may have arrived; not resent unless --resend-unknown',
  'earlier-run':
    'an earlier run lost the answer (or was killed while sending): it may have arrived; not resent unless --resend-unknown',
  refused: 'refused by the server',
  'retries-exhausted': 'temporary failures until the last try',
  'server-unreachable': 'the server could not be reached; the run stopped',
  'not-attempted': 'not attempted: the run stopped before it (stays pending for the next run)',
};
export const reason = (key: string) => REASONS[key] ?? key;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const counts = (c: { sent: number; failed: number; unknown: number; skipped: number }) =>
  `${c.sent} sent, ${c.failed} failed, ${c.unknown} unknown, ${c.skipped} skipped`;
export const sendTitle = (week: string, version: number, edition: number, summary: string) =>
  `${week} v${version} (edition ${edition}): ${summary}`;
export const dryRunTitle = (week: string, version: number, written: number, dir: string) =>
  `Dry run of ${week} v${version}: wrote ${plural(written, 'message')} to ${dir}; nothing was sent or recorded`;
export const testTitle = (week: string, version: number, address: string) =>
  `Test messages of ${week} v${version} to ${address} (one per language; nothing recorded)`;
export const nothingToSend = (week: string, version: number) =>
  `Nothing to send: every selected client already has ${week} v${version}`;
export const notAllDelivered = (
  week: string,
  version: number,
  c: { failed: number; unknown: number },
) =>
  [
    `Not every client has ${week} v${version} for certain: ${c.failed} failed, ${c.unknown} unknown.`,
    c.failed > 0
      ? ' Run send again to retry the failed ones (the sent ones are not sent twice).'
      : '',
    c.unknown > 0
      ? ` For the unknown ones, check whether they arrived (the server's log, the client); if not, run send ${week} --resend-unknown (same Message-ID, so a duplicate folds).`
      : '',
  ].join('');
export const progress = (done: number, total: number, outcome: string, client: string) =>
  `[${done}/${total}] ${outcome} ${client}`;

// `deliveries`.
export const noDeliveries = (week: string) => `No deliveries of ${week} recorded yet`;
export const deliveriesTitle = (week: string, count: number) =>
  `Deliveries of ${week}: ${plural(count, 'row')}`;

/** The bar's label while messages go out. */
export const sending = 'Sending';
export const writing = 'Writing messages';

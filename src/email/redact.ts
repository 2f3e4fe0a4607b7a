/**
 * Removes the SMTP password from any text a server or a library hands back (a reply, an error
 * message) before it is stored, printed or returned: in clear, and in the base64 forms AUTH
 * PLAIN and AUTH LOGIN send it in, should a server ever echo them.
 */
const HIDDEN = '[password hidden]';

export type Redact = (text: string) => string;

export function redactor(user: string | undefined, password: string | undefined): Redact {
  if (!password) return (text) => text;
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const secrets = [
    password,
    b64(password),
    b64(`\0${user ?? ''}\0${password}`),
    b64(`${user ?? ''}\0${user ?? ''}\0${password}`),
    encodeURIComponent(password),
  ].filter((s, i, all) => s.length >= 3 && all.indexOf(s) === i);
  // Longest first, so a base64 form is replaced whole before the password inside it.
  secrets.sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join(HIDDEN), text);
}

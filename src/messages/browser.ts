/** Finding, starting and printing with the browser. */
const SOURCE_LABELS: Record<string, string> = {
  option: '--browser',
  env: 'PUPPETEER_EXECUTABLE_PATH',
  puppeteer: "Puppeteer's browser",
  chrome: 'Google Chrome',
  edge: 'Microsoft Edge',
  system: 'Chromium',
};

export const notFound = (tried: readonly { path: string; source: string; origin?: string }[]) =>
  [
    `Could not find a Chromium or Chrome to print the PDFs (tried: ${
      tried
        .map((c) => `${c.path} (${c.origin ?? SOURCE_LABELS[c.source] ?? c.source})`)
        .join(', ') || 'nothing'
    }).`,
    'Install one with `apt-get install -y chromium` or `npx puppeteer browsers install chrome`',
    '(either is then found automatically), or set PUPPETEER_EXECUTABLE_PATH to a Chrome executable',
    '(or `browser:` in capex-report.config.yaml).',
  ].join(' ');
export const couldNotStart = (file: string) => `Could not start the browser (${file})`;

export const couldNotPrint = (locale: string, title: string) =>
  `Could not print the ${locale} PDF "${title}"`;
export const failedTwice = (what: string) => `${what} (failed twice)`;
export const leaseClosed = (locale: string) =>
  `Did not print the ${locale} PDF: the browser was being closed`;
export const navigatedAway = (urls: readonly string[]) =>
  `The page tried to navigate away to ${urls.join(', ')}`;
export const fontsDidNotLoad = (faces: readonly string[]) =>
  `The page's fonts did not load: ${faces.join(', ')}` +
  ' (if no font at all is installed on this machine, Chromium refuses web fonts too:' +
  ' apt-get install -y fonts-dejavu-core)';
export const tookTooLong = (what: string, ms: number) => `${what} took over ${ms} ms`;

export const couldNotFinalize = (title: string) => `Could not finalize the PDF "${title}"`;
export const notHex = (title: string) =>
  `Could not finalize the PDF "${title}" (inputsHash is not hex)`;
export const notChromiumShape = (title: string, why: string) =>
  `Could not finalize the PDF "${title}" (not in Chromium's shape: ${why})`;

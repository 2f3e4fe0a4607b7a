/**
 * Times what the build asks of Chromium without touching src/: the live browser handed to
 * buildReport gets a timed `newPage`, and every page it returns gets timed versions of the page
 * calls printPdf makes. Each call is logged as { op, page, start, end } (performance.now() ms).
 */

/** The page calls of src/pdf/pages.ts and print.ts, in the order they make them. */
export const PAGE_OPS = [
  'setJavaScriptEnabled',
  'setRequestInterception',
  'setContent',
  'evaluate',
  'pdf',
  'close',
];

function timed(target, name, log, page) {
  const original = target[name].bind(target);
  target[name] = async (...args) => {
    const start = performance.now();
    try {
      return await original(...args);
    } finally {
      log.push({ op: name, page, start, end: performance.now() });
    }
  };
}

/** Wraps `browser` in place; returns the log the calls are appended to. */
export function instrumentBrowser(browser, log = []) {
  const newPage = browser.newPage.bind(browser);
  let pages = 0;
  browser.newPage = async (...args) => {
    const id = pages++;
    const start = performance.now();
    const page = await newPage(...args);
    log.push({ op: 'newPage', page: id, start, end: performance.now() });
    for (const op of PAGE_OPS) timed(page, op, log, id);
    return page;
  };
  return log;
}

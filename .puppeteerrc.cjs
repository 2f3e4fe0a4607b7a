/**
 * Puppeteer install-time settings.
 *
 * `npm ci` must never fail because Puppeteer cannot download its own Chrome (machines without a
 * route to that download are the norm here). So the download is skipped unless asked for with
 * CAPEX_PUPPETEER_DOWNLOAD=1. At run time capex-report looks for a browser in this order:
 * PUPPETEER_EXECUTABLE_PATH / --browser, Puppeteer's own downloaded browser (for example after
 * `npx puppeteer browsers install chrome`), then Debian's /usr/bin/chromium.
 */
module.exports = {
  skipDownload: process.env.CAPEX_PUPPETEER_DOWNLOAD !== '1',
};

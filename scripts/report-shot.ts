// `npm run report:shot -- REPORT.html OUT.png [--full] [--width N]`: a PNG of an orchlab report
// for people (README, reviews), taken in headless Chromium with the network blocked. By default
// the shot ends where the tables begin (headline, scenario and charts); --full takes the page.
import { parseArgs } from 'node:util';
import { hasChromium, openReport } from './report-browser.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { full: { type: 'boolean', default: false }, width: { type: 'string', default: '1100' } },
});
const [html, png] = positionals;
if (html === undefined || png === undefined) {
  console.error('usage: npm run report:shot -- REPORT.html OUT.png [--full] [--width N]');
  process.exit(2);
}
if (!hasChromium()) {
  console.error('report:shot needs Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(2);
}
const { browser, page, errors, blocked, rendered } = await openReport(html, { width: Number(values.width) });
try {
  if (rendered !== '1') throw new Error(`the report did not render (${rendered}): ${errors.join('; ')}`);
  const end = values.full
    ? undefined
    : await page.evaluate<number | null>(
        "document.getElementById('figures') ? document.getElementById('figures').offsetTop : null",
      );
  const width = Number(values.width);
  await page.screenshot(
    end === undefined || end === null
      ? { path: png, fullPage: true }
      : { path: png, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(end) } },
  );
  if (blocked.length > 0)
    console.error(`blocked ${blocked.length} network request(s): ${blocked.join(', ')}`);
  console.error(`wrote ${png}`);
} finally {
  await browser.close();
}

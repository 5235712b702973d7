// `make lighthouse`: Lighthouse against the release build on 127.0.0.1, the
// home page (the programmer matrix, with a few answers in it, under its
// header) on the mobile profile (simulated slow 4G, a mid-range phone) and
// the desktop one; then, precompressed and on mobile, a team's board and
// its presenter screen, and the home page and the board in German, French
// and Spanish.
// Prints the scores, the largest contentful paint, the layout shift and the
// bytes transferred on a first visit and on a repeat visit (same browser,
// cache kept), as the Markdown table README carries. The same run measures a
// baseline first: the assets compressed on the fly (their precompressed
// copies moved aside). A benchmark: it asserts nothing, it reports.

import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, submitViaApi } from '../harness.js';

const server = await startServer({ binary: 'target/release/server' });
for (const level of [0, 1, 2, 2, 3]) await submitViaApi(server.base, level);
await fetch(`${server.base}/api/boards`, { method: 'POST', body: JSON.stringify({ matrix: 'site-reliability', slug: 'team-a' }) });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
});

const pkg = resolve(import.meta.dirname, '../../target/site/pkg');
const copies = readdirSync(pkg).filter((name) => /\.(br|gz)$/.test(name));
const rows = [];
try {
  for (const assets of ['compressed on the fly', 'precompressed']) {
    // The baseline runs with the copies moved aside, then they come back.
    for (const name of copies) {
      const [from, to] = [join(pkg, name), join(pkg, `${name}.aside`)];
      if (assets === 'precompressed') renameSync(to, from); else renameSync(from, to);
    }
    for (const [profile, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
      const first = await audit('/', config, false);
      const repeat = await audit('/', config, true);
      rows.push({ page: '/', profile, assets, ...first, repeatKiB: repeat.transferKiB });
    }
  }
  // The board's pages, then the home page and a board in each other language
  // (`?lang=`): only the chosen language's words travel, so each weighs on its own.
  const inOtherLanguages = ['de', 'fr', 'es'].flatMap((lang) => [`/?lang=${lang}`, `/b/team-a?lang=${lang}`]);
  for (const page of ['/b/team-a', '/b/team-a/present', ...inOtherLanguages]) {
    const first = await audit(page, undefined, false);
    const repeat = await audit(page, undefined, true);
    rows.push({ page, profile: 'mobile', assets: 'precompressed', ...first, repeatKiB: repeat.transferKiB });
  }
} finally {
  for (const name of copies) {
    if (existsSync(join(pkg, `${name}.aside`))) renameSync(join(pkg, `${name}.aside`), join(pkg, name));
  }
  await chrome.kill();
  await server.stop();
}

console.log('| page | profile | assets | performance | accessibility | best practices | SEO | LCP | CLS | TBT | first visit | repeat visit |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.page} | ${r.profile} | ${r.assets} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.lcp} s | ${r.cls} | ${r.tbt} ms | ${r.transferKiB} KiB | ${r.repeatKiB} KiB |`);
}

/** One Lighthouse run of `page`; `keepCache` runs it as a repeat visit. */
async function audit(page, config, keepCache) {
  const flags = { port: chrome.port, output: 'json', logLevel: 'error', disableStorageReset: keepCache };
  const { lhr } = await lighthouse(`${server.base}${page}`, flags, config);
  const score = (id) => Math.round(lhr.categories[id].score * 100);
  const value = (id) => lhr.audits[id].numericValue;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcp: (value('largest-contentful-paint') / 1000).toFixed(1),
    cls: value('cumulative-layout-shift').toFixed(3),
    tbt: Math.round(value('total-blocking-time')),
    // One decimal: the first visit's goal (200 KiB) is close enough to need it.
    transferKiB: (value('total-byte-weight') / 1024).toFixed(1),
  };
}

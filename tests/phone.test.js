// The board on a phone (360×740 and 390×844, touch): each competency is a
// card, nothing scrolls sideways, every level of every row is chosen by a
// tap, the figures are written under each level, submitting works, axe is
// clean, and nothing moves once the page has hydrated and gone live.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, waitForHydration, submitViaApi, axeViolations } from './harness.js';

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await submitViaApi(server.base, 2);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Sums layout shifts not caused by input, from the first paint on. */
function countShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, at: entry.startTime });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

for (const [width, height] of [[360, 740], [390, 844]]) {
  test(`at ${width}×${height} the matrix is a column of cards answered by tapping`, async () => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await context.addInitScript(countShifts);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.base + '/');
    await waitForHydration(page);
    await page.getByText(/● Live/).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    const hydratedAt = await page.evaluate(() => performance.now());

    const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    assert.equal(widths.document, widths.viewport, 'nothing scrolls sideways');

    // The figures are in view under each level, in readable type, without hovering.
    const figures = page.locator('tr:has(th[scope="row"]) td.cell .figures').nth(2);
    assert.match(await figures.textContent(), /^[1-9]\d* of [1-9]\d* \(\d+%\) rated themselves here$/);
    assert.ok(await figures.isVisible(), 'figures shown under the level');
    const size = await figures.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 12, `figures at ${size}px`);

    // Every level of every row, by tap: each tap chooses that level.
    const rows = page.locator('tr:has(th[scope="row"])');
    const rowCount = await rows.count();
    assert.equal(rowCount, 32);
    for (let r = 0; r < rowCount; r++) {
      const cells = rows.nth(r).locator('td.cell');
      const levels = await cells.count();
      for (const level of [...Array(levels).keys()].reverse()) {
        await cells.nth(level).locator('label').tap();
        assert.ok(await cells.nth(level).locator('input').isChecked(), `row ${r}, level ${level} chosen by a tap`);
      }
    }
    const box = await rows.nth(5).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, 'a card fits the screen');

    assert.deepEqual(await axeViolations(page), [], `axe at ${width}px`);
    const shifts = await page.evaluate(() => window.__shifts);
    const untilLive = shifts.filter((s) => s.at <= hydratedAt).reduce((sum, s) => sum + s.value, 0);
    assert.ok(untilLive <= 0.05, `layout shift up to going live: ${untilLive.toFixed(3)} (${JSON.stringify(shifts)})`);
    assert.deepEqual(shifts.filter((s) => s.at > hydratedAt && s.value > 0.001), [], 'nothing moves once live, taps aside');

    await page.getByRole('button', { name: /Submit|Update my answers/ }).tap();
    await page.getByText(/You submitted on/).waitFor({ timeout: 10_000 });
    if (process.env.TALLY_SCREENSHOTS) await page.screenshot({ path: `${process.env.TALLY_SCREENSHOTS}/phone-${width}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a second visit downloads none of the page\'s assets again', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const assets = new Map(); // request id -> { url, cached }
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (new URL(request.url).pathname.startsWith('/pkg/')) assets.set(requestId, { url: request.url, cached: false });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => { if (assets.has(requestId)) assets.get(requestId).cached = true; });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    if (assets.has(requestId) && (response.fromDiskCache || response.fromMemoryCache)) assets.get(requestId).cached = true;
  });

  await page.goto(server.base + '/');
  await waitForHydration(page);
  const first = [...assets.values()];
  assert.ok(first.some((a) => a.url.endsWith('.wasm')) && first.every((a) => !a.cached), 'the first visit fetches the assets');
  assets.clear();
  await page.goto(server.base + '/');
  await waitForHydration(page);
  const second = [...assets.values()];
  assert.ok(second.length >= 3, `the page uses its assets again: ${JSON.stringify(second)}`);
  assert.deepEqual(second.filter((a) => !a.cached).map((a) => a.url), [], 'every asset from the cache');
  await context.close();
});

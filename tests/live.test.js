// Live figures between two real browser pages, and the connection indicator
// across a server restart.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForHydration, freePort, submitViaApi } from './harness.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const cell = (page, row, level) => page.locator('tbody tr:not(.category)').nth(row).locator('td.cell').nth(level);

test('a submission in one page moves the figures and the open popover in another within 1 s', async () => {
  const server = await startServer();
  try {
    const a = await openPage(browser, server.base + '/');
    const b = await openPage(browser, server.base + '/');
    await Promise.all([waitForHydration(a.page), waitForHydration(b.page)]);
    await b.page.locator('.live-status', { hasText: 'Live · 2 watching' }).waitFor();
    await b.page.evaluate(() => { window.__notReloaded = true; });

    await cell(b.page, 0, 1).locator('input').focus(); // opens the popover in B
    const popover = cell(b.page, 0, 1).locator('.popover');
    await popover.waitFor({ state: 'visible' });
    assert.match(await popover.innerText(), /No answers yet/);

    const rows = await a.page.locator('tbody tr:not(.category)').count();
    for (let row = 0; row < rows; row++) await cell(a.page, row, 1).locator('input').check();
    await a.page.locator('.submit-bar button[type="submit"]').click();
    const submitted = Date.now();
    await a.page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();

    await b.page.waitForFunction(
      () => /1 of 1 \(100%\)/.test(document.querySelector('#pop-data-structures-1')?.textContent),
      null,
      { timeout: 1000 + (Date.now() - submitted) },
    );
    assert.equal(await popover.isVisible(), true, 'the popover stayed open while it updated');
    assert.match(await b.page.locator('.respondents').innerText(), /1 person has answered/);
    assert.notEqual(await cell(b.page, 0, 1).getAttribute('style'), await cell(b.page, 0, 0).getAttribute('style'));
    assert.equal(await b.page.evaluate(() => window.__notReloaded), true, 'no reload happened');
    assert.deepEqual([...a.errors, ...b.errors], []);
    await a.context.close();
    await b.context.close();
  } finally {
    await server.stop();
  }
});

test('the indicator shows reconnecting while the server is down and the figures catch up after', async () => {
  const port = await freePort();
  let server = await startServer({ port });
  const dir = server.dir;
  try {
    const { page, context } = await openPage(browser, server.base + '/');
    await waitForHydration(page);
    await page.locator('.live-status[data-status="live"]').waitFor();

    await server.stop({ keepData: true });
    await page.locator('.live-status[data-status="reconnecting"]').waitFor({ timeout: 5000 });

    server = await startServer({ dir, port });
    await submitViaApi(server.base, 3);
    await page.locator('.live-status[data-status="live"]').waitFor({ timeout: 20000 });
    await page.waitForFunction(() => /1 of 1 \(100%\)/.test(document.querySelector('#pop-data-structures-3')?.textContent), null, { timeout: 20000 });
    await context.close();
  } finally {
    await server.stop();
  }
});

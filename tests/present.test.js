// The presenter screen on a 1920×1080 projector: every row of the programmer
// matrix in view without scrolling, bars that move live when someone answers
// elsewhere, the QR code and the address to join at, and, through the admin
// link, the admin's controls.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const projector = { viewport: { width: 1920, height: 1080 } };

async function waitForPresenter(page) {
  await page.locator('.present[data-hydrated="true"]').waitFor({ timeout: 30_000 });
}

test('the presenter screen shows every row at 1920×1080 and moves live', async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug: 'standup' }),
  })).json();
  const matrix = await (await fetch(server.base + '/api/boards/standup/matrix')).json();
  const rows = matrix.categories.flatMap((c) => c.rows);

  const screen = await openPage(browser, `${server.base}/b/standup/present#admin=${created.admin_key}`, projector);
  const framed = new Promise((ok) => screen.page.once('websocket', (ws) => ws.once('framereceived', ok)));
  await waitForPresenter(screen.page);
  await framed;

  // Everything fits: no scrolling either way, and every row's bar inside the viewport.
  const fits = await screen.page.evaluate(() => ({
    width: document.documentElement.scrollWidth <= window.innerWidth,
    height: document.documentElement.scrollHeight <= window.innerHeight,
  }));
  assert.deepEqual(fits, { width: true, height: true }, 'no scrolling at 1920×1080');
  const bars = screen.page.locator('.present-row .stack');
  assert.equal(await bars.count(), rows.length);
  for (let i = 0; i < rows.length; i++) {
    const box = await bars.nth(i).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 1080 && box.x + box.width <= 1920, `row ${i} in view`);
  }
  await screen.page.getByRole('img', { name: 'Data structures: no answers yet' }).waitFor();

  // The QR code loads, and the address it carries is written beside it.
  const qr = screen.page.locator('.present-join img');
  assert.equal(await qr.getAttribute('alt'), `QR code: ${server.base}/b/standup`);
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code loaded');
  await screen.page.getByText(`${server.base}/b/standup`, { exact: true }).waitFor();
  // The key names each level once.
  for (const item of await screen.page.locator('.present-key li').allInnerTexts()) {
    const [short, label] = item.split(': ');
    assert.notEqual(short, label, `the key repeats itself: ${item}`);
  }

  // Someone answers in another browser: the bars move, and the count.
  const person = await openPage(browser, server.base + '/b/standup');
  await person.page.locator('.submit-bar[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  const radios = person.page.locator('input[type="radio"][value="3"]');
  for (let i = 0; i < await radios.count(); i++) await radios.nth(i).check();
  await person.page.getByRole('button', { name: 'Submit' }).click();
  await screen.page.getByText('1 person has answered').waitFor({ timeout: 10_000 });
  await screen.page
    .getByRole('img', { name: 'Data structures: 2ⁿ 0 (0%), n² 0 (0%), n 0 (0%), log n 1 (100%) of 1' })
    .waitFor();
  await screen.page.getByText('● Live · 2 watching').waitFor({ timeout: 10_000 });

  // The admin's controls are there through the admin link, and work.
  await screen.page.getByRole('button', { name: 'Close the board' }).click();
  await screen.page.getByRole('button', { name: 'Reopen the board' }).waitFor();
  await screen.page.getByText('Closed: no more answers').waitFor();
  const stats = await (await fetch(server.base + '/api/boards/standup/stats')).json();
  assert.equal(stats.closed, true);

  if (process.env.TALLY_SCREENSHOTS) await screen.page.screenshot({ path: `${process.env.TALLY_SCREENSHOTS}/present.png` });
  assert.deepEqual(await axeViolations(screen.page), [], 'the presenter screen');
  assert.deepEqual([...screen.errors, ...person.errors], []);
  await screen.context.close();
  await person.context.close();
});

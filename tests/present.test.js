// The facilitator's journey, on a 1920×1080 projector: the presenter shows
// every row of the programmer matrix without scrolling, in type that reads
// from the back of a room (labels ≥ 28 px, nothing clipped), in level
// colours that stay apart for colour-blind eyes, with the QR code, the site
// and the join code beside it. The admin's controls stay off the projection
// until asked for; answers, a reveal and a matrix edit reach it live.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, axeViolations } from './harness.js';
import { worstColourDistance } from './colour_vision.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const projector = { viewport: { width: 1920, height: 1080 } };

async function waitForPresenter(page) {
  await page.locator('.present[data-hydrated="true"]').waitFor({ timeout: 30_000 });
}

/// Every text box on the screen whose text is cut off, by name.
function clippedTexts(page) {
  return page.evaluate(() => [...document.querySelectorAll('.present :is(h1, h2, p, li, span, button)')]
    .filter((el) => el.offsetParent !== null && el.textContent.trim() !== '')
    .filter((el) => el.scrollWidth > el.clientWidth)
    .map((el) => `${el.className || el.tagName}: ${el.textContent.trim().slice(0, 40)} (${el.scrollWidth} > ${el.clientWidth})`));
}

/// The font sizes of the room's labels (rows, categories, levels, key,
/// join panel) below `least` pixels.
function smallLabels(page, least) {
  return page.evaluate((least) => [...document.querySelectorAll(
    '.present-title, .present-levels h2, .present-levels span, .present-key li, .present-join p, .figure',
  )].map((el) => [el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize)])
    .filter(([, size]) => size < least), least);
}

test('the presenter reads from the back of the room and follows the board live', async () => {
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

  // Everything fits: no scrolling either way, and every row inside the viewport.
  const fits = await screen.page.evaluate(() => ({
    width: document.documentElement.scrollWidth <= window.innerWidth,
    height: document.documentElement.scrollHeight <= window.innerHeight,
  }));
  assert.deepEqual(fits, { width: true, height: true }, 'no scrolling at 1920×1080');
  const bars = screen.page.locator('.present-row .cells');
  assert.equal(await bars.count(), rows.length);
  for (let i = 0; i < rows.length; i++) {
    const box = await bars.nth(i).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 1080 && box.x + box.width <= 1920, `row ${i} in view`);
  }
  await screen.page.getByRole('img', { name: 'Data structures: no answers yet' }).waitFor();
  assert.deepEqual(await smallLabels(screen.page, 28), [], 'labels of at least 28 px');

  // The QR code loads; the site and the join code are written beside it.
  const qr = screen.page.locator('.present-join img');
  assert.equal(await qr.getAttribute('alt'), `QR code: ${server.base}/b/standup`);
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code loaded');
  assert.equal(await screen.page.locator('.present-site').innerText(), new URL(server.base).host);
  assert.equal(await screen.page.locator('.present-code').innerText(), 'standup');
  // The key names each level once.
  for (const item of await screen.page.locator('.present-key li').allInnerTexts()) {
    const [short, label] = item.split(': ');
    assert.notEqual(short, label, `the key repeats itself: ${item}`);
  }
  // The admin's controls are not projected until asked for.
  const close = screen.page.getByRole('button', { name: 'Close the board' });
  await screen.page.getByRole('button', { name: 'Controls' }).waitFor();
  assert.equal(await close.isVisible(), false, 'the controls are folded away');

  // Someone answers in another browser: the figures move, and the count.
  const person = await openPage(browser, server.base + '/b/standup');
  await person.page.locator('.submit-bar[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  const levels = ['0', '1', '2', '3'];
  for (const [i, row] of rows.entries()) {
    await person.page.locator(`input[name="answers[${row.id}]"][value="${levels[i % 4]}"]`).check();
  }
  await person.page.getByRole('button', { name: 'Submit' }).click();
  await screen.page.getByText('1 person has answered').waitFor({ timeout: 10_000 });
  await screen.page
    .getByRole('img', { name: 'Data structures: 2ⁿ 1 (100%), n² 0 (0%), n 0 (0%), log n 0 (0%) of 1' })
    .waitFor();
  await screen.page.getByText('● Live · 2 watching').waitFor({ timeout: 10_000 });
  assert.deepEqual(await clippedTexts(screen.page), [], 'no text is cut off, figures included');

  // Every level's colour stays apart from every other's, seen with each
  // kind of colour blindness (simulated), so a bar's level is told at a glance.
  const colours = await screen.page.evaluate(() => [0, 1, 2, 3, 4, 5].map((i) => {
    const probe = document.createElement('span');
    probe.className = `bar level-${i}`;
    probe.style.cssText = 'position:absolute';
    const cell = document.createElement('span');
    cell.className = `level-${i}`;
    cell.append(probe);
    document.body.append(cell);
    const colour = getComputedStyle(probe).backgroundColor;
    cell.remove();
    return colour;
  }));
  const paleBlues = worstColourDistance(['rgb(221, 232, 252)', 'rgb(233, 220, 247)']);
  assert.ok(paleBlues.distance < 20, 'the check tells the old pale blues apart as too close');
  const worst = worstColourDistance(colours);
  assert.ok(worst.distance >= 20, `level colours too close: ${JSON.stringify(worst)}`);

  // The facilitator opens the controls (and only then are they on screen),
  // closes the board, and folds them away again.
  await screen.page.getByRole('button', { name: 'Controls' }).click();
  await close.click();
  await screen.page.getByRole('button', { name: 'Reopen the board' }).waitFor();
  await screen.page.getByText('Closed: no more answers').waitFor();
  assert.equal((await (await fetch(server.base + '/api/boards/standup/stats')).json()).closed, true);
  await screen.page.getByRole('button', { name: 'Hide the controls' }).click();
  assert.equal(await screen.page.getByRole('button', { name: 'Reopen the board' }).isVisible(), false);

  // The admin edits the matrix in the editor: the projection follows.
  const editor = await openPage(browser, `${server.base}/b/standup/edit#admin=${created.admin_key}`);
  await editor.page.locator('.editor[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  await editor.page.locator('#field-categories-0-rows-0-title').fill('Data structures and their costs');
  await editor.page.getByRole('button', { name: 'Save the matrix' }).click();
  await editor.page.getByText('Saved: every open page of the board shows it now.').waitFor();
  await screen.page.locator('.present-title', { hasText: 'Data structures and their costs' }).waitFor({ timeout: 10_000 });

  // Full screen, from its button.
  await screen.page.getByRole('button', { name: 'Full screen' }).click();
  await screen.page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5_000 });

  if (process.env.TALLY_SCREENSHOTS) await screen.page.screenshot({ path: `${process.env.TALLY_SCREENSHOTS}/present.png` });
  assert.deepEqual(await axeViolations(screen.page), [], 'the presenter screen');
  assert.deepEqual([...screen.errors, ...person.errors, ...editor.errors], []);
  await Promise.all([screen.context.close(), person.context.close(), editor.context.close()]);
});

test('a private board is joined by the code the presenter shows', async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'site-reliability' }),
  })).json();
  const screen = await openPage(browser, `${server.base}/b/${created.id}/present`, projector);
  await waitForPresenter(screen.page);
  const code = await screen.page.locator('.present-code').innerText();
  assert.match(code, /^[0-9a-f]{5}-[0-9a-f]{5}$/);
  assert.deepEqual(await clippedTexts(screen.page), [], 'a short matrix with five levels fits too');
  assert.deepEqual(await smallLabels(screen.page, 28), []);
  assert.equal(await screen.page.getByRole('button', { name: 'Controls' }).isVisible(), false, 'no controls for the room');

  // Someone in the room types the code on their phone's home page.
  const phone = await openPage(browser, server.base + '/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.page.getByLabel('Join a board').fill(code.toUpperCase());
  await phone.page.getByRole('button', { name: 'Join' }).tap();
  await phone.page.waitForURL(`${server.base}/b/${created.id}`);
  await phone.page.locator('h1', { hasText: 'Site Reliability' }).waitFor();
  assert.deepEqual([...screen.errors, ...phone.errors], []);
  await Promise.all([screen.context.close(), phone.context.close()]);
});

// The competency matrix in a real browser: SSR, hydration, keyboard-only
// answering, submission through the server function, popovers, returning
// respondents, the no-JavaScript path, and an accessibility scan.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const rowCount = (page) => page.locator('tbody tr:not(.category)').count();
const popover = (page, row, level) => page.locator(`tbody tr:not(.category)`).nth(row).locator('td.cell').nth(level).locator('.popover');

test('the server renders the table and the browser hydrates it without errors', async () => {
  const html = await (await fetch(server.base + '/')).text();
  assert.match(html, /<table class="matrix"/);
  assert.match(html, /No answers yet/);
  assert.doesNotMatch(html, /0 of 0/, 'an empty board says so in words');
  assert.match(html, /Figures as of page load/, 'no alarm while the script loads');
  assert.doesNotMatch(html, /Offline/);
  const { page, context, errors } = await openPage(browser, server.base + '/');
  await waitForHydration(page);
  const submit = page.locator('.submit-bar button[type="submit"]');
  assert.equal(await submit.getAttribute('class'), 'incomplete', 'hydrated: submit looks inactive until every row is answered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: answer every row, submit, see 1 of 1 (100%)', async () => {
  const { page, context, errors } = await openPage(browser, server.base + '/');
  await waitForHydration(page);
  const rows = await rowCount(page);
  assert.ok(rows >= 28);
  // Tab until the first radio button has focus.
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.type)) !== 'radio'; i++) {
    await page.keyboard.press('Tab');
  }
  for (let row = 0; row < rows; row++) {
    if (row > 0) await page.keyboard.press('Tab'); // into the next row's group
    await page.keyboard.press('Space'); // choose level 0 ...
    await page.keyboard.press('ArrowRight'); // ... then move to level 1
    await page.keyboard.press('ArrowRight'); // ... and level 2
  }
  await page.locator('.progress', { hasText: `${rows} of ${rows} answered` }).waitFor();
  // Past the optional role choice (the template has roles), to Submit.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'role');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'submit');
  await page.keyboard.press('Enter');
  await page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();

  await page.locator('tbody tr:not(.category)').first().locator('input').nth(2).focus();
  const pop = popover(page, 0, 2);
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.innerText(), /1 of 1 \(100%\) rated themselves here/);
  assert.match(await popover(page, 0, 1).textContent(), /0 of 1 \(0%\)/);
  await page.keyboard.press('Escape');
  await pop.waitFor({ state: 'hidden' });
  assert.match(await page.locator('tbody tr:not(.category)').first().locator('.standing').innerText(), /You: n · crowd median: n/);
  assert.deepEqual(errors, []);

  mkdirSync('artifacts', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('tbody tr:not(.category)').nth(1).locator('input').nth(2).focus();
  await page.screenshot({ path: 'artifacts/matrix.png' });

  // Back again: the answers are preselected and dated.
  await page.reload();
  await waitForHydration(page);
  assert.equal(await page.locator('input[type="radio"]:checked').count(), rows);
  assert.equal(await page.locator('tbody tr:not(.category)').nth(5).locator('input').nth(2).isChecked(), true);
  await page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();

  // Resubmit with another level in the first row: counts move, no double count.
  await page.locator('tbody tr:not(.category)').first().locator('input').nth(0).check();
  await page.locator('.submit-bar button[type="submit"]', { hasText: 'Update my answers' }).click();
  await page.locator('tbody tr:not(.category)').first().locator('input').nth(0).focus();
  await page.waitForFunction(() => /1 of 1 \(100%\)/.test(document.querySelector('#pop-data-structures-0')?.textContent));
  assert.match(await popover(page, 0, 2).textContent(), /0 of 1 \(0%\)/);
  const stats = await (await fetch(server.base + '/api/boards/default/stats')).json();
  assert.equal(stats.respondents, 1);
  assert.deepEqual(stats.counts['data-structures'], [1, 0, 0, 0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript the form still submits and errors are shown', async () => {
  const { page, context } = await openPage(browser, server.base + '/', { javaScriptEnabled: false });
  // Submitting half the rows: the server refuses, the page names the
  // missing rows and keeps what was picked.
  const rows = await rowCount(page);
  const row = (index) => page.locator('tbody tr:not(.category)').nth(index);
  for (let index = 0; index < rows / 2; index++) await row(index).locator('input').nth(3).check();
  await page.locator('.submit-bar button[type="submit"]').click();
  await page.locator('.errors', { hasText: 'no level chosen' }).waitFor();
  assert.equal(await row(0).locator('input').nth(3).isChecked(), true, 'a choice made before the refusal is kept');
  assert.equal(await row(rows - 1).locator('input:checked').count(), 0);
  // The choices travelled in a cookie, not in the address.
  assert.doesNotMatch(page.url(), /answers(%5B|\[)/);
  // A reload (the refusal shown once) starts from nothing again.
  await page.reload();
  assert.equal(await page.locator('.errors').count(), 0);
  assert.equal(await row(0).locator('input:checked').count(), 0);
  const before = await (await fetch(server.base + '/api/boards/default/stats')).json();

  for (let index = 0; index < rows; index++) await row(index).locator('input').nth(3).check();
  await page.locator('.submit-bar button[type="submit"]').click();
  await page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();
  assert.match(await popover(page, 3, 3).textContent(), /1 of 2 \(50%\)/);
  const after = await (await fetch(server.base + '/api/boards/default/stats')).json();
  assert.equal(after.respondents, before.respondents + 1);
  assert.equal(after.version, before.version + 1);
  await context.close();
});

test('axe-core finds no serious or critical accessibility violation', async () => {
  const { page, context } = await openPage(browser, server.base + '/');
  await waitForHydration(page);
  assert.deepEqual(await axeViolations(page), []);
  // The darkest shading a cell takes (everyone chose it) keeps its text readable.
  await page.evaluate(() => document.querySelectorAll('td.cell').forEach((cell) => cell.style.setProperty('--share', '1')));
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a 360 px wide phone can scroll the table, reach every level and tap for the popover', async () => {
  const { page, context } = await openPage(browser, server.base + '/', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await waitForHydration(page);
  const scroller = page.locator('.table-scroll');
  const box = await scroller.boundingBox();
  assert.ok(box.width <= 360, `table box fits the screen (${box.width})`);
  const lastCell = page.locator('tbody tr:not(.category)').first().locator('td.cell').last();
  await lastCell.locator('label').tap();
  assert.equal(await lastCell.locator('input').isChecked(), true);
  await lastCell.locator('.popover').waitFor({ state: 'visible' });
  assert.match(await lastCell.locator('.popover').innerText(), /rated themselves here/);
  await context.close();
});

test('a team can start its own board from the home page', async () => {
  const { page, context, errors } = await openPage(browser, server.base + '/');
  await page.getByRole('link', { name: 'Start a board for your team' }).first().click();
  await page.waitForURL(/\/start$/);
  assert.deepEqual(await axeViolations(page), [], 'the start page');
  await page.getByRole('radio', { name: /Programmer Competency Matrix/ }).check();
  await page.getByLabel('Title').fill('Platform team');
  await page.getByLabel('Public address (optional)').fill('Platform Team');
  await page.getByRole('button', { name: 'Create board' }).click();
  // Refused: back on the form with what was typed, the problem beside the
  // field in the page's own words, and focus on it.
  await page.waitForURL(/\/start\?/);
  const address = page.getByLabel('Public address (optional)');
  assert.equal(await address.inputValue(), 'Platform Team');
  assert.equal(await page.getByLabel('Title').inputValue(), 'Platform team');
  assert.match(await page.locator('#slug-problem').innerText(), /^The address must be 3-64 characters/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'slug', 'focus is on the field at fault');
  assert.deepEqual(await axeViolations(page), [], 'the start page with a refusal');
  await address.fill('platform');
  await page.getByRole('button', { name: 'Create board' }).click();
  // The creator lands on the admin link: the key rides in the fragment
  // (wiped from the address bar once the page has read it).
  await page.waitForURL(/\/b\/platform(#admin=[0-9a-f]{64})?$/);
  await page.locator('h1', { hasText: 'Platform team' }).waitFor();
  await waitForHydration(page);
  assert.match(await page.locator('.respondents').innerText(), /0 people have answered/);

  const panel = page.locator('.admin-panel');
  await panel.waitFor();
  // The key is out of sight: not in the address bar, not in the page's markup (the edit link
  // once carried it); the tab keeps it, so a reload still shows the controls.
  const key = await page.evaluate(() => sessionStorage.getItem('tally.admin.platform'));
  assert.match(key, /^[0-9a-f]{64}$/, 'the tab keeps the key');
  assert.equal(page.url(), server.base + '/b/platform', 'the address bar no longer shows the key');
  assert.ok(!(await page.content()).includes(key), 'the page markup does not hold the key');
  await page.reload();
  await waitForHydration(page);
  await panel.waitFor();
  // The download buttons once rendered white on white; axe checks contrast.
  assert.deepEqual(await axeViolations(page), [], 'the admin view');
  await panel.locator('button.toggle-closed', { hasText: 'Close the board' }).click();
  await page.locator('.closed-notice').waitFor();
  assert.equal(await page.locator('.submit-bar button[type="submit"]').isDisabled(), true);
  const download = page.waitForEvent('download');
  await panel.locator('button', { hasText: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  assert.match(csv.split('\n')[0], /^round,round_label,group,category,row,row_title,level,count,answered,role$/);
  await panel.locator('button.toggle-closed', { hasText: 'Reopen the board' }).click();
  await page.locator('.closed-notice').waitFor({ state: 'detached' });
  // The editor, opened from the controls without the key in its link, finds it in the tab.
  await panel.getByRole('link', { name: 'Edit the matrix' }).click();
  await page.waitForURL(server.base + '/b/platform/edit');
  await page.locator('.editor[data-hydrated="true"]').waitFor();
  await page.getByRole('button', { name: 'Save the matrix' }).click();
  await page.getByText('Saved: every open page of the board shows it now.').waitFor();

  // Without the fragment the same board shows no admin controls.
  const visitor = await openPage(browser, server.base + '/b/platform');
  await waitForHydration(visitor.page);
  assert.equal(await visitor.page.locator('.admin-panel').count(), 0);
  assert.deepEqual([...errors, ...visitor.errors], []);
  await visitor.context.close();
  await context.close();
});

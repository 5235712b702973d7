// A board's end, as people meet it: a person answers and downloads what
// the board holds about them from their history; the admin reads the
// audit trail and downloads it; then deletes the board, typing its address
// to confirm, and the person's open page says at once that it is gone. A
// reload finds the address answering 410.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

/** Answers every row of the page's form (the `level`th cell of each) and submits. */
async function answerEveryRow(page, level) {
  const rows = page.locator('tr:has(th[scope="row"])');
  const count = await rows.count();
  for (let r = 0; r < count; r++) await rows.nth(r).locator('td.cell').nth(level).locator('label').click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText(/You submitted on/).waitFor();
}

/** The file a click on `locator` downloads, read as text. */
async function downloaded(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a person downloads their data; the admin reads the audit trail, then deletes the board and open pages are told', async () => {
  const created = await (await fetch(`${server.base}/api/boards`, {
    method: 'POST', body: JSON.stringify({ matrix: 'programmer', slug: 'ending', title: 'Ending team' }),
  })).json();

  // A person answers, and downloads everything the board holds about them.
  const person = await openPage(browser, `${server.base}/b/ending`, { viewport: { width: 360, height: 800 } });
  await waitForHydration(person.page);
  await answerEveryRow(person.page, 1);
  await person.page.getByText('Your answers over time (only you see this)').click();
  const mine = await downloaded(person.page, person.page.getByRole('link', { name: /Download everything this board holds about me/ }));
  assert.equal(mine.name, 'tally-ending-my-data.json');
  const data = JSON.parse(mine.text);
  assert.equal(data.board, 'ending');
  assert.equal(data.rounds.length, 1);
  assert.ok(data.rounds[0].answers.every((a) => a.level === 1 && a.level_label), 'their answers, worded');

  // The admin closes and reopens the board, and reads both in the trail.
  const admin = await openPage(browser, `${server.base}/b/ending#admin=${created.admin_key}`,
    { viewport: { width: 1280, height: 900 } });
  await waitForHydration(admin.page);
  await admin.page.getByRole('button', { name: 'Close the board' }).click();
  await admin.page.getByRole('button', { name: 'Reopen the board' }).click();
  const trail = admin.page.locator('.audit-trail');
  await trail.getByRole('button', { name: 'Refresh the trail' }).click();
  const table = admin.page.getByRole('table', { name: 'Audit trail' });
  await table.getByText('reopened the board').waitFor();
  await table.getByText('closed the board').waitFor();
  assert.equal(await table.getByText('the admin link').count(), 2);
  const csv = await downloaded(admin.page, trail.getByRole('button', { name: 'Download the trail (CSV)' }));
  assert.equal(csv.name, 'tally-ending-audit.csv');
  assert.match(csv.text, /^at,action,credential,owner_email,detail\n.*,closed,admin_link,,\n.*,reopened,admin_link,,\n$/);
  assert.ok(!csv.text.includes(created.admin_key), 'never the key');

  // Deleting asks for the board's address; a wrong one leaves the button off.
  const section = admin.page.locator('.delete-board');
  await section.getByText('Deleting this board removes for good').waitFor();
  const button = section.getByRole('button', { name: 'Delete for good' });
  assert.ok(await button.isDisabled(), 'nothing typed yet');
  await section.getByLabel('To confirm, type its address: ending').fill('endin');
  assert.ok(await button.isDisabled(), 'not the address');
  await section.getByLabel('To confirm, type its address: ending').fill('ending');
  await section.scrollIntoViewIfNeeded();
  await admin.page.screenshot({ path: 'artifacts/delete-board-1280.png' });
  assert.deepEqual(await axeViolations(admin.page), []);
  await button.click();
  await section.getByText('The board is deleted.').waitFor();

  // The person's open page is told at once, and can no longer send.
  await person.page.getByText('This board has just been deleted by its admin').waitFor();
  assert.ok(await person.page.getByRole('button', { name: /Submit|Update/ }).isDisabled());
  const figures = await person.page.locator('td.cell .figures').allTextContents();
  assert.ok(figures.length > 0 && figures.every((f) => !/\d/.test(f)), `no figure left on screen: ${figures[0]}`);
  await person.page.evaluate(() => window.scrollTo(0, 0));
  await person.page.screenshot({ path: 'artifacts/deleted-board-360.png' });
  const width = await person.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scroll at 360 px (${width})`);

  // Reloaded, the address answers 410 with a page that says why.
  const response = await person.page.reload();
  assert.equal(response.status(), 410);
  await person.page.getByRole('heading', { name: 'This board was deleted' }).waitFor();
  assert.equal((await fetch(`${server.base}/api/boards/ending/stats`)).status, 410);
  for (const page of [person, admin]) assert.deepEqual(page.errors.filter((e) => !/410|Gone/.test(e)), []);
});

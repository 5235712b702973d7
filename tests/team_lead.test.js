// The team lead's journey at a laptop (1280×800), every step a click or
// typing, the API only checking results: start a private board from a
// template on the home page, keep the admin link, set groups and blind
// mode in the panel, open the presenter, edit the matrix, let two people
// answer, reveal, start a second round, then compare, see the trends and
// export a CSV that names the rounds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const laptop = { viewport: { width: 1280, height: 800 } };

/** A team member answers `board` at `level` in every row, in `group`. */
async function answer(board, level, group) {
  const member = await openPage(browser, `${server.base}/b/${board}`, laptop);
  await waitForHydration(member.page);
  const radios = member.page.locator(`input[type="radio"][value="${level}"]`);
  for (let i = 0; i < await radios.count(); i++) await radios.nth(i).check();
  await member.page.getByLabel('Your group (optional)').selectOption(group);
  await member.page.getByRole('button', { name: /Submit|Update my answers/ }).click();
  await member.page.getByText(/You submitted on/).waitFor({ timeout: 10_000 });
  assert.deepEqual(member.errors, []);
  await member.context.close();
}

test('a team lead runs two rounds of a private board, from the home page to the export', async () => {
  const { page, context, errors } = await openPage(browser, server.base + '/', laptop);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('link', { name: 'Start a board for your team' }).first().click();
  await page.getByRole('radio', { name: /Engineering Manager Matrix/ }).check();
  await page.getByLabel('Title').fill('Platform leads');
  await page.getByRole('button', { name: 'Create board' }).click();
  await page.waitForURL(/\/b\/[0-9a-f]{32}/);
  const board = new URL(page.url()).pathname.split('/')[2];
  await waitForHydration(page);

  // The panel: the share link in full with a copy button, the join code,
  // and a warning to keep the admin link.
  await page.getByRole('heading', { name: "You are this board's admin" }).waitFor();
  await page.getByText('a lost one cannot be recovered', { exact: false }).first().waitFor();
  assert.equal(await page.getByLabel('Share the board').inputValue(), `${server.base}/b/${board}`);
  await page.getByRole('button', { name: "Copy the board's link" }).click();
  await page.getByText('Copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.base}/b/${board}`);

  // Groups and blind mode, in the panel.
  await page.getByLabel('Groups, one per line').fill('Backend\nFrontend');
  await page.getByLabel('Smallest group whose figures are shown').fill('2');
  await page.getByRole('button', { name: 'Save the groups' }).click();
  await page.getByText('Saved: 2 groups are offered.').waitFor();
  await page.locator('select.reveal-mode').selectOption({ label: 'When I reveal them' });
  await page.getByRole('button', { name: 'Reveal the figures' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the admin panel');

  // The presenter, from the panel's link, and back.
  await page.getByRole('link', { name: 'Present it' }).click();
  await page.locator('.present[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  await page.getByText('Figures hidden until revealed').waitFor();
  assert.equal(await page.locator('.present-code').innerText(), `${board.slice(0, 5)}-${board.slice(5, 10)}`, 'the join code to read out');
  await page.goBack();

  // An edit of the matrix.
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Edit the matrix' }).click();
  await page.locator('.editor[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  await page.locator('#field-categories-0-rows-0-title').fill('One-on-ones, every week');
  await page.getByRole('button', { name: 'Save the matrix' }).click();
  await page.getByText('Saved: every open page of the board shows it now.').waitFor();

  // Two people answer, one per group; then the lead reveals.
  await answer(board, 1, 'Backend');
  await answer(board, 3, 'Frontend');
  await page.goto(`${server.base}/b/${board}`);
  await waitForHydration(page);
  await page.locator('th[scope="row"]', { hasText: 'One-on-ones, every week' }).waitFor();
  await page.getByRole('button', { name: 'Reveal the figures' }).click();
  assert.equal((await (await fetch(`${server.base}/api/boards/${board}/stats`)).json()).revealed, true);

  // The second round, labelled; the panel says what happens to the figures first.
  await page.getByLabel("Next round's label").fill('2027 Q1');
  await page.getByRole('button', { name: 'Start the next round' }).click();
  await page.getByText(/Round 1 will be frozen/).waitFor();
  await page.getByRole('button', { name: 'Yes, start the new round' }).click();
  await page.getByText(/2027 Q1: 0 people have answered/).waitFor({ timeout: 10_000 });
  assert.equal(await page.getByLabel("Next round's label").inputValue(), '', 'the label box is cleared');
  await answer(board, 2, 'Backend');

  // Compare and trends, from the panel's links.
  const panel = page.getByRole('region', { name: 'Board admin' });
  await panel.getByRole('link', { name: 'Compare rounds or groups' }).click();
  await page.getByRole('heading', { name: 'Compare: Platform leads' }).waitFor();
  await page.getByText('One-on-ones, every week').first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the compare page');
  await page.goBack();
  await waitForHydration(page);
  await panel.getByRole('link', { name: 'Trends' }).click();
  await page.getByRole('img', { name: 'People who answered: Round 1: 2, 2027 Q1: 1' }).waitFor({ timeout: 10_000 });
  await page.goBack();
  await waitForHydration(page);

  // The export names the rounds by their labels.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').split('\n');
  assert.equal(csv[0], 'round,round_label,group,category,row,row_title,level,count,answered,role');
  assert.ok(csv.some((line) => line.startsWith('2,2027 Q1,,')), 'the second round by its label');
  const backend = csv.filter((line) => line.startsWith('1,Round 1,Backend,'));
  assert.ok(backend.includes('1,Round 1,Backend,,,,,withheld,,'), 'a group of one is marked withheld');
  assert.ok(backend.every((line) => line.includes(',withheld,')), `with no figure, nor its roles': ${backend}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Blind answering in the browser: a facilitator's reveal and hide on the
// presenter screen reach a participant's open page without a reload; in
// "after answering" mode a person's own submission shows them the figures
// and keeps them coming live, while someone who has not answered sees none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

async function createBoard(slug, reveal) {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug }),
  })).json();
  const response = await fetch(`${server.base}/api/boards/${slug}/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${created.admin_key}` },
    body: JSON.stringify({ reveal }),
  });
  assert.equal(response.status, 200);
  return created.admin_key;
}

/** Picks level `level` in every row and submits. */
async function answerAll(page, level) {
  const radios = page.locator(`input[type="radio"][value="${level}"]`);
  for (let i = 0; i < await radios.count(); i++) await radios.nth(i).check();
  await page.getByRole('button', { name: /Submit|Update my answers/ }).click();
  await page.getByText(/You submitted on/).waitFor({ timeout: 10_000 });
}

/** The first cell's popover figures and its shading, as the page shows them now. */
function firstCell(page, level) {
  return page.locator('tr:has(th[scope="row"]) td.cell').nth(level).evaluate((cell) => ({
    figures: cell.querySelector('.figures').textContent,
    shading: cell.getAttribute('style').replace(/;$/, ''),
  }));
}

const HIDDEN_BY_FACILITATOR = 'The figures are hidden until the facilitator reveals them.';
const HIDDEN_UNTIL_ANSWERED = "The team's figures appear once you submit your answers.";

test('the facilitator reveals and hides the figures from the presenter screen, live on every page', async () => {
  const key = await createBoard('session', 'facilitator');
  const person = await openPage(browser, server.base + '/b/session');
  await waitForHydration(person.page);
  await person.page.getByText(HIDDEN_BY_FACILITATOR).first().waitFor();
  await answerAll(person.page, 2);
  assert.deepEqual(await firstCell(person.page, 2), { figures: '', shading: '--share: 0.000' },
    'answering shows nothing before the reveal');
  assert.deepEqual(await axeViolations(person.page), [], 'the page with its figures hidden');

  const screen = await openPage(browser, `${server.base}/b/session/present#admin=${key}`, { viewport: { width: 1920, height: 1080 } });
  await screen.page.locator('.present[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  await screen.page.getByText('Figures hidden until revealed').waitFor();
  await screen.page.getByText('1 person has answered').waitFor();
  await screen.page.getByRole('img', { name: 'Data structures: figures hidden' }).waitFor();

  // The admin's own page sees the figures even before the reveal.
  const admin = await openPage(browser, `${server.base}/b/session#admin=${key}`);
  await waitForHydration(admin.page);
  await admin.page.waitForFunction(() => !document.querySelector('.withheld-notice'), null, { timeout: 10_000 });
  assert.equal((await firstCell(admin.page, 2)).figures, '1 of 1 (100%) rated themselves here');

  // The controls are folded off the projection until the facilitator asks.
  await screen.page.getByRole('button', { name: 'Controls' }).click();
  await screen.page.getByRole('button', { name: 'Reveal the figures' }).click();
  await person.page.getByText('1 of 1 (100%) rated themselves here').first().waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal((await firstCell(person.page, 2)).shading, '--share: 1.000');
  assert.equal(await person.page.locator('.withheld-notice').count(), 0, 'the notice is gone');
  await screen.page.getByRole('img', { name: /^Data structures: .* n 1 \(100%\)/ }).waitFor({ timeout: 10_000 });
  assert.deepEqual(await axeViolations(screen.page), [], 'the presenter, revealed');

  await screen.page.getByRole('button', { name: 'Hide the figures' }).click();
  await person.page.getByText(HIDDEN_BY_FACILITATOR).first().waitFor({ timeout: 10_000 });
  assert.equal((await firstCell(person.page, 2)).shading, '--share: 0.000', 'hidden again, live');
  await screen.page.getByText('Figures hidden until revealed').waitFor();

  assert.deepEqual([...person.errors, ...screen.errors, ...admin.errors], []);
  for (const open of [person, screen, admin]) await open.context.close();
});

test('after answering, a person sees the figures at once and live; someone who has not answered sees none', async () => {
  await createBoard('blind-first', 'after_submit');
  const first = await openPage(browser, server.base + '/b/blind-first');
  const second = await openPage(browser, server.base + '/b/blind-first');
  await Promise.all([waitForHydration(first.page), waitForHydration(second.page)]);
  for (const { page } of [first, second]) await page.getByText(HIDDEN_UNTIL_ANSWERED).first().waitFor();

  await answerAll(first.page, 1);
  assert.deepEqual(await firstCell(first.page, 1), { figures: '1 of 1 (100%) rated themselves here', shading: '--share: 1.000' });
  await first.page.getByText('crowd median').first().waitFor();

  // The second person answers: the first's page follows live (its socket
  // sent the pass of the first's submission); the second now sees too.
  await answerAll(second.page, 3);
  await first.page.getByText('1 of 2 (50%) rated themselves here').first().waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal((await firstCell(second.page, 3)).figures, '1 of 2 (50%) rated themselves here');

  // A third person, who has not answered, still sees nothing, also after a reload.
  const third = await openPage(browser, server.base + '/b/blind-first');
  await waitForHydration(third.page);
  assert.equal((await firstCell(third.page, 1)).figures, '', 'no figure, and no note repeated in each cell');
  await third.page.getByText(HIDDEN_UNTIL_ANSWERED).first().waitFor();
  assert.equal(await third.page.getByText(HIDDEN_UNTIL_ANSWERED).count(), 1, 'the note is said once');
  const html = await third.page.content();
  // (The form's props carry the message's template, "{k} of {n} …", never a figure.)
  assert.ok(!/counts\\?"\s*:/.test(html) && !/\d+ of \d+ \(\d+%\) rated themselves here/.test(html), 'no figure in the page');
  // The first reloads: their cookie shows who they are, and the figures stay.
  await first.page.reload();
  await waitForHydration(first.page);
  assert.equal((await firstCell(first.page, 1)).figures, '1 of 2 (50%) rated themselves here');

  assert.deepEqual([...first.errors, ...second.errors, ...third.errors], []);
  for (const open of [first, second, third]) await open.context.close();
});

test('while the figures are hidden, the admin still sees the trends; others get a page that says why, then the figures live at the reveal', async () => {
  const key = await createBoard('hidden-trends', 'facilitator');
  const person = await openPage(browser, server.base + '/b/hidden-trends');
  await waitForHydration(person.page);
  await answerAll(person.page, 2);

  const visitor = await openPage(browser, server.base + '/b/hidden-trends/trends', { viewport: { width: 360, height: 740 } });
  await visitor.page.getByRole('heading', { name: 'These figures are not shown yet' }).waitFor();
  await visitor.page.getByText(HIDDEN_BY_FACILITATOR).waitFor();
  await visitor.page.getByRole('link', { name: 'Back to the board' }).waitFor();
  const served = await visitor.page.content();
  // (The island's props carry its messages' templates, "People who answered: {summary}", never a figure.)
  assert.ok(!served.includes('class="chart"') && !/People who answered: [^{]/.test(served), 'no chart, nor its figures, in the page');
  assert.deepEqual(await axeViolations(visitor.page), [], 'the page that says why');

  // The admin's tab holds the key: its trends page fetches the figures with it.
  const admin = await openPage(browser, `${server.base}/b/hidden-trends#admin=${key}`);
  await waitForHydration(admin.page);
  await admin.page.getByRole('link', { name: 'Trends' }).click();
  await admin.page.getByRole('img', { name: 'People who answered: Round 1: 1' }).waitFor({ timeout: 10_000 });
  assert.equal(await visitor.page.getByRole('img', { name: /People who answered/ }).count(), 0, 'still hidden from the visitor');

  // The reveal reaches the visitor's page live.
  await admin.page.goto(`${server.base}/b/hidden-trends`);
  await waitForHydration(admin.page);
  await admin.page.getByRole('button', { name: 'Reveal the figures' }).click();
  await visitor.page.getByRole('img', { name: 'People who answered: Round 1: 1' }).waitFor({ timeout: 10_000 });
  const scrolls = await visitor.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(scrolls, false, 'no sideways scroll at 360 px');
  assert.deepEqual([...person.errors, ...visitor.errors, ...admin.errors], []);
  for (const open of [person, visitor, admin]) await open.context.close();
});

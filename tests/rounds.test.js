// Rounds in a real browser: a respondent answers round 1, the admin starts
// round 2 from the admin panel, the respondent's open page hears of it, and
// after a reload the form starts from their round-1 answers, marked as such,
// until they change a row and submit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

test('round 2 starts from round 1’s answers, and counts only what is submitted again', async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug: 'quarterly' }),
  })).json();
  const person = await openPage(browser, server.base + '/b/quarterly');
  await waitForHydration(person.page);
  const radios = person.page.locator('input[type="radio"][value="1"]');
  for (let i = 0; i < await radios.count(); i++) await radios.nth(i).check();
  await person.page.getByRole('button', { name: 'Submit' }).click();
  await person.page.getByText('1 person has answered').waitFor();

  const admin = await openPage(browser, `${server.base}/b/quarterly#admin=${created.admin_key}`);
  await waitForHydration(admin.page);
  await admin.page.getByLabel("Next round's label").fill('2026 Q4');
  // Starting a round asks first; cancelling changes nothing.
  await admin.page.getByRole('button', { name: 'Start the next round' }).click();
  await admin.page.getByText('Round 1 will be frozen').waitFor();
  await admin.page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await (await fetch(server.base + '/api/boards/quarterly/rounds')).json()).length, 1);
  await admin.page.getByRole('button', { name: 'Start the next round' }).click();
  await admin.page.getByRole('button', { name: 'Yes, start the new round' }).click();
  await admin.page.getByText('2026 Q4 is open.').waitFor();
  assert.deepEqual(await axeViolations(admin.page), [], 'the admin panel with the round controls');

  // The open page hears of it live, and names the round by its label.
  await person.page.getByText('2026 Q4: 0 people have answered').waitFor({ timeout: 10_000 });
  await person.page.getByText('Your answers from Round 1 are filled in').waitFor();

  await person.page.reload();
  await waitForHydration(person.page);
  await person.page.getByText('Your answers from Round 1 are filled in').waitFor();
  assert.ok(await person.page.locator('input[name="answers[data-structures]"][value="1"]').isChecked());
  await person.page.locator('input[name="answers[data-structures]"][value="3"]').check();
  await person.page.getByRole('button', { name: 'Submit' }).click();
  await person.page.getByText('2026 Q4: 1 person has answered').waitFor();
  await person.page.getByText(/^You submitted on/).waitFor();

  // Their own answers over the rounds, shown to them alone.
  await person.page.getByText('Your answers over time (only you see this)').click();
  await person.page.getByText('Data structures: n² (Round 1) → log n (2026 Q4)').waitFor();

  // The compare page shows round 1 against round 2, row by row.
  await person.page.getByRole('link', { name: 'Compare rounds or groups' }).click();
  await person.page.waitForURL(/\/b\/quarterly\/compare/);
  const row = person.page.locator('table.compare tr', { hasText: 'Data structures' });
  await row.locator('td.shift', { hasText: 'n² → log n (up 2)' }).waitFor();
  assert.deepEqual(await axeViolations(person.page), [], 'the compare page');

  // Trends: charts that say their numbers, and the same figures as a table.
  await person.page.goto(server.base + '/b/quarterly/trends');
  await person.page.getByRole('img', { name: 'Data structures, median level: Round 1: n², 2026 Q4: log n' }).waitFor();
  await person.page.getByRole('img', { name: 'People who answered: Round 1: 1, 2026 Q4: 1' }).waitFor();
  await person.page.getByText('The same figures as a table').click();
  const tableRow = person.page.locator('details.trend-table tr', { hasText: 'Data structures' });
  assert.equal((await tableRow.innerText()).replace(/\s+/g, ' ').trim(), 'Data structures n² log n');
  assert.deepEqual(await axeViolations(person.page), [], 'the trends page');

  const round2 = await (await fetch(server.base + '/api/boards/quarterly/stats')).json();
  const round1 = await (await fetch(server.base + '/api/boards/quarterly/stats?round=1')).json();
  assert.deepEqual([round2.round, round2.counts['data-structures']], [2, [0, 0, 0, 1]]);
  assert.deepEqual([round1.round, round1.counts['data-structures']], [1, [0, 1, 0, 0]]);

  // Withdrawing from every round leaves nothing of theirs anywhere.
  await person.page.goto(server.base + '/b/quarterly');
  await waitForHydration(person.page);
  await person.page.getByText('Your answers over time (only you see this)').click();
  person.page.once('dialog', (dialog) => dialog.accept());
  await person.page.getByRole('button', { name: 'Withdraw my answers from every round' }).click();
  await person.page.getByText('2026 Q4: 0 people have answered').waitFor();
  await waitForHydration(person.page);
  assert.equal(await person.page.getByText('Your answers over time').count(), 0);
  const emptied = await (await fetch(server.base + '/api/boards/quarterly/stats?round=1')).json();
  assert.equal(emptied.respondents, 0);

  // The trends page follows the open round live.
  // Listening from the start, so the socket's first frame cannot slip past.
  const firstFrame = new Promise((ok) => person.page.once('websocket', (ws) => ws.once('framereceived', ok)));
  await person.page.goto(server.base + '/b/quarterly/trends');
  await person.page.getByRole('img', { name: 'People who answered: Round 1: 0, 2026 Q4: 0' }).waitFor();
  await firstFrame; // the page has heard the current version
  const matrix = await (await fetch(server.base + '/api/boards/quarterly/matrix')).json();
  const answers = Object.fromEntries(matrix.categories.flatMap((c) => c.rows.map((r) => [r.id, 2])));
  const sent = await fetch(server.base + '/api/boards/quarterly/submissions', { method: 'POST', body: JSON.stringify({ answers }) });
  assert.equal(sent.status, 200);
  await person.page.getByRole('img', { name: 'People who answered: Round 1: 0, 2026 Q4: 1' }).waitFor({ timeout: 10_000 });
  assert.deepEqual([...person.errors, ...admin.errors], []);
  await person.context.close();
  await admin.context.close();
});

test('a respondent picks their group; a group of one stays withheld', async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug: 'grouped' }),
  })).json();
  const put = await fetch(server.base + '/api/boards/grouped/groups', {
    method: 'PUT',
    headers: { authorization: `Bearer ${created.admin_key}` },
    body: JSON.stringify({ groups: ['Backend', 'Data'], min_group_size: 3 }),
  });
  assert.equal(put.status, 200);
  const person = await openPage(browser, server.base + '/b/grouped');
  await waitForHydration(person.page);
  await person.page.getByLabel('Your group (optional)').selectOption('Backend');
  const radios = person.page.locator('input[type="radio"][value="2"]');
  for (let i = 0; i < await radios.count(); i++) await radios.nth(i).check();
  await person.page.getByRole('button', { name: 'Submit' }).click();
  await person.page.getByText('1 person has answered').waitFor();
  const backend = await (await fetch(server.base + '/api/boards/grouped/stats?group=Backend')).json();
  assert.deepEqual(backend, { board: 'grouped', round: 1, group: 'Backend', withheld: true, min_group_size: 3 });
  await person.page.reload();
  await waitForHydration(person.page);
  assert.equal(await person.page.getByLabel('Your group (optional)').inputValue(), 'Backend', 'the choice is remembered');
  assert.deepEqual(await axeViolations(person.page), [], 'the form with a group choice');

  // Open pages on the group's figures: withheld while Backend has fewer
  // than three people, and shown live when the third arrives.
  const compare = await openPage(browser, server.base + '/b/grouped/compare?a=g:1:Backend&b=r:1');
  await compare.page.getByText('Backend in Round 1: its figures are withheld (fewer than 3 people, or a smaller group could be worked out from them).').waitFor();
  // Any socket's first frame: the board page's own socket may reconnect just
  // before the navigation and be the first one seen (then closed unanswered),
  // which waited forever once. Bounded, so a dead socket fails, not hangs.
  const trendsFrame = new Promise((ok, fail) => {
    person.page.on('websocket', (ws) => ws.once('framereceived', ok));
    setTimeout(() => fail(new Error('no live frame on the trends page within 15 s')), 15_000).unref();
  });
  await person.page.goto(server.base + '/b/grouped/trends?group=Backend');
  await person.page.getByRole('img', { name: 'People who answered in Backend: Round 1: withheld' }).waitFor();
  await person.page.getByRole('img', { name: 'Data structures, median level: Round 1: withheld' }).waitFor();
  assert.deepEqual(await axeViolations(person.page), [], 'the trends page of a withheld group');
  await trendsFrame;
  const matrix = await (await fetch(server.base + '/api/boards/grouped/matrix')).json();
  const answers = Object.fromEntries(matrix.categories.flatMap((c) => c.rows.map((r) => [r.id, 2])));
  const answerAsBackend = async () => {
    const sent = await fetch(server.base + '/api/boards/grouped/submissions', {
      method: 'POST',
      body: JSON.stringify({ answers, group: 'Backend' }),
    });
    assert.equal(sent.status, 200);
  };
  // With one and with two people in Backend, the served pages (their HTML
  // and the data they hydrate from) hold no figure of the group; the whole
  // board's trends page shows that the check would see them. An island's
  // data is JSON in an HTML attribute, its quotes written as `&quot;`.
  const countsKey = /counts(\\?"|&quot;)\s*:/;
  const wholeBoard = await (await fetch(server.base + '/b/grouped/trends')).text();
  assert.ok(countsKey.test(wholeBoard), 'the whole board\'s figures are in its page');
  for (const people of [1, 2]) {
    if (people === 2) await answerAsBackend();
    const html = await (await fetch(server.base + '/b/grouped/trends?group=Backend')).text();
    assert.ok(html.includes('Round 1: withheld'), `withheld at ${people}`);
    assert.ok(!countsKey.test(html), `no figures hydrated at ${people}`);
    assert.ok(!new RegExp(`Round 1: ${people}\\b`).test(html), `no count shown at ${people}`);
  }
  await answerAsBackend();
  await person.page.getByRole('img', { name: 'People who answered in Backend: Round 1: 3' }).waitFor({ timeout: 10_000 });
  await person.page.getByRole('img', { name: 'Data structures, median level: Round 1: n' }).waitFor();
  const row = compare.page.locator('table.compare tr', { hasText: 'Data structures' });
  await row.locator('td.shift', { hasText: 'n (no change)' }).waitFor({ timeout: 10_000 });
  assert.equal(await compare.page.getByText('so its figures are withheld').count(), 0);
  assert.deepEqual([...person.errors, ...compare.errors], []);
  await compare.context.close();
  await person.context.close();
});

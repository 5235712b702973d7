// The admin panel, used as an admin would: every operation the admin API
// offers has a control here (the list is read from docs/API.md, so a new
// operation without a control fails this test), groups are set by typing
// them, the links are copied with a button, and starting a round says what
// happens to the figures first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

/** The admin operations docs/API.md lists under "Board admin", as "METHOD path".
 * (Its owners row is written `GET`, `POST …` on purpose and not read here:
 * owners exist only on a server that offers sign-in, and
 * tests/sign_in.test.js walks their controls against a real provider.) */
function adminOperations() {
  const doc = readFileSync(new URL('../docs/API.md', import.meta.url), 'utf8');
  const section = doc.split('## Board admin')[1].split('\n\n')[1];
  return [...section.matchAll(/^\| `(GET|POST|PUT|DELETE) ([^`]+)` \|/gm)].map((m) => `${m[1]} ${m[2]}`);
}

/** Where the panel offers each operation: a locator that must be visible. */
const CONTROLS = {
  'POST /api/boards/{board}/close': (p) => p.getByRole('button', { name: 'Close the board' }),
  'POST /api/boards/{board}/reopen': (p) => p.locator('button.toggle-closed'),
  'GET /api/boards/{board}/export/json': (p) => p.getByRole('button', { name: 'Download JSON' }),
  'GET /api/boards/{board}/export/csv': (p) => p.getByRole('button', { name: 'Download CSV' }),
  'PUT /api/boards/{board}/matrix': (p) => p.getByRole('link', { name: 'Edit the matrix' }),
  'POST /api/boards/{board}/rounds': (p) => p.getByRole('button', { name: 'Start the next round' }),
  'PUT /api/boards/{board}/groups': (p) => p.getByRole('button', { name: 'Save the groups' }),
  'PUT /api/boards/{board}/settings': (p) => p.getByLabel('Show the figures'),
  'PUT /api/boards/{board}/access': (p) => p.getByLabel('Invited people only, each with a personal link'),
  'GET /api/boards/{board}/invitations': (p) => p.getByRole('table', { name: 'Invited people' }),
  'POST /api/boards/{board}/invitations': (p) => p.getByRole('button', { name: 'Create personal links' }),
  'POST /api/boards/{board}/invitations/{id}/reissue': (p) => p.getByRole('button', { name: 'New link for Ada' }),
  'POST /api/boards/{board}/invitations/{id}/revoke': (p) => p.getByRole('button', { name: "Withdraw Ada's link" }),
  'DELETE /api/boards/{board}/invitations/{id}': (p) => p.getByRole('button', { name: 'Remove Ada' }),
  'GET /api/boards/{board}/webhooks': (p) => p.getByRole('heading', { name: 'Webhooks' }),
  'POST /api/boards/{board}/webhooks': (p) => p.getByRole('button', { name: 'Add endpoint' }),
  'DELETE /api/boards/{board}/webhooks/{webhook}': (p) => p.getByRole('button', { name: `Remove ${HOOK}` }),
  'GET /api/boards/{board}/webhooks/deliveries': (p) => p.getByRole('heading', { name: /^Deliveries/ }),
  'POST /api/boards/{board}/webhooks/deliveries/{delivery}/resend': (p) => p.getByRole('button', { name: 'Send again' }),
  'GET /api/boards/{board}/audit': (p) => p.getByRole('table', { name: 'Audit trail' }),
  'GET /api/boards/{board}/audit/{format}': (p) => p.getByRole('button', { name: 'Download the trail (CSV)' }),
  'DELETE /api/boards/{board}': (p) => p.getByRole('button', { name: 'Delete for good' }),
};

/** An endpoint this server may not reach (it has no network): its delivery stays in the log. */
const HOOK = 'https://hooks.example.com/tally';

async function createBoard(slug) {
  const response = await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug }),
  });
  return response.json();
}

test('every admin operation of the API has a control in the panel', async () => {
  const operations = adminOperations();
  assert.ok(operations.length >= 8, `read the admin operations from docs/API.md: ${operations}`);
  const created = await createBoard('every-control');
  // One invited person, so the controls acting on one are there to find.
  await fetch(`${server.base}/api/boards/every-control/invitations`, {
    method: 'POST', headers: { authorization: `Bearer ${created.admin_key}` }, body: 'Ada',
  });
  // One endpoint and one delivery to it, so the controls acting on them are there too.
  const adminOnly = { authorization: `Bearer ${created.admin_key}` };
  await fetch(`${server.base}/api/boards/every-control/webhooks`, {
    method: 'POST', headers: adminOnly, body: JSON.stringify({ url: HOOK, events: ['round_opened'] }),
  });
  await fetch(`${server.base}/api/boards/every-control/rounds`, { method: 'POST', headers: adminOnly });
  const admin = await openPage(browser, `${server.base}/b/every-control#admin=${created.admin_key}`);
  await waitForHydration(admin.page);
  await admin.page.getByRole('heading', { name: "You are this board's admin" }).waitFor();
  for (const operation of operations) {
    const control = CONTROLS[operation];
    assert.ok(control, `no control in the admin panel for ${operation}`);
    await control(admin.page).waitFor({ state: 'visible', timeout: 5_000 });
  }
  await admin.context.close();
});

test('the admin sets groups by typing them, and a wrong threshold is named at the field', async () => {
  const created = await createBoard('grouped');
  const admin = await openPage(browser, `${server.base}/b/grouped#admin=${created.admin_key}`);
  await waitForHydration(admin.page);
  const names = admin.page.getByLabel('Groups, one per line');
  const threshold = admin.page.getByLabel('Smallest group whose figures are shown');
  await threshold.fill('1');
  await admin.page.getByText('Give a whole number from 2 up.').waitFor();
  assert.ok(await admin.page.getByRole('button', { name: 'Save the groups' }).isDisabled());

  await names.fill('Backend\nData\nBackend');
  await threshold.fill('2');
  await admin.page.getByRole('button', { name: 'Save the groups' }).click();
  await admin.page.getByText("group 'Backend' is listed twice").waitFor();
  assert.deepEqual((await (await fetch(server.base + '/api/boards/grouped/groups')).json()).groups, [], 'nothing applied');

  await names.fill('Backend\n\nData\n');
  await admin.page.getByRole('button', { name: 'Save the groups' }).click();
  await admin.page.getByText('Saved: 2 groups are offered.').waitFor();
  const saved = await (await fetch(server.base + '/api/boards/grouped/groups')).json();
  assert.deepEqual(saved, { groups: ['Backend', 'Data'], min_group_size: 2 });
  assert.deepEqual(await axeViolations(admin.page), [], 'the admin panel with its group form');

  // A respondent's page now offers the groups, and the panel shows them on a new visit.
  const person = await openPage(browser, server.base + '/b/grouped');
  await waitForHydration(person.page);
  assert.deepEqual(await person.page.getByLabel('Your group (optional)').locator('option').allInnerTexts(), ['No group', 'Backend', 'Data']);
  await admin.page.reload();
  await waitForHydration(admin.page);
  await admin.page.waitForFunction(() => document.querySelector('.group-controls textarea')?.value === 'Backend\nData');
  await person.context.close();
  await admin.context.close();
});

test('the share and admin links are copied whole, and the admin link is never on screen', async () => {
  const created = await createBoard('shared');
  const admin = await openPage(browser, `${server.base}/b/shared#admin=${created.admin_key}`, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await waitForHydration(admin.page);
  assert.equal(await admin.page.getByLabel('Share the board').inputValue(), `${server.base}/b/shared`);
  await admin.page.getByRole('button', { name: "Copy the board's link" }).click();
  await admin.page.getByText('Copied.').first().waitFor();
  assert.equal(await admin.page.evaluate(() => navigator.clipboard.readText()), `${server.base}/b/shared`);
  await admin.page.getByRole('button', { name: 'Copy the admin link' }).click();
  await admin.page.waitForFunction((key) => navigator.clipboard.readText().then((t) => t.endsWith(key)), created.admin_key);
  assert.equal(await admin.page.evaluate(() => navigator.clipboard.readText()), `${server.base}/b/shared#admin=${created.admin_key}`);
  await admin.page.getByText('a lost one cannot be recovered').waitFor();
  assert.ok(!(await admin.page.content()).includes(created.admin_key), 'the admin key is not in the page');
  assert.ok(!admin.page.url().includes(created.admin_key), 'nor in its address');
  await admin.context.close();
});

test('starting a round says the figures stay hidden in a blind session, then clears the label', async () => {
  const created = await createBoard('blind-rounds');
  const admin = await openPage(browser, `${server.base}/b/blind-rounds#admin=${created.admin_key}`);
  await waitForHydration(admin.page);
  await admin.page.getByLabel('Show the figures').selectOption('facilitator');
  await admin.page.getByText('Reveal the figures').waitFor();
  const label = admin.page.getByLabel("Next round's label");
  await label.fill('Workshop 2');
  await admin.page.getByRole('button', { name: 'Start the next round' }).click();
  await admin.page.getByText('Its figures stay hidden until you reveal them.').waitFor();
  await admin.page.getByRole('button', { name: 'Yes, start the new round' }).click();
  await admin.page.getByText('Workshop 2 is open.').waitFor();
  assert.equal(await label.inputValue(), '', 'the box is ready for the round after');

  // A visitor is told what to do as the board stands: no figures to look at
  // while they are hidden, nothing to submit once it is closed.
  const person = await openPage(browser, server.base + '/b/blind-rounds');
  await waitForHydration(person.page);
  const intro = person.page.locator('p.intro');
  assert.equal(await intro.innerText(), 'Pick the level that best describes you in each row, then submit.');
  await person.page.locator('.live-status', { hasText: '● Live' }).waitFor();
  await admin.page.getByRole('button', { name: 'Close the board' }).click();
  await person.page.locator('p.intro', { hasText: 'This board no longer takes answers.' }).waitFor({ timeout: 10_000 });
  await person.context.close();
  await admin.context.close();
});

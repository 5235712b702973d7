// The phone participant's journey, with a team lead at a laptop beside
// them; every step is a click, a tap or typing, and the API only checks
// results. The lead starts a board in blind mode; the participant joins it
// by its code on a phone in another time zone, answers every row by
// tapping, is led to the row they missed, submits, sees the figures when
// the lead reveals them, finds round 2 prefilled, and withdraws (after
// saying no once, then yes).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: 'Pacific/Auckland' };

const stats = async () => (await fetch(server.base + '/api/boards/phone-team/stats')).json();

/** Whether the element's box lies inside the viewport. */
const inView = (locator) => locator.evaluate((el) => {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
});

test('a participant answers on a phone, guided to the row they missed, through a reveal and a second round', async () => {
  // The lead starts a blind board from the start page.
  const lead = await openPage(browser, server.base + '/start');
  await lead.page.getByLabel('Title').fill('Phone team');
  await lead.page.getByLabel('Public address (optional)').fill('phone-team');
  await lead.page.getByRole('button', { name: 'Create board' }).click();
  await lead.page.waitForURL(/\/b\/phone-team/);
  await waitForHydration(lead.page);
  await lead.page.locator('select.reveal-mode').selectOption({ label: 'When I reveal them' });
  await lead.page.getByRole('button', { name: 'Reveal the figures' }).waitFor();

  // The participant joins by the code on the home page.
  const person = await openPage(browser, server.base + '/', phone);
  await person.page.getByLabel('Join a board').fill('phone-team');
  await person.page.getByRole('button', { name: 'Join' }).tap();
  await person.page.waitForURL(`${server.base}/b/phone-team`);
  await waitForHydration(person.page);
  await person.page.getByText('The figures are hidden until the facilitator reveals them.').waitFor();
  assert.doesNotMatch(await person.page.locator('.intro').innerText(), /see how many/, 'the intro fits blind mode');

  // Every row but one, by tapping; the submit bar stays in view meanwhile.
  const rows = person.page.locator('tr:has(th[scope="row"])');
  const count = await rows.count();
  const skipped = 5;
  for (let r = 0; r < count; r++) {
    if (r !== skipped) await rows.nth(r).locator('td.cell').nth(r % 4).locator('label').tap();
  }
  const bar = person.page.locator('.submit-bar');
  await rows.nth(2).scrollIntoViewIfNeeded();
  assert.ok(await inView(bar), 'the submit bar stays at the foot of the screen');
  assert.match(await bar.locator('.progress').innerText(), new RegExp(`^${count - 1} of ${count} answered`));

  // Submit with a row missing: the page goes to it and says so; nothing is sent.
  await person.page.getByRole('button', { name: 'Submit' }).tap();
  const missedTitle = await rows.nth(skipped).locator('th[scope="row"]').innerText();
  await person.page.getByRole('alert').filter({ hasText: `“${missedTitle}” has no answer yet` }).waitFor();
  const focused = await person.page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('th')?.textContent);
  assert.equal(focused, missedTitle, 'focus is on the missed row');
  assert.ok(await inView(rows.nth(skipped)), 'the missed row is in view');
  assert.equal((await stats()).respondents, 0, 'nothing was sent');
  assert.deepEqual(await axeViolations(person.page), [], 'the page pointing at a missed row');

  await rows.nth(skipped).locator('td.cell').nth(1).locator('label').tap();
  assert.equal(await person.page.getByText('has no answer yet').count(), 0, 'the guidance goes once the row is answered');
  await person.page.getByRole('button', { name: 'Submit' }).tap();
  const submitted = await person.page.getByText(/You submitted on/).innerText({ timeout: 10_000 });
  // In the reader's own time zone (Auckland here), not UTC.
  const local = await person.page.evaluate(() => {
    const now = new Date();
    return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  });
  assert.match(submitted, /\(your time\)/);
  const shown = submitted.match(/(\d\d):(\d\d) \(your time\)/);
  const minutes = (text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  assert.ok(Math.abs(minutes(local) - minutes(`${shown[1]}:${shown[2]}`)) <= 1, `${submitted} against ${local}`);
  assert.equal((await stats()).respondents, 1);
  assert.equal(await person.page.locator('td.cell .figures').first().innerText(), '', 'blind: no figures yet');

  // The lead reveals: the figures reach the phone live.
  await lead.page.getByRole('button', { name: 'Reveal the figures' }).click();
  await person.page.getByText(/1 of 1 \(100%\) rated themselves here/).first().waitFor({ state: 'attached', timeout: 10_000 });

  // The lead starts round 2: the phone finds its answers filled in, to confirm.
  await lead.page.getByRole('button', { name: 'Start the next round' }).click();
  await lead.page.getByRole('button', { name: 'Yes, start the new round' }).click();
  await person.page.getByText(/Your answers from Round 1 are filled in/).waitFor({ timeout: 10_000 });
  assert.ok(await rows.nth(0).locator('td.cell').nth(0).locator('input').isChecked(), 'round 2 is prefilled');
  await person.page.getByRole('button', { name: /Submit|Update my answers/ }).tap();
  await person.page.getByText(/You submitted on/).waitFor({ timeout: 10_000 });
  assert.equal((await stats()).respondents, 1, 'counted in round 2');

  // Withdrawing asks first: "no" keeps the answers, "yes" removes them.
  await person.page.getByText('Your answers over time (only you see this)').tap();
  const withdraw = person.page.getByRole('button', { name: 'Withdraw my answers from this round' });
  person.page.once('dialog', (dialog) => dialog.dismiss());
  await withdraw.tap();
  await person.page.waitForTimeout(500);
  assert.equal((await stats()).respondents, 1, 'kept after saying no');
  person.page.once('dialog', (dialog) => dialog.accept());
  await withdraw.tap();
  for (let tries = 0; tries < 50 && (await stats()).respondents !== 0; tries++) await person.page.waitForTimeout(100);
  assert.equal((await stats()).respondents, 0, 'withdrawn after saying yes');

  assert.deepEqual([...lead.errors, ...person.errors], []);
  await Promise.all([lead.context.close(), person.context.close()]);
});

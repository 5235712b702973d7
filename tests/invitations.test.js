// Personal invitations, as a team lead and the people they invite would
// use them; the API only checks results. The lead starts a board, keeps it
// to invited people, pastes two names, and copies the links shown once;
// Ada opens hers on a phone, answers, then opens it again on a laptop and
// finds her answers there (one person, counted once); someone without a
// link is told how to get in; the lead withdraws Ada's link and her phone
// is kept out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('a lead invites two people; one person on two devices counts once; a withdrawn link keeps her out', async () => {
  const lead = await openPage(browser, server.base + '/start', { viewport: { width: 1280, height: 900 } });
  await lead.page.getByLabel('Title').fill('Invited team');
  await lead.page.getByLabel('Public address (optional)').fill('invited-team');
  await lead.page.getByRole('button', { name: 'Create board' }).click();
  await lead.page.waitForURL(/\/b\/invited-team/);
  await waitForHydration(lead.page);
  const adminUrl = await lead.page.evaluate(() => `${location.origin}/b/invited-team#admin=${sessionStorage.getItem('tally.admin.invited-team')}`);

  await lead.page.getByLabel('Invited people only, each with a personal link').check();
  await lead.page.getByLabel(/^People to invite/).fill('Ada Lovelace, ada@example.org,,senior-engineer\nGrace Hopper');
  await lead.page.getByRole('button', { name: 'Create personal links' }).click();
  const adaLink = await lead.page.getByLabel("Ada Lovelace's link").inputValue();
  assert.match(adaLink, /\/i\/[0-9a-f]{32}$/);
  await lead.page.getByRole('rowheader', { name: 'Grace Hopper' }).waitFor();
  const adaRow = lead.page.getByRole('row', { name: /Ada Lovelace/ });
  await adaRow.locator('td[data-label="Role"]', { hasText: 'Senior engineer' }).waitFor();
  await lead.page.screenshot({ path: 'artifacts/invitations-lead-1280.png', fullPage: true });
  assert.deepEqual(await axeViolations(lead.page), []);

  // Someone with only the board's address is told how to get in.
  const stranger = await openPage(browser, server.base + '/b/invited-team', phone);
  await stranger.page.getByRole('heading', { name: 'This board is open to its invited people only' }).waitFor();
  assert.equal(await stranger.page.locator('table.matrix').count(), 0, 'no form, no figures');
  await stranger.page.screenshot({ path: 'artifacts/invitations-stranger-390.png' });

  // Ada answers on her phone.
  const adaPhone = await openPage(browser, adaLink, phone);
  await adaPhone.page.waitForURL(`${server.base}/b/invited-team`);
  await waitForHydration(adaPhone.page);
  assert.equal(await adaPhone.page.getByLabel('Your role (optional)').inputValue(), 'senior-engineer', 'her role is preselected');
  const rows = adaPhone.page.locator('tr:has(th[scope="row"])');
  const count = await rows.count();
  for (let r = 0; r < count; r++) await rows.nth(r).locator('td.cell').nth(1).locator('label').tap();
  await adaPhone.page.getByRole('button', { name: 'Submit' }).tap();
  await adaPhone.page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();

  // Then on her laptop: the same person, her answers already there.
  const adaLaptop = await openPage(browser, adaLink, { viewport: { width: 1280, height: 800 } });
  await adaLaptop.page.waitForURL(`${server.base}/b/invited-team`);
  await waitForHydration(adaLaptop.page);
  await adaLaptop.page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();
  const laptopRows = adaLaptop.page.locator('tr:has(th[scope="row"])');
  assert.equal(await laptopRows.nth(0).locator('td.cell').nth(1).locator('input').isChecked(), true);
  await laptopRows.nth(0).locator('td.cell').nth(3).locator('label').click();
  await adaLaptop.page.getByRole('button', { name: 'Update my answers' }).click();
  await laptopRows.nth(0).locator('td.cell').nth(3).locator('.popover', { hasText: '1 of 1' }).waitFor({ state: 'attached' });
  const figures = await (await fetch(`${server.base}/api/boards/invited-team/stats`, {
    headers: { authorization: `Bearer ${adminUrl.split('#admin=')[1]}` },
  })).json();
  assert.equal(figures.respondents, 1, 'two devices, one person');

  // The lead sees how many answered, puts the board on the projector (the
  // room's view, let in by the admin's key), then withdraws Ada's link.
  await lead.page.getByText('1 of 2 invited have answered this round.').waitFor();
  await lead.page.getByRole('link', { name: 'Present it' }).click();
  await lead.page.locator('.present-answered', { hasText: '1 person has answered (of 2 invited)' }).waitFor();
  await lead.page.locator('.present-live', { hasText: 'Live' }).waitFor();
  await lead.page.goBack();
  await waitForHydration(lead.page);
  lead.page.once('dialog', (dialog) => dialog.accept());
  await lead.page.getByRole('button', { name: "Withdraw Ada Lovelace's link" }).click();
  await lead.page.getByRole('table', { name: 'Invited people' }).getByText('Link withdrawn').waitFor();
  await adaPhone.page.reload();
  await adaPhone.page.getByRole('heading', { name: 'This board is open to its invited people only' }).waitFor();
  await adaPhone.page.goto(adaLink);
  await adaPhone.page.getByRole('heading', { name: 'This invitation link does not work' }).waitFor();
  await adaPhone.page.getByText("The board's organiser withdrew this invitation link").waitFor();
  await adaPhone.page.screenshot({ path: 'artifacts/invitations-withdrawn-390.png' });

  // The admin link still opens the board, controls and all.
  const again = await openPage(browser, adminUrl, phone);
  await again.page.getByRole('heading', { name: "You are this board's admin" }).waitFor();
  await again.page.screenshot({ path: 'artifacts/invitations-admin-390.png', fullPage: true });
  const width = await again.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scroll at 390 px (${width})`);
  for (const context of [lead, stranger, adaPhone, adaLaptop, again]) await context.context.close();
});

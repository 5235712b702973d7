// Sign-in, as a team lead and a member would use it, against a real
// OpenID Connect provider (npm's oauth2-mock-server on 127.0.0.1). The
// lead keeps a board to signed-in members in the admin panel; Ada, not
// signed in, is told how to get in, signs in from the bar, and answers on
// her phone; on her laptop she signs in again and finds the same answers
// (one person, counted once); she signs out there and is kept out again.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startProvider, launchBrowser, openPage, waitForHydration, freePort, axeViolations } from './harness.js';

let provider, server, browser;
before(async () => {
  provider = await startProvider();
  const port = await freePort();
  server = await startServer({
    port,
    env: {
      TALLY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      TALLY_OIDC_ISSUER: provider.issuer,
      TALLY_OIDC_CLIENT_ID: 'tally-browser-tests',
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  provider?.stop();
});

const phone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const laptop = { viewport: { width: 1280, height: 800 } };

async function signInFromTheBar(page) {
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.base}/b/members-team`);
  await page.getByRole('navigation', { name: 'Your account' }).getByText('Signed in as Ada Lovelace').waitFor();
}

test('a member signs in on two devices, counts once, and signs out', async () => {
  const lead = await openPage(browser, server.base + '/start', laptop);
  await lead.page.getByLabel('Title').fill('Members team');
  await lead.page.getByLabel('Public address (optional)').fill('members-team');
  await lead.page.getByRole('button', { name: 'Create board' }).click();
  await lead.page.waitForURL(/\/b\/members-team/);
  await waitForHydration(lead.page);
  await lead.page.getByLabel('People signed in to this site').check();
  await lead.page.getByLabel('Only addresses at (optional)').fill('example.org');
  await lead.page.getByRole('button', { name: 'Save domains' }).click();
  await lead.page.locator('.people-controls').screenshot({ path: 'artifacts/sign-in-lead-1280.png' });
  // Saved once the board keeps strangers out.
  for (let tries = 0; (await fetch(`${server.base}/api/boards/members-team/stats`)).status !== 403; tries++) {
    assert.ok(tries < 50, 'the setting is saved within 5 s');
    await new Promise((ok) => setTimeout(ok, 100));
  }

  // Ada, not signed in, is told how to get in.
  const adaPhone = await openPage(browser, server.base + '/b/members-team', phone);
  await adaPhone.page.getByRole('heading', { name: 'This board is open to signed-in members only' }).waitFor();
  assert.equal(await adaPhone.page.locator('table.matrix').count(), 0, 'no form, no figures');
  await adaPhone.page.screenshot({ path: 'artifacts/sign-in-refused-360.png' });
  assert.deepEqual(await axeViolations(adaPhone.page), []);

  await signInFromTheBar(adaPhone.page);
  await waitForHydration(adaPhone.page);
  const rows = adaPhone.page.locator('tr:has(th[scope="row"])');
  const count = await rows.count();
  for (let r = 0; r < count; r++) await rows.nth(r).locator('td.cell').nth(2).locator('label').tap();
  await adaPhone.page.getByRole('button', { name: 'Submit' }).tap();
  await adaPhone.page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();
  await adaPhone.page.screenshot({ path: 'artifacts/sign-in-answered-360.png' });

  // On her laptop: signed in again, she is the same person.
  const adaLaptop = await openPage(browser, server.base + '/b/members-team', laptop);
  await signInFromTheBar(adaLaptop.page);
  await waitForHydration(adaLaptop.page);
  await adaLaptop.page.locator('.submitted', { hasText: 'You submitted on' }).waitFor();
  const first = adaLaptop.page.locator('tr:has(th[scope="row"])').nth(0);
  assert.equal(await first.locator('td.cell').nth(2).locator('input').isChecked(), true, 'her answers are there');
  const stats = await adaLaptop.page.evaluate(() => fetch('/api/boards/members-team/stats').then((r) => r.json()));
  assert.equal(stats.respondents, 1, 'one person, counted once');
  await adaLaptop.page.screenshot({ path: 'artifacts/sign-in-laptop-1280.png' });
  assert.deepEqual(await axeViolations(adaLaptop.page), []);

  // Signing out keeps her out again, on that device.
  await adaLaptop.page.getByRole('button', { name: 'Sign out' }).click();
  await adaLaptop.page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).waitFor();
  await adaLaptop.page.reload();
  await adaLaptop.page.getByRole('heading', { name: 'This board is open to signed-in members only' }).waitFor();
  await adaPhone.page.reload();
  await adaPhone.page.getByText('Signed in as Ada Lovelace').waitFor();
});

test('an organiser signed in finds her board in My boards, manages it there and adds a co-owner', async () => {
  const ada = await openPage(browser, server.base + '/', laptop);
  await ada.page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).click();
  await ada.page.getByText('Signed in as Ada Lovelace').waitFor();
  await ada.page.goto(server.base + '/start');
  await ada.page.getByLabel('Title').fill('Ada owns this');
  await ada.page.getByLabel('Public address (optional)').fill('ada-owns');
  await ada.page.getByRole('button', { name: 'Create board' }).click();
  await ada.page.waitForURL(/\/b\/ada-owns/);

  // Another tab, no admin link: My boards has the board and the way to manage it.
  const tab = await openPage(browser, server.base + '/', laptop);
  await tab.page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).click();
  await tab.page.getByRole('link', { name: 'My boards' }).click();
  await tab.page.waitForURL(`${server.base}/me`);
  const row = tab.page.getByRole('row', { name: /Ada owns this/ });
  assert.match(await row.textContent(), /Round 1 \(open\)/);
  await tab.page.screenshot({ path: 'artifacts/my-boards-1280.png', fullPage: true });
  assert.deepEqual(await axeViolations(tab.page), []);
  await tab.page.getByRole('link', { name: 'Manage Ada owns this' }).click();
  await waitForHydration(tab.page);
  await tab.page.getByRole('heading', { name: "You are this board's admin" }).waitFor();

  await tab.page.getByLabel('Add an owner by email').fill('grace@example.org');
  await tab.page.getByRole('button', { name: 'Add owner' }).click();
  await tab.page.getByText('grace@example.org · not signed in yet').waitFor();
  await tab.page.locator('.owner-controls').screenshot({ path: 'artifacts/owners-1280.png' });

  const onPhone = await openPage(browser, server.base + '/me', phone);
  await onPhone.page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).click();
  await onPhone.page.getByRole('heading', { name: 'My boards' }).waitFor();
  await onPhone.page.screenshot({ path: 'artifacts/my-boards-360.png', fullPage: true });
  const width = await onPhone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `My boards fits a 360 px phone (${width} px)`);
});

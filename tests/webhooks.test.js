// The admin connects the board to another tool as a person would: types an
// endpoint's address in the panel, picks its events, copies the secret it
// is shown once, closes the board, and watches the delivery log go from a
// refused first attempt to delivered, then sends it again and removes the
// endpoint. The receiver is a small HTTP server on 127.0.0.1 (allowed by
// the setting) that checks the signature as any receiver would.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { startServer, launchBrowser, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser, receiver;
const received = [];

before(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(received.length === 1 ? 500 : 200).end(received.length === 1 ? 'not yet' : 'ok');
    });
  });
  await new Promise((ok) => receiver.listen(0, '127.0.0.1', ok));
  server = await startServer({ env: { TALLY_WEBHOOKS_ALLOW_PRIVATE: 'true', TALLY_WEBHOOK_RETRY_SECONDS: '1' } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  receiver?.close();
});

/** Whether `request` is signed with `secret` over `<t>.<body>`. */
function signedWith(request, secret) {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(request.headers['tally-signature']) ?? [];
  return v1 === createHmac('sha256', secret).update(`${t}.${request.body}`).digest('hex');
}

/** Clicks "Refresh" until the delivery log shows `text`. */
async function refreshUntil(page, text) {
  for (let tries = 0; tries < 40; tries += 1) {
    if (await page.locator('ul.deliveries').getByText(text).count()) return;
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.waitForTimeout(250);
  }
  assert.fail(`the delivery log shows "${text}"`);
}

test('the admin adds an endpoint, sees its deliveries retried and delivered, sends one again and removes it', async () => {
  const created = await (await fetch(`${server.base}/api/boards`, {
    method: 'POST', body: JSON.stringify({ matrix: 'programmer', slug: 'hooked' }),
  })).json();
  const { page, context, errors } = await openPage(browser, `${server.base}/b/hooked#admin=${created.admin_key}`,
    { viewport: { width: 1280, height: 900 } });
  await waitForHydration(page);
  const section = page.locator('.webhook-controls');
  await section.getByText('No endpoints yet.').waitFor();
  const url = `http://127.0.0.1:${receiver.address().port}/hook`;

  // A secret too short is refused, naming the field, and nothing is added.
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByLabel('the board closes').check();
  await page.getByLabel('a round opens').uncheck();
  await page.getByLabel('Signing secret (leave empty and Tally makes one)').fill('short');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await section.getByText(/secret: must be 16 to 200/).waitFor();
  await section.getByText('No endpoints yet.').waitFor();

  await page.getByLabel('Signing secret (leave empty and Tally makes one)').fill('');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = await section.locator('.hook-secret code').innerText();
  assert.match(secret, /^[0-9a-f]{64}$/, 'the secret made by the server, shown once');
  await section.locator('ul.webhooks').getByText(url).waitFor();
  await page.screenshot({ path: 'artifacts/webhooks-1280.png', fullPage: true });

  await page.getByRole('button', { name: 'Close the board' }).click();
  await refreshUntil(page, 'delivered');
  await section.locator('ul.deliveries').getByText('2 attempts').waitFor();
  assert.equal(received.length, 2, 'refused once, then taken');
  for (const request of received) {
    assert.ok(signedWith(request, secret), 'signed with the secret the page showed');
    assert.ok(!signedWith(request, 'some-other-secret-value'), 'the check can fail');
    assert.equal(request.headers['tally-event'], 'board_closed');
  }
  assert.equal(JSON.parse(received[1].body).board.id, 'hooked');

  await section.getByRole('button', { name: 'Send again' }).click();
  for (let tries = 0; received.length < 3 && tries < 40; tries += 1) await page.waitForTimeout(250);
  assert.equal(received.length, 3, 'sent again');
  assert.equal(received[2].headers['tally-delivery'], received[0].headers['tally-delivery'], 'the same delivery');

  assert.deepEqual(await axeViolations(page), [], 'the admin panel with its webhooks');
  await section.getByRole('button', { name: `Remove ${url}` }).click();
  await section.getByText('No endpoints yet.').waitFor();
  // The browser logs the refused secret's 400; nothing else went wrong.
  assert.deepEqual(errors.filter((e) => !e.includes('status of 400')), []);
  assert.equal(errors.length, 1);
  await context.close();
});

test('the webhooks section fits a 360 px phone', async () => {
  const created = await (await fetch(`${server.base}/api/boards`, {
    method: 'POST', body: JSON.stringify({ matrix: 'programmer', slug: 'hooked-phone' }),
  })).json();
  const key = { authorization: `Bearer ${created.admin_key}` };
  const long = `http://127.0.0.1:${receiver.address().port}/a/rather/long/path/that/goes/on/and/on/hook`;
  await fetch(`${server.base}/api/boards/hooked-phone/webhooks`, {
    method: 'POST', headers: key, body: JSON.stringify({ url: long, events: ['round_opened', 'board_closed'] }),
  });
  await fetch(`${server.base}/api/boards/hooked-phone/rounds`, { method: 'POST', headers: key });
  const { page, context } = await openPage(browser, `${server.base}/b/hooked-phone#admin=${created.admin_key}`,
    { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
  await waitForHydration(page);
  await refreshUntil(page, 'delivered');
  await page.locator('.webhook-controls').scrollIntoViewIfNeeded();
  await page.locator('.webhook-controls').screenshot({ path: 'artifacts/webhooks-360.png' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow} px too wide)`);
  await context.close();
});

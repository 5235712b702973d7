// The API's document as a page (/api/docs): Swagger UI, from this site's
// own files, draws every operation under the site's policy, on a laptop and
// on a phone, and a reader can open one and read its parameters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

for (const [name, viewport] of [['a laptop', { width: 1280, height: 900 }], ['a 360 px phone', { width: 360, height: 740 }]]) {
  test(`the API's page draws every operation on ${name}, from this site only`, async () => {
    const elsewhere = [];
    const { page, context, errors } = await openPage(browser, 'about:blank', { viewport });
    page.on('request', (r) => { if (!r.url().startsWith(server.base)) elsewhere.push(r.url()); });
    await page.goto(server.base + '/api/docs');
    const stats = page.locator('.opblock', { hasText: '/api/boards/{board}/stats' });
    await stats.first().waitFor({ timeout: 30_000 });
    const document = await (await fetch(server.base + '/api/openapi.json')).json();
    const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
    assert.equal(await page.locator('.opblock').count(), operations, 'one block per operation');

    await stats.first().locator('.opblock-summary').click();
    await page.getByText('A round\'s number; the open round when left out.').first().waitFor();
    await page.screenshot({ path: `artifacts/api-docs-${viewport.width}.png` });
    assert.deepEqual(errors, [], 'no console errors: a policy violation would be one');
    assert.deepEqual(elsewhere, [], 'nothing is loaded from another site');
    await context.close();
  });
}

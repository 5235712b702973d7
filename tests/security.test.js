// Hostile content stays inert in a real browser: a matrix whose texts and a
// board whose title carry <script> and "><img onerror=…> render as text,
// with no element injected and nothing run, before and after hydration.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, openPage, waitForHydration } from './harness.js';

const SCRIPT = '<script>window.__pwned = 1; alert(1)</script>';
const IMAGE = '"><img src=x onerror="window.__pwned = 2">';
// A right-to-left override (which only the operator's template files may
// carry: the API refuses it), right-to-left text with its mark (which anyone
// may send), and a word no line can hold.
const BIDI = '\u202Eevil\u202C';
const RTL = '\u05E9\u05DC\u05D5\u05DD\u200F';
const LONG_WORD = 'w'.repeat(2000);

/** A matrix sent through the API, hostile in every text it may have. */
function hostileMatrix() {
  const row = (title) => ({ title, descriptions: [SCRIPT + IMAGE, 'javascript:alert(3)', LONG_WORD, RTL + 'low'] });
  return {
    title: SCRIPT + RTL,
    description: LONG_WORD.slice(0, 1999),
    levels: [
      { label: IMAGE, short: 'a' }, { label: 'javascript:alert(4)', short: 'b' },
      { label: LONG_WORD.slice(0, 200), short: RTL }, { label: 'd', short: 'd' },
    ],
    categories: [{ title: IMAGE, rows: [row(IMAGE), row(LONG_WORD.slice(0, 200)), row(RTL + 'rtl')] }],
  };
}

let server, browser, matrices;

before(async () => {
  matrices = mkdtempSync(join(tmpdir(), 'tally-hostile-'));
  const shipped = readFileSync(resolve(import.meta.dirname, '../matrices/programmer.toml'), 'utf8');
  const hostile = shipped
    .replace('title = "Programmer Competency Matrix"', `title = '${SCRIPT}'`)
    .replace('title = "Data structures"', `title = '${IMAGE}'`)
    .replace('title = "Algorithms"', `title = '${BIDI}rtl'`)
    .replace('"Knows arrays and lists only as things a language hands you; cannot say what they cost."', `'${SCRIPT}${IMAGE}'`);
  assert.notEqual(hostile, shipped);
  writeFileSync(join(matrices, 'programmer.toml'), hostile);
  server = await startServer({ matrices });
  const created = await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug: 'hostile', title: SCRIPT + IMAGE }),
  });
  assert.equal(created.status, 201);
  const custom = await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: hostileMatrix(), slug: 'custom-hostile' }),
  });
  assert.equal(custom.status, 201, await custom.text());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(matrices, { recursive: true, force: true });
});

for (const path of ['/', '/b/hostile', '/b/custom-hostile']) {
  test(`hostile text on ${path} is shown, not run`, async () => {
    const { page, context, errors } = await openPage(browser, server.base + path);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await waitForHydration(page);
    // Show the popover that carries the hostile description.
    await page.locator('tbody tr:not(.category)').first().locator('td.cell').first().hover();
    assert.match(await page.locator('h1').innerText(), /<script>window\.__pwned = 1; alert\(1\)<\/script>/);
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      images: document.querySelectorAll('img[src="x"]').length,
      // An injected element would hold exactly the hostile code (Leptos'
      // own data scripts carry the text too, but escaped inside JSON).
      scripts: [...document.scripts].filter((s) => s.textContent.trim().startsWith('window.__pwned')).length,
    }));
    assert.deepEqual(injected, { pwned: null, images: 0, scripts: 0 });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The template's board carries the override; the API's, long words and right-to-left text.
for (const path of ['/b/hostile', '/b/custom-hostile']) {
  test(`long words and direction overrides on ${path} do not break the page`, async () => {
    const { page, context } = await openPage(browser, server.base + path);
    await waitForHydration(page);
    const layout = await page.evaluate(() => ({
      pageFits: document.documentElement.scrollWidth <= window.innerWidth,
      headingFits: document.querySelector('h1').scrollWidth <= document.querySelector('h1').clientWidth,
      // The override stays inside its own element: the text after it reads left to right.
      isolated: [...document.querySelectorAll('th[scope="row"]')].every((th) => getComputedStyle(th).unicodeBidi === 'isolate'),
    }));
    assert.deepEqual(layout, { pageFits: true, headingFits: true, isolated: true });
    await context.close();
  });
}

test('the API refuses a direction override, naming it', async () => {
  const refused = await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', title: 'Team ' + BIDI }),
  });
  assert.equal(refused.status, 400);
  assert.match((await refused.json()).error, /U\+202E/);
});

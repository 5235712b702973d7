// The pseudo-locale crawl: each page in the accented pseudo-locale, as the
// server sends it (no JavaScript) and once hydrated. Every consonant the
// catalogue gives is accented there, so a word whose consonants are plain
// ASCII did not come from the catalogue, unless it is what people wrote
// (a board's title, its matrix, names), which the page marks
// `translate="no"` or which this test reads from the API and strikes out.
// Text, the document's title and the words people hear (ARIA labels,
// placeholders, alternative text) are all read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, waitForHydration } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const PSEUDO = 'lang=en-XA';

/** Every piece of text the page shows or says, outside `translate="no"`. */
function piecesOfText(page) {
  return page.evaluate(() => {
    const outside = (el) => !el.closest('[translate="no"], script, style, noscript, template');
    const pieces = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && outside(node.parentElement)) pieces.push(node.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [alt], [title]')) {
      if (!outside(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'alt', 'title']) pieces.push(el.getAttribute(name) ?? '');
    }
    return pieces.map((p) => p.trim()).filter(Boolean);
  });
}

/** The words of `pieces` that no catalogue gave, once `written` (what people wrote) is struck out. */
function untranslated(pieces, written) {
  const longestFirst = [...written].filter(Boolean).sort((a, b) => b.length - a.length);
  const found = [];
  for (let piece of pieces) {
    for (const text of longestFirst) piece = piece.split(text).join(' ');
    // A format's name in capitals (CSV, JSON) is a name, not a word to translate.
    const words = (piece.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => /[b-df-hj-np-tv-z]/i.test(w) && !/^[A-Z]{2,4}$/.test(w));
    if (words.length) found.push(`${words.join(' ')}  ←  “${piece.trim().slice(0, 80)}”`);
  }
  return found;
}

/** Every string in a JSON value. */
function strings(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

async function crawl(url, { written, hydrated, check }) {
  const options = hydrated ? {} : { javaScriptEnabled: false };
  const { page, context } = await openPage(browser, `${server.base}${url}`, options);
  if (hydrated) await check(page);
  const found = untranslated(await piecesOfText(page), written);
  await context.close();
  return found;
}

/** An API call that must succeed; its JSON reply. */
async function adminCall(path, method, body, key) {
  const headers = key ? { Authorization: `Bearer ${key}` } : {};
  const response = await fetch(server.base + path, { method, headers, body: JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return response.json();
}

test('every translated page speaks only the catalogue, before and after hydration', async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST', body: JSON.stringify({ matrix: 'programmer', slug: 'crawl', title: 'Crawl board' }),
  })).json();
  const matrix = await (await fetch(server.base + '/api/boards/crawl/matrix')).json();
  // A second round nobody named, so compare and trends name two rounds.
  await adminCall('/api/boards/crawl/rounds', 'POST', {}, created.admin_key);
  // Pages that refuse: a board for invited people only, figures not revealed.
  const invited = await adminCall('/api/boards', 'POST', { matrix: 'programmer', slug: 'crawl-invited' });
  await adminCall('/api/boards/crawl-invited/access', 'PUT', { access: 'invited' }, invited.admin_key);
  const blind = await adminCall('/api/boards', 'POST', { matrix: 'programmer', slug: 'crawl-blind' });
  await adminCall('/api/boards/crawl-blind/settings', 'PUT', { reveal: 'facilitator' }, blind.admin_key);
  // What people wrote or typed: the matrix, the board's title and address, a
  // join code.
  // The template gallery of the editor shows each template's title.
  const templates = await (await fetch(server.base + '/api/templates')).json();
  const written = new Set([
    ...strings(matrix), ...strings(templates), 'Crawl board', 'Tally', `${server.base}/b/crawl`, 'zz-top',
  ]);
  const board = (page) => waitForHydration(page);
  const present = (page) => page.locator('.present[data-hydrated="true"]').waitFor();
  const admin = (page) => page.locator('.admin-panel h2').waitFor();
  // The editor, hydrated and its draft checked once (the problems are listed).
  const editor = async (page) => {
    await page.locator('.editor[data-hydrated="true"]').waitFor();
    await page.waitForFunction(() => document.querySelector('.editor-check p')?.textContent.trim());
  };
  // Pages whose islands show no mark of hydration: once the network is quiet.
  const settled = (page) => page.waitForLoadState('networkidle');
  const pages = [
    ['/?', board], ['/start?', settled], ['/join?code=zz-top&', settled], ['/no-such-page?', settled],
    ['/b/crawl?', board], ['/b/crawl/present?', present], ['/b/crawl/compare?', settled], ['/b/crawl/trends?', settled],
    ['/b/crawl/gaps?', settled], ['/b/crawl-invited?', settled], ['/b/crawl-blind/compare?', settled],
    ['/b/crawl-blind/trends?', settled], ['/new?', editor], ['/b/crawl/edit?', editor], ['/me?', settled],
  ];
  const failures = [];
  for (const [path, check] of pages) {
    for (const hydrated of [false, true]) {
      const found = await crawl(`${path}${PSEUDO}`, { written, hydrated, check });
      if (found.length) failures.push(`${path} (${hydrated ? 'hydrated' : 'server HTML'}):\n  ${found.join('\n  ')}`);
    }
  }
  const found = await crawl(`/b/crawl?${PSEUDO}#admin=${created.admin_key}`, { written, hydrated: true, check: admin });
  if (found.length) failures.push(`the admin's controls:\n  ${found.join('\n  ')}`);
  assert.deepEqual(failures, []);
});

test('the crawl would catch one hard-coded string', async () => {
  const { page, context } = await openPage(browser, `${server.base}/start?${PSEUDO}`, { javaScriptEnabled: false });
  assert.deepEqual(untranslated(await piecesOfText(page), new Set()), [], 'the page alone passes');
  await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<p>Hard-coded words</p>'));
  const found = untranslated(await piecesOfText(page), new Set());
  assert.deepEqual(found, ['Hard coded words  ←  “Hard-coded words”']);
  await context.close();
});

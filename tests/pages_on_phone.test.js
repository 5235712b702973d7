// Compare and trends on a 360 px phone: nothing scrolls sideways and each
// competency's name reads on one card; and a page that cannot be shown
// (figures hidden, no such board) says so under a heading, with the way back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function api(path, method = 'GET', body, key) {
  const headers = key ? { Authorization: `Bearer ${key}` } : {};
  const response = await fetch(server.base + path, { method, headers, body: body && JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return response.json();
}

/** A board with two rounds of answers, for pages that compare them. */
async function boardWithTwoRounds(slug) {
  const created = await api('/api/boards', 'POST', { matrix: 'programmer', slug });
  const matrix = await api(`/api/boards/${slug}/matrix`);
  const answers = (level) => Object.fromEntries(matrix.categories.flatMap((c) => c.rows.map((r) => [r.id, level])));
  await api(`/api/boards/${slug}/submissions`, 'POST', { answers: answers(1) });
  await api(`/api/boards/${slug}/rounds`, 'POST', { label: 'Spring' }, created.admin_key);
  await api(`/api/boards/${slug}/submissions`, 'POST', { answers: answers(2) });
  return created;
}

/** How far the page scrolls sideways once laid out: measured again for up to
 * two seconds while it is not 0, since a page checked the moment its marker
 * appears may not have its stylesheet applied yet (seen twice in full runs,
 * 337 px on the home page: the bare table's width). A page that stays too
 * wide still fails. */
async function sidewaysScroll(page) {
  const measure = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  let overflow = await measure();
  for (let tries = 0; overflow !== 0 && tries < 20; tries++) {
    await page.waitForTimeout(100);
    overflow = await measure();
  }
  return overflow;
}

test('compare and trends fit a 360 px phone', async () => {
  await boardWithTwoRounds('phone-compare');
  const { page, context } = await openPage(browser, server.base + '/b/phone-compare/compare', PHONE);
  const title = page.locator('table.compare th[scope="row"]', { hasText: 'Data structures' });
  await title.waitFor();
  assert.equal(await sidewaysScroll(page), 0, 'the compare page scrolls sideways');
  const box = await title.boundingBox();
  assert.ok(box.width > 200, `the competency's name has room: ${box.width} px`);
  await page.locator('td[data-label="Spring"]', { hasText: 'n²' }).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the compare page at 360 px');

  await page.goto(server.base + '/b/phone-compare/trends');
  await page.getByRole('img', { name: /People who answered/ }).waitFor();
  assert.equal(await sidewaysScroll(page), 0, 'the trends page scrolls sideways');
  assert.deepEqual(await axeViolations(page), [], 'the trends page at 360 px');
  await context.close();
});

test('hidden figures and unknown boards get a page that says so, with the way back', async () => {
  const created = await api('/api/boards', 'POST', { matrix: 'programmer', slug: 'still-blind' });
  await api('/api/boards/still-blind/settings', 'PUT', { reveal: 'facilitator' }, created.admin_key);
  const { page, context } = await openPage(browser, server.base + '/b/still-blind/compare', PHONE);
  await page.getByRole('heading', { name: 'These figures are not shown yet' }).waitFor();
  assert.equal(await sidewaysScroll(page), 0);
  assert.deepEqual(await axeViolations(page), [], 'the hidden-figures page');
  await page.getByRole('link', { name: 'Back to the board' }).click();
  await page.waitForURL(server.base + '/b/still-blind');

  await page.goto(server.base + '/b/no-such-board/trends');
  await page.getByRole('heading', { name: 'There is no such board' }).waitFor();
  assert.match(await page.title(), /There is no such board/);
  await page.getByRole('link', { name: 'Go to the home page' }).waitFor();
  await context.close();
});

test('every page fits a 360 px phone, and axe finds nothing on any of them', async () => {
  const created = await boardWithTwoRounds('every-page');
  const pages = [
    ['the home page', '/', '.home-intro'],
    ['the start page', '/start', '.start-page'],
    ['the start page after a refusal', '/start?matrix=programmer&title=x&slug=No+Spaces&check=true&wait=0', '#slug-problem'],
    ['the join page after a wrong code', '/join?code=nothing-here', '#join-problem'],
    ['the board', '/b/every-page', '.submit-bar[data-hydrated="true"]'],
    ['the presenter', '/b/every-page/present', '.present[data-hydrated="true"]'],
    // After another page: from the board itself, only the fragment would change.
    ['the board, as its admin', `/b/every-page#admin=${created.admin_key}`, '.admin-panel'],
    ['the editor', `/b/every-page/edit#admin=${created.admin_key}`, '.editor[data-hydrated="true"]'],
    ['a new matrix', '/new', '.editor[data-hydrated="true"]'],
  ];
  const { page, context } = await openPage(browser, server.base + '/', PHONE);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`); });
  for (const [name, path, ready] of pages) {
    await page.goto(server.base + path);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => `${s.href}: ${(() => { try { return s.cssRules.length; } catch { return 'unreadable'; } })()} rules`));
    assert.equal(await sidewaysScroll(page), 0, `${name} scrolls sideways at 360 px: ${wide.join(' | ')}; style sheets: ${sheets.join(', ')}; failed requests: ${failed.join(', ')}`);
    assert.deepEqual(await axeViolations(page), [], name);
  }
  await context.close();
});

test('the gaps page fits a 360 px phone in every language, long German row titles included', async () => {
  await api('/api/boards', 'POST', { matrix: 'programmer', slug: 'phone-gaps' });
  const matrix = await api('/api/boards/phone-gaps/matrix');
  const rows = matrix.categories.flatMap((c) => c.rows.map((r) => r.id));
  for (let person = 0; person < 3; person++) {
    const answers = Object.fromEntries(rows.map((row, i) => [row, (person + i) % 3]));
    await api('/api/boards/phone-gaps/submissions', 'POST', { answers, role: 'engineer' });
  }
  const { page, context } = await openPage(browser, server.base + '/', PHONE);
  for (const [lang, row] of [['en', 'Source code version control'], ['de', 'Versionsverwaltung'], ['fr', 'Gestion de versions'], ['es', 'Control de versiones']]) {
    await page.goto(`${server.base}/b/phone-gaps/gaps?role=engineer&lang=${lang}`);
    await page.locator('table.gaps th', { hasText: row }).first().waitFor();
    assert.equal(await sidewaysScroll(page), 0, `the gaps page in ${lang} scrolls sideways`);
    if (lang === 'de') assert.deepEqual(await axeViolations(page), [], 'the gaps page in German');
  }
  await context.close();
});

// Roles in a real browser: a person picks their role, sees the level it
// expects marked in each row and their own gap to it (and nobody else's
// browser does), the role is remembered, and the gaps page shows where
// the role's people stand, live, withheld while they are too few.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

async function boardWithRoles(slug) {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug }),
  })).json();
  const url = `${server.base}/api/boards/${slug}/matrix`;
  const current = await fetch(url);
  const matrix = await current.json();
  matrix.roles = [
    { id: 'engineer', title: 'Engineer', expects: { 'data-structures': 'n' } },
    { id: 'senior', title: 'Senior engineer', expects: { 'data-structures': 'logn', algorithms: 'n' } },
  ];
  // The template's translations name its own roles, which these replace.
  for (const words of Object.values(matrix.translations ?? {})) delete words.roles;
  const put = await fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${created.admin_key}`, 'if-match': current.headers.get('etag') },
    body: JSON.stringify(matrix),
  });
  assert.equal(put.status, 200);
  return created;
}

async function submitAs(slug, role, level) {
  const matrix = await (await fetch(`${server.base}/api/boards/${slug}/matrix`)).json();
  const answers = {};
  for (const category of matrix.categories) for (const row of category.rows) answers[row.id] = level;
  const response = await fetch(`${server.base}/api/boards/${slug}/submissions`, {
    method: 'POST',
    body: JSON.stringify(role ? { answers, role } : { answers }),
  });
  assert.equal(response.status, 200);
}

test('a person sees their own gap to their role, and only they do; the gaps page follows the role live', async () => {
  await boardWithRoles('roles');
  const person = await openPage(browser, server.base + '/b/roles', { viewport: { width: 1280, height: 900 } });
  await waitForHydration(person.page);
  await person.page.getByLabel('Your role (optional)').selectOption('senior');
  await person.page.locator('input[name="answers[data-structures]"][value="1"]').check();
  const row = person.page.locator('tr', { has: person.page.getByRole('rowheader', { name: 'Data structures' }) });
  await row.getByText('Your role expects log n: you are 2 levels below').waitFor();
  assert.equal(await row.locator('td.cell.expected input').getAttribute('value'), '3');
  const tag = await row.locator('td.cell.expected .description').evaluate((e) => getComputedStyle(e, '::after').content);
  assert.equal(tag, '"Your role expects this"', 'the expected level is marked in words');
  const radios = person.page.locator('input[type="radio"][value="2"]');
  for (let i = 1; i < await radios.count(); i++) await radios.nth(i).check();
  const algorithms = person.page.locator('tr', { has: person.page.getByRole('rowheader', { name: 'Algorithms' }) });
  await algorithms.getByText('Your role expects n: you are at it').waitFor();
  assert.deepEqual(await axeViolations(person.page), [], 'the board with a role picked');
  await row.screenshot({ path: 'artifacts/roles-row-1280.png' });
  await person.page.locator('label.group-choice').screenshot({ path: 'artifacts/roles-choice.png' });
  await person.page.getByRole('button', { name: 'Submit' }).click();
  await person.page.getByText('1 person has answered').waitFor();

  // Another person's browser sees no one's gap.
  const other = await openPage(browser, server.base + '/b/roles');
  await waitForHydration(other.page);
  await other.page.getByText('1 person has answered').waitFor();
  assert.equal(await other.page.getByText(/Your role expects/).count(), 0);
  assert.equal(await other.page.locator('td.cell.expected').count(), 0);
  // (The form's props carry the message's template, "{levels} levels below", never a gap.)
  assert.ok(!/\d+ levels? below/.test(await other.page.content()), 'nothing of the first person’s gap is in the page');

  // Remembered: the role and the gap come back with the page.
  await person.page.reload();
  await waitForHydration(person.page);
  assert.equal(await person.page.getByLabel('Your role (optional)').inputValue(), 'senior');
  await row.getByText('Your role expects log n: you are 2 levels below').waitFor();

  // The gaps page: one senior is too few to show; three are enough.
  await person.page.getByRole('link', { name: 'Where each role stands against what it expects' }).click();
  await person.page.waitForURL(/\/b\/roles\/gaps/);
  await person.page.getByLabel('Role').selectOption('senior');
  await person.page.getByRole('button', { name: 'Show' }).click();
  await person.page.getByText(/^Withheld: fewer than 3 people/).waitFor();
  await submitAs('roles', 'senior', 3);
  await submitAs('roles', 'senior', 3);
  const gap = person.page.locator('table.gaps tr', { hasText: 'Data structures' });
  await gap.getByText('1 of 3 below · 2 at · 0 above').waitFor({ timeout: 10_000 });
  await submitAs('roles', 'senior', 0);
  await gap.getByText('2 of 4 below · 2 at · 0 above').waitFor({ timeout: 10_000 });
  const first = await person.page.locator('table.gaps tbody tr').first().locator('th').innerText();
  assert.equal(first.split('\n')[0], 'Data structures', 'the row with the largest share below comes first');
  assert.deepEqual(await axeViolations(person.page), [], 'the gaps page');
  await person.page.screenshot({ path: 'artifacts/gaps-1280.png', fullPage: true });
  await person.page.setViewportSize({ width: 360, height: 780 });
  const overflow = await person.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the gaps page fits a phone (${overflow}px too wide)`);
  await person.page.screenshot({ path: 'artifacts/gaps-360.png', fullPage: true });
  // On a projector: the presenter links to the gaps in large type, at 1920 px.
  await person.page.setViewportSize({ width: 1920, height: 1080 });
  await person.page.goto(server.base + '/b/roles/present');
  await person.page.getByRole('link', { name: 'Gaps by role' }).click();
  await person.page.waitForURL(/\/b\/roles\/gaps\?present=1/);
  await person.page.getByLabel('Role').selectOption('senior');
  await person.page.getByRole('button', { name: 'Show' }).click();
  await person.page.waitForURL(/present=1/);
  await person.page.getByText('2 of 4 below · 2 at · 0 above').waitFor();
  const size = await person.page.locator('table.gaps td').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 24, `large type on a projector (${size}px)`);
  assert.deepEqual(await axeViolations(person.page), [], 'the gaps page on a projector');
  await person.page.screenshot({ path: 'artifacts/gaps-present-1920.png' });
  assert.deepEqual([...person.errors, ...other.errors], []);
});

test('an admin builds a role by keyboard alone on a board with answers, and problems show at their fields', async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug: 'role-editor' }),
  })).json();
  await submitAs('role-editor', undefined, 1);
  // The template comes with roles; the new one is added after them.
  const n = (await (await fetch(`${server.base}/api/boards/role-editor/matrix`)).json()).roles.length;
  const { page, errors } = await openPage(browser, `${server.base}/b/role-editor/edit#admin=${created.admin_key}`);
  await page.locator('.editor[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  const add = page.getByRole('button', { name: 'Add role' });
  await add.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, `field-roles-${n}-title`, { timeout: 5_000 });
  // Untitled, the role's problem shows under its title.
  await page.locator(`#field-roles-${n}-title-problem`).filter({ hasText: /title/ }).waitFor({ timeout: 10_000 });
  await page.keyboard.type('Staff engineer');
  // The first expectation is the next field: pick "n" with the arrow keys.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), `field-roles-${n}-expects-data-structures`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator(`#field-roles-${n}-expects-data-structures`).inputValue(), 'n');
  await page.getByText('No problems found: ready to save.').waitFor({ timeout: 10_000 });
  assert.deepEqual(await axeViolations(page), [], 'the editor with a role');
  await page.locator('.editor-role').nth(n).screenshot({ path: 'artifacts/roles-editor.png' });
  await page.getByRole('button', { name: 'Save the matrix' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Saved: every open page of the board shows it now.').waitFor();
  const matrix = await (await fetch(`${server.base}/api/boards/role-editor/matrix`)).json();
  assert.equal(matrix.roles.length, n + 1);
  assert.deepEqual(matrix.roles[n], { id: 'staff-engineer', title: 'Staff engineer', expects: { 'data-structures': 'n' } });
  assert.deepEqual(errors, []);
});

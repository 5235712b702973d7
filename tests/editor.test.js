// The matrix editor in a real browser: a 3×3 matrix written by keyboard
// alone becomes a board that a second browser answers while the first sees
// the figures move; a draft survives a reload; a TOML file comes in and goes
// out; an admin's text edit reaches an open page live without losing its
// choices; axe finds nothing serious on the editor.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, waitForHydration, axeViolations } from './harness.js';

let server, browser, files;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  files = mkdtempSync(join(tmpdir(), 'tally-editor-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(files, { recursive: true, force: true });
});

async function openEditor(url) {
  const opened = await openPage(browser, url);
  await opened.page.locator('.editor[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  return opened;
}

const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Enter on a button and waits for focus to land on `id`. */
async function pressAndExpectFocus(page, button, id) {
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 });
}

async function readyToSave(page) {
  await page.getByText('No problems found: ready to save.').waitFor({ timeout: 10_000 });
}

test('a 3×3 matrix written by keyboard is created, answered elsewhere, and its figures move live', async () => {
  const { page, context, errors } = await openEditor(server.base + '/new');
  await page.locator('#field-title').focus();
  await page.keyboard.type('Équipe — skills ✓');
  for (const [i, [label, short]] of [['Novice', 'N'], ['Practitioner', 'P'], ['Expert', 'E']].entries()) {
    await pressAndExpectFocus(page, page.getByRole('button', { name: 'Add level' }), `field-levels-${i}-label`);
    await page.keyboard.type(label);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), `field-levels-${i}-short`);
    await page.keyboard.type(short);
  }
  await pressAndExpectFocus(page, page.getByRole('button', { name: 'Add category' }), 'field-categories-0-title');
  await page.keyboard.type('Core');
  for (const row of [0, 1, 2]) {
    await pressAndExpectFocus(page, page.getByRole('button', { name: 'Add row' }), `field-categories-0-rows-${row}-title`);
    await page.keyboard.type(`Skill ${row + 1}`);
    for (const level of [0, 1, 2]) {
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), `field-categories-0-rows-${row}-descriptions-${level}`);
      await page.keyboard.type(`Skill ${row + 1} at level ${level + 1}`);
    }
  }
  await readyToSave(page);
  assert.deepEqual(await axeViolations(page), [], 'the editor with a matrix in it');

  // A reload brings the draft back.
  await page.reload();
  await page.locator('.editor[data-hydrated="true"]').waitFor();
  await page.locator('.draft-notice').waitFor();
  assert.equal(await page.locator('#field-title').inputValue(), 'Équipe — skills ✓');
  assert.equal(await page.locator('#field-categories-0-rows-2-descriptions-2').inputValue(), 'Skill 3 at level 3');
  await readyToSave(page);

  await page.getByLabel('Public address /b/').focus();
  await page.keyboard.type('keyboard-team');
  await page.getByRole('button', { name: 'Create board' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/b\/keyboard-team(#admin=[0-9a-f]{64})?$/);
  await waitForHydration(page);
  assert.equal(await page.locator('table.matrix tbody tr:not(.category)').count(), 3);

  const other = await openPage(browser, server.base + '/b/keyboard-team');
  await waitForHydration(other.page);
  for (const row of ['skill-1', 'skill-2', 'skill-3']) {
    await other.page.locator(`input[name="answers[${row}]"][value="2"]`).check();
  }
  await other.page.getByRole('button', { name: 'Submit' }).click();
  // The popover is hidden until hovered; its text moves all the same.
  await page.waitForFunction(
    () => document.querySelector('#pop-skill-1-2 .figures')?.textContent === '1 of 1 (100%) rated themselves here',
    null,
    { timeout: 10_000 },
  );
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
  await context.close();
});

test('a TOML file is imported with its problems shown at their fields, and downloaded again', async () => {
  const toml = await (await fetch(server.base + '/api/boards/default/matrix?format=toml')).text();
  const path = join(files, 'imported.toml');
  // One description emptied: the editor must point at it.
  const broken = toml.replace(/descriptions = \[\s*"[^"]*"/, 'descriptions = [""');
  assert.notEqual(broken, toml);
  writeFileSync(path, broken);

  const { page, context, errors } = await openEditor(server.base + '/new');
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByText('Imported imported.toml.').waitFor();
  assert.equal(await page.locator('#field-title').inputValue(), 'Programmer Competency Matrix');
  const problem = page.locator('#field-categories-0-rows-0-descriptions-0-problem');
  await problem.filter({ hasText: 'is empty' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#field-categories-0-rows-0-descriptions-0').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page), [], 'the editor showing a problem');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as TOML' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'programmer.toml');
  assert.equal(readFileSync(await file.path(), 'utf8'), broken.replace(/\r/g, ''));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a spreadsheet is imported, a sheet with mistakes is refused at its cells, and the draft goes out as .xlsx', async () => {
  const template = Buffer.from(await (await fetch(server.base + '/api/templates/programmer?format=xlsx')).arrayBuffer());
  const workbook = join(files, 'programmer.xlsx');
  writeFileSync(workbook, template);
  const broken = join(files, 'broken.csv');
  writeFileSync(broken, 'Title,Broken\nCategory,Competency,Starting (S),Fluent (F)\nCraft,Testing,Writes no tests,\nCraft,,Skims,Reads closely\n');

  const { page, context, errors } = await openEditor(server.base + '/new');
  await page.locator('input[type="file"]').setInputFiles(workbook);
  await page.getByText('Imported programmer.xlsx.').waitFor();
  assert.equal(await page.locator('#field-title').inputValue(), 'Programmer Competency Matrix');

  await page.locator('input[type="file"]').setInputFiles(broken);
  const refusal = page.locator('.editor p.error');
  await refusal.filter({ hasText: "sheet 'Matrix', row 3, column D" }).waitFor();
  assert.match(await refusal.innerText(), /sheet 'Matrix', row 4, column B/);
  assert.equal(await page.locator('#field-title').inputValue(), 'Programmer Competency Matrix', 'nothing of it was taken');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as .xlsx' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'programmer.xlsx');
  const read = await fetch(server.base + '/api/matrices/read', {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: readFileSync(await file.path()),
  });
  assert.equal(read.status, 200);
  assert.equal((await read.json()).title, 'Programmer Competency Matrix');
  await page.getByRole('link', { name: 'template (CSV)' }).waitFor();
  assert.deepEqual(errors.filter((e) => !e.includes('status of 422')), []);
  await context.close();
});

test("an admin's text edit reaches an open page live, keeping its choices", async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug: 'edited-live' }),
  })).json();
  const watcher = await openPage(browser, server.base + '/b/edited-live');
  await waitForHydration(watcher.page);
  await watcher.page.locator('input[name="answers[data-structures]"][value="1"]').check();

  const { page, context, errors } = await openEditor(`${server.base}/b/edited-live/edit#admin=${created.admin_key}`);
  assert.deepEqual(await axeViolations(page), [], 'the editor on a board');
  await page.locator('#field-categories-0-rows-0-title').fill('Data structures, renamed');
  await page.getByRole('button', { name: 'Save the matrix' }).click();
  await page.getByText('Saved: every open page of the board shows it now.').waitFor();

  await watcher.page.locator('#row-data-structures', { hasText: 'Data structures, renamed' }).waitFor({ timeout: 10_000 });
  assert.ok(await watcher.page.locator('input[name="answers[data-structures]"][value="1"]').isChecked(), 'the choice stays');
  assert.deepEqual([...errors, ...watcher.errors], []);
  await watcher.context.close();
  await context.close();
});

test('removing part of a matrix asks first: "no" keeps it, "yes" removes it', async () => {
  const { page, context, errors } = await openEditor(server.base + '/new');
  for (const label of ['Novice', 'Expert']) {
    await page.getByRole('button', { name: 'Add level' }).click();
    await page.locator('.editor input[id$="-label"]').last().fill(label);
  }
  const remove = page.getByRole('button', { name: /^Remove level 1/ });
  page.once('dialog', (dialog) => dialog.dismiss());
  await remove.click();
  assert.equal(await page.locator('#field-levels-0-label').inputValue(), 'Novice', 'kept after "no"');
  page.once('dialog', (dialog) => dialog.accept());
  await remove.click();
  await page.waitForFunction(() => document.querySelector('#field-levels-0-label')?.value === 'Expert');
  assert.equal(await page.locator('#field-levels-1-label').count(), 0, 'removed after "yes"');
  assert.deepEqual(errors, []);
  await context.close();
});

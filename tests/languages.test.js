// Languages in a real browser: a person whose browser asks for German gets
// German, switches to French from the switcher by tapping it, keeps French
// after a reload, and goes back to English; on the board page, switching
// keeps the choices made so far, and the live form speaks the language;
// the right-to-left pseudo-locale turns the page around without sideways
// scrolling; axe finds nothing in German or right to left.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, waitForHydration, axeViolations, submitViaApi } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

// By its class: its name is in the page's language, pseudo-locales included.
const switcher = (page) => page.locator('nav.language-switcher');

test('the browser language first, then the switcher, remembered across a reload', async () => {
  const { page, context } = await openPage(browser, server.base + '/', { locale: 'de-DE' });
  await page.getByText('Einem Board beitreten').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.deepEqual(await axeViolations(page), [], 'the home page in German');
  assert.equal(await switcher(page).getAttribute('aria-label'), 'Sprache', 'the switcher is named in German too');
  assert.equal(await switcher(page).getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current'), 'true');

  await switcher(page).getByRole('link', { name: 'Français' }).click();
  await page.getByText('Rejoindre un tableau').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.goto(server.base + '/');
  await page.getByText('Rejoindre un tableau').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'the choice outlives the browser language');
  await page.screenshot({ path: 'artifacts/languages-fr.png' });

  await switcher(page).getByRole('link', { name: 'English' }).click();
  await page.getByText('Join a board').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

// The board's rows, and the level chosen in each (-1: none), as the page shows them.
const rows = (page) => page.locator('tbody tr:not(.category)');
const chosenLevels = (page) => rows(page).evaluateAll((trs) =>
  trs.map((tr) => [...tr.querySelectorAll('input[type=radio]')].findIndex((input) => input.checked)));

test('the board page switches language and keeps the choices made so far', async () => {
  await submitViaApi(server.base, 1);
  const { page, context, errors } = await openPage(browser, server.base + '/', { locale: 'de-DE' });
  await waitForHydration(page);
  const total = await rows(page).count();
  await page.locator('.progress', { hasText: `0 von ${total} beantwortet` }).waitFor();
  assert.equal(await page.locator('.submit-bar button[type="submit"]').innerText(), 'Abschicken');
  assert.match(await page.locator('.respondents').innerText(), /1 Person hat geantwortet/);
  // Tap two levels, as a person does.
  await rows(page).nth(0).locator('td.cell label').nth(2).click();
  await rows(page).nth(3).locator('td.cell label').nth(0).click();
  await page.locator('.progress', { hasText: `2 von ${total} beantwortet` }).waitFor();
  const chosen = await chosenLevels(page);
  assert.deepEqual([chosen[0], chosen[3]], [2, 0]);
  await rows(page).nth(0).locator('input').nth(1).focus();
  assert.match(await rows(page).nth(0).locator('td.cell').nth(1).locator('.figures').innerText(), /1 von 1 \(100\s%\) hat sich hier eingestuft/);
  assert.deepEqual(await axeViolations(page), [], 'the board page in German');
  await page.screenshot({ path: 'artifacts/languages-board-de.png', fullPage: false });

  await switcher(page).getByRole('link', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Submit' }).waitFor();
  await waitForHydration(page);
  await page.locator('.progress', { hasText: `2 of ${total} answered` }).waitFor();
  assert.deepEqual(await chosenLevels(page), chosen, 'the choices came along to English');

  await switcher(page).getByRole('link', { name: 'Deutsch' }).click();
  await page.getByRole('button', { name: 'Abschicken' }).waitFor();
  await waitForHydration(page);
  await page.locator('.progress', { hasText: `2 von ${total} beantwortet` }).waitFor();
  assert.deepEqual(await chosenLevels(page), chosen, 'and back to German');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the admin's controls come in the page's language, with their own words fetched", async () => {
  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST', body: JSON.stringify({ matrix: 'programmer', slug: 'en-francais' }),
  })).json();
  const admin = await openPage(browser, `${server.base}/b/en-francais?lang=fr#admin=${created.admin_key}`);
  await waitForHydration(admin.page);
  await admin.page.getByRole('heading', { name: 'Vous administrez ce tableau' }).waitFor();
  await admin.page.getByRole('button', { name: 'Fermer le tableau' }).click();
  await admin.page.getByRole('button', { name: 'Rouvrir le tableau' }).waitFor();
  await admin.page.getByText('Ce tableau est fermé\u00a0: il ne prend plus de réponses.', { exact: false }).waitFor();
  await admin.page.getByRole('button', { name: 'Rouvrir le tableau' }).click();
  await admin.page.getByRole('button', { name: 'Lancer le tour suivant' }).click();
  await admin.page.getByText(/Le tour 1 sera figé/).waitFor();
  assert.deepEqual(await axeViolations(admin.page), [], 'the admin panel in French');
  await admin.page.locator('.admin-panel').screenshot({ path: 'artifacts/languages-admin-fr.png' });
  assert.deepEqual(admin.errors, []);
  await admin.context.close();
});

test('right to left, the page turns around and still fits a phone', async () => {
  for (const width of [390, 1280]) {
    const { page, context } = await openPage(browser, server.base + '/?lang=ar-XB', { viewport: { width, height: 800 } });
    await page.locator('.home-intro').waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no sideways scroll at ${width} px`);
    // Right to left, the links read from the right, and the row sits at
    // the end of the line, which is now its left.
    const first = await switcher(page).getByRole('link').first().boundingBox();
    const last = await switcher(page).getByRole('link').last().boundingBox();
    assert.ok(first.x > last.x, `the first language is the rightmost: ${first.x} against ${last.x}`);
    assert.ok(last.x < width / 2, `the switcher sits on the left: ${last.x}`);
    assert.deepEqual(await axeViolations(page), [], `right to left at ${width} px`);
    await page.screenshot({ path: `artifacts/languages-rtl-${width}.png` });
    await context.close();
  }
});

test('an admin translates the matrix beside its text, and a German reader then reads it in German', async () => {
  const matrix = {
    id: 'two-rows', title: 'Team skills',
    levels: [{ id: 'low', label: 'Beginner', short: 'B' }, { id: 'high', label: 'Expert', short: 'E' }],
    categories: [{ id: 'code', title: 'Coding', rows: [
      { id: 'tests', title: 'Writing tests', descriptions: ['Runs the tests', 'Designs the test suite'] },
    ] }],
  };
  const response = await fetch(server.base + '/api/boards', { method: 'POST', body: JSON.stringify({ matrix, slug: 'translated' }) });
  const created = await response.json();
  const { page, context } = await openPage(browser, `${server.base}/b/translated/edit#admin=${created.admin_key}`, {
    viewport: { width: 360, height: 800 },
  });
  await page.locator('.editor[data-hydrated="true"]').waitFor();
  await page.getByLabel('Translate into').selectOption({ label: 'German' });
  const left = page.locator('.translations-left');
  await left.getByText('9 of 9 texts are not translated yet.').waitFor();
  assert.equal(await page.locator('.translation-pair.untranslated').count(), 9, 'every blank one is marked');
  const pairs = page.locator('.translation-pair');
  await pairs.filter({ hasText: 'Team skills' }).getByRole('textbox').fill('Teamfähigkeiten');
  await pairs.filter({ hasText: 'Writing tests' }).first().getByRole('textbox').fill('Tests schreiben');
  await left.getByText('7 of 9 texts are not translated yet.').waitFor();
  assert.equal(await page.locator('.translation-pair.untranslated').count(), 7, 'the mark goes as one is typed');
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, 'the translations fit a 360 px phone');
  await page.locator('.editor-translations').screenshot({ path: 'artifacts/editor-translations-360.png' });
  await page.getByRole('button', { name: 'Save the matrix' }).click();
  await page.getByText('Saved: every open page of the board shows it now.').waitFor();
  await context.close();

  const reader = await openPage(browser, `${server.base}/b/translated`, { locale: 'de-DE' });
  await waitForHydration(reader.page);
  await reader.page.getByRole('heading', { name: 'Teamfähigkeiten' }).waitFor();
  await reader.page.getByText('Tests schreiben').first().waitFor();
  await reader.page.getByText('7 Texte dieser Matrix sind noch nicht auf Deutsch übersetzt').waitFor();
  assert.equal(await reader.page.getByText('Writing tests').count(), 0, 'the translated row is not in English');
  await reader.context.close();
});

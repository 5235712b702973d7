// Languages in a real browser: a person whose browser asks for German gets
// German, switches to French from the switcher by tapping it, keeps French
// after a reload, and goes back to English; the right-to-left pseudo-locale
// turns the page around without sideways scrolling; axe finds nothing in
// German or right to left.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, openPage, axeViolations } from './harness.js';

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

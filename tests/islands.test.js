// What a page downloads: the board page hydrates its islands from the main
// wasm file alone, and each lazy part (the admin's controls, the editor,
// the presenter) comes in a file of its own, fetched only by the page that
// shows it. Needs a split build (`cargo leptos build --split`, as
// `make test` runs it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowserPerFile, waitForHydration } from './harness.js';

let server, browser;
serverAndBrowserPerFile((s, b) => ([server, browser] = [s, b]));

/** Opens `path` and lists the wasm files it fetched once `ready` resolves. */
async function wasmFetchedBy(path, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) fetched.push(name);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.base + path);
  await ready(page);
  await context.close();
  assert.deepEqual(errors, [], path);
  return fetched;
}

test('the board page loads one wasm file; the admin controls, editor and presenter load their own', async () => {
  const board = await wasmFetchedBy('/', waitForHydration);
  assert.equal(board.length, 1, `the board page: ${board}`);
  assert.match(board[0], /^tally\./);

  const created = await (await fetch(server.base + '/api/boards', {
    method: 'POST',
    body: JSON.stringify({ matrix: 'programmer', slug: 'split' }),
  })).json();
  const admin = await wasmFetchedBy(`/b/split#admin=${created.admin_key}`, (page) =>
    page.getByRole('button', { name: 'Close the board' }).waitFor());
  assert.ok(admin.includes(board[0]), `the admin's page: ${admin}`);
  assert.ok(admin.some((name) => name.startsWith('split_mount_controls')), `the admin's page: ${admin}`);

  const editor = await wasmFetchedBy('/new', (page) => page.locator('.editor[data-hydrated="true"]').waitFor());
  assert.ok(editor.some((name) => name.startsWith('split_new_matrix_draft')), `the editor: ${editor}`);
  assert.ok(!editor.some((name) => name.startsWith('split_mount_controls')), `the editor: ${editor}`);

  const presenter = await wasmFetchedBy('/b/split/present', (page) =>
    page.locator('.present[data-hydrated="true"]').waitFor());
  assert.ok(presenter.some((name) => name.startsWith('split_presenter')), `the presenter: ${presenter}`);
  assert.ok(!presenter.some((name) => name.startsWith('split_new_matrix_draft')), `the presenter: ${presenter}`);
});

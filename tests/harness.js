// Starts the real server binary (built by `cargo leptos build`) on
// 127.0.0.1 with its own SQLite file, and launches Debian's Chromium through
// playwright-core. Every test file gets fresh servers; nothing is shared.

import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');

// `matrices`: a directory of matrix files instead of the shipped one;
// `binary`: the release build, for benchmarks; `env`: more settings.
export async function startServer({ dir, port = 0, matrices, binary = 'target/debug/server', env = {} } = {}) {
  dir ??= mkdtempSync(join(tmpdir(), 'tally-browser-'));
  const child = spawn(join(root, binary), [], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${join(dir, 'tally.db')}`,
      TALLY_MATRICES: matrices ?? join(root, 'matrices'),
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_OUTPUT_NAME: 'tally',
      // TALLY_SITE_ROOT: another build's site, e.g. the plain (unsplit) one.
      LEPTOS_SITE_ROOT: join(root, process.env.TALLY_SITE_ROOT ?? 'target/site'),
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server did not start within 30 s')), 30_000);
    child.stdout.on('data', (chunk) => {
      const match = /open (http:\/\/\S+?)\/?\s/.exec(chunk.toString());
      if (match) { clearTimeout(timer); ok(match[1]); }
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    base,
    dir,
    async stop({ keepData = false } = {}) {
      child.kill('SIGKILL');
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The OpenID Connect provider of `oidc_provider.mjs` on 127.0.0.1: its
 * issuer URL, and `stop`. */
export async function startProvider() {
  const child = spawn(process.execPath, [join(root, 'tests', 'oidc_provider.mjs')], {
    cwd: join(root, 'tests'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const issuer = await new Promise((ok, fail) => {
    child.stdout.once('data', (chunk) => ok(JSON.parse(chunk.toString()).issuer));
    child.on('exit', (code) => fail(new Error(`the provider exited with ${code}`)));
  });
  return { issuer, stop: () => child.kill('SIGKILL') };
}

/** A server and a browser for one test file: started before its first
 * test (and handed to `ready`), stopped after its last. */
export function serverAndBrowserPerFile(ready) {
  let server, browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

// A page that records console errors and uncaught exceptions.
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, context, errors };
}

export async function waitForHydration(page) {
  await page.locator('.submit-bar[data-hydrated="true"]').waitFor({ timeout: 30_000 });
}

// A port that was free a moment ago, for a server that must come back on the same address.
export function freePort() {
  return new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

export async function submitViaApi(base, level) {
  const matrix = await (await fetch(`${base}/api/boards/default/matrix`)).json();
  const answers = {};
  for (const category of matrix.categories) for (const row of category.rows) answers[row.id] = level;
  const response = await fetch(`${base}/api/boards/default/submissions`, { method: 'POST', body: JSON.stringify({ answers }) });
  if (response.status !== 200) throw new Error(`submission failed: ${response.status}`);
  return response.json();
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeViolations(page) {
  // The page's Content-Security-Policy refuses injected <script> tags, so
  // axe is evaluated through the DevTools protocol, which the policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) {
    const require = createRequire(import.meta.url);
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

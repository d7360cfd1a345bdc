#!/usr/bin/env node
// Writes docs/report.png, the picture of `btcfi report` in the README: the report of the bundled
// scenarios and of the range example, as a desktop browser shows its first screens. Needs a
// build (npm ci) and Chromium (Debian's chromium package, or CHROMIUM=/path/to/chrome).
// Usage: npm run screenshot
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const out = join(root, 'docs', 'report.png');
const folder = mkdtempSync(join(tmpdir(), 'btcfi-screenshot-'));
const page = join(folder, 'report.html');
try {
  const made = spawnSync(process.execPath, [join(root, 'bin', 'btcfi.js'), 'report', 'docs/examples/btcfi-5-10-range.yaml', 'defi-2031', '-o', page], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (made.status !== 0) {
    throw new Error(`btcfi report exited ${made.status}`);
  }
  const browser = await chromium.launch({ executablePath });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1290 }, deviceScaleFactor: 1, colorScheme: 'light' });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.screenshot({ path: out, fullPage: false });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${out} (${statSync(out).size.toLocaleString('en-US')} bytes)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

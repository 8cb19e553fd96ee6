// The real workbench in Chromium with the built .vsix installed (started by scripts/test.mjs, which
// passes VSCODE_SERVER_URL and VSCODE_WORKSPACE).
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { repoRoot } from '../support/vscodeServer';

const serverUrl = process.env.VSCODE_SERVER_URL;
const workspace = process.env.VSCODE_WORKSPACE;
const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

let browser: Browser;
let page: Page;

before(async () => {
  assert.ok(serverUrl && workspace, 'run through scripts/test.mjs (VSCODE_SERVER_URL, VSCODE_WORKSPACE)');
  mkdirSync(screenshotDir, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${serverUrl}/?${new URLSearchParams({ folder: workspace })}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
});

after(async () => {
  await browser?.close();
});

test('the Claude Skills container is in the activity bar', async () => {
  const icon = page.locator('.activitybar a.action-label[aria-label^="Claude Skills"]');
  await icon.waitFor({ timeout: 30_000 });
  await icon.click();
  // With one view in the container, VS Code shows it as "Claude Skills: Skills" in the side bar's title.
  await page.locator('.sidebar .composite.title', { hasText: 'Claude Skills: Skills' }).waitFor({ timeout: 30_000 });
});

test('with no key, the view welcomes the user with a Set API Key button', async () => {
  const button = page.locator('.sidebar .welcome-view-content').getByRole('button', { name: 'Set API Key' });
  await button.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(screenshotDir, 'welcome.png') });
  await button.click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  assert.equal(await input.getAttribute('type'), 'password');
  await page.keyboard.press('Escape');
});

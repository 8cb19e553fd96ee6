// Skill Evals as an author runs them: a sample skill folder with evals (the demo's commit-message) dropped
// into the workspace, the Testing view lists its evals and trigger queries, one eval is run from its row
// (model picked, the cost modal answered), its result shows, and Show Eval Report opens the report.
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { repoRoot } from '../support/vscodeServer';
import { runFromPalette, setKeyFromWelcome, showSkillsView } from './helpers';
import { screenshotDir, uiSession } from './session';

const session = uiSession();
let page: Page;

before(async () => {
  await session.start();
  page = session.page;
  await page.setViewportSize({ width: 1400, height: 1000 });
  await showSkillsView(page);
  await setKeyFromWelcome(page, session.apiKey);
  // The key is stored once the Skills view lists the workspace's skills with it.
  await page.locator('.sidebar .monaco-list-row', { hasText: 'SQL Reviewer' }).waitFor({ timeout: 60_000 });
  cpSync(
    join(repoRoot, 'samples', 'workspace', 'skills', 'commit-message'),
    join(session.workspace, 'skills', 'commit-message'),
    { recursive: true },
  );
});

after(() => session.stop());

test('the Testing view lists a sample skill’s evals; one runs and passes; Show Eval Report opens', async () => {
  await runFromPalette(page, 'Testing: Focus on Test Explorer View');
  const rows = page.locator('.sidebar .monaco-list-row');
  const folder = rows.filter({ hasText: 'commit-message' }).first();
  await folder.waitFor({ timeout: 60_000 });
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.locator('.monaco-tl-twistie').click();
  const first = rows.filter({ hasText: '1: Write a commit message for the staged diff' });
  await first.waitFor({ timeout: 30_000 });
  await rows.filter({ hasText: /^\s*Triggering/ }).waitFor({ timeout: 15_000 });
  assert.ok(await rows.filter({ hasText: '2: Write a commit message for the staged fix' }).isVisible());

  await first.hover();
  await first.locator('.action-label[aria-label^="Run"]').first().click();
  const quickInput = page.locator('.quick-input-widget');
  await quickInput
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Emulated Opus 2' })
    .click({ timeout: 30_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'failed-evals-model.png') });
      throw err;
    });
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15_000 });
  const cost = await dialog.innerText();
  assert.match(cost, /Run Skill Evals: at least 4 requests, billed to the API key in use \(…\w{4}\)/);
  assert.match(cost, /visible to everyone in the Anthropic workspace/);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();

  await first
    .locator('.codicon-testing-passed-icon')
    .waitFor({ timeout: 60_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'failed-evals.png') });
      throw err;
    });
  const draft = session.emulator.store.all().find((s) => s.displayName?.endsWith('(eval draft)'));
  assert.equal(draft?.displayName, 'commit-message (eval draft)');
  await page.addStyleTag({ content: '.notifications-toasts { visibility: hidden !important; }' });
  // The view's top, where the tree is: below it the view is empty.
  const box = (await page.locator('.part.sidebar').boundingBox())!;
  await page.screenshot({
    path: join(screenshotDir, 'evals-test-explorer.png'),
    clip: { x: box.x, y: box.y, width: box.width, height: 220 },
  });

  await runFromPalette(page, 'Claude Skills: Show Eval Report');
  const tab = page.locator('.tabs-container .tab', { hasText: 'Preview report.md' });
  await tab.waitFor({ timeout: 30_000 });
  const report = readFileSync(
    join(session.workspace, 'skills', 'commit-message-workspace', 'iteration-1', 'report.md'),
    'utf8',
  );
  assert.match(report, /^# Skill Evals: commit-message, iteration 1/);
  assert.match(report, /\| 1 \| Write a commit message for the staged diff.* \| 2 of 2 \| 0 of 2 \| passed \|/);
  await page.waitForTimeout(1500); // the preview's webview renders after its tab appears
  // The report's head and its table: the README ships in the VSIX, and the rest is more of the same.
  const group = page
    .locator('.part.editor .editor-group-container')
    .filter({ has: page.locator('.tab', { hasText: 'Preview report.md' }) });
  const area = (await group.boundingBox())!;
  await page.screenshot({
    path: join(screenshotDir, 'evals-report.png'),
    clip: { x: area.x, y: area.y, width: Math.min(area.width, 900), height: 370 },
  });
});

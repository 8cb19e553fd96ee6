// Try in Claude… as a user runs it: from a version row's context menu, a model picked, a prompt typed, the
// billing modal answered; the run document opens beside with the answer and the link to the file it made.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { setKeyFromWelcome, showSkillsView, waitForCount, withNotification } from './helpers';
import { screenshotDir, uiSession } from './session';

const session = uiSession();
let page: Page;
const rows = () => page.locator('.sidebar .monaco-list-row');
const versionRows = () => rows().filter({ hasText: /^[A-Z][a-z]{2} \d{1,2}, \d{4}/ });

before(async () => {
  await session.start();
  page = session.page;
  await page.setViewportSize({ width: 1400, height: 1100 });
  await showSkillsView(page);
  await setKeyFromWelcome(page, session.apiKey);
});

after(() => session.stop());

test('a version row → Try in Claude… → model → prompt → the run document shows the answer and the file link', async () => {
  const skill = rows().filter({ hasText: /^SQL Reviewer/ });
  await skill.click({ timeout: 30_000 });
  await waitForCount(versionRows(), 3);
  const older = session.emulator.store.listVersions(
    session.emulator.store.all().find((s) => s.displayName === 'SQL Reviewer')!.id,
  )[1];
  await versionRows().nth(1).click({ button: 'right' });
  await page.locator('.monaco-menu .action-item', { hasText: 'Try in Claude…' }).first().hover();
  await page.keyboard.press('Enter');

  const quickInput = page.locator('.quick-input-widget');
  const models = quickInput.locator('.quick-input-list .monaco-list-row');
  await models.first().waitFor({ timeout: 30_000 });
  const offered = await models.allInnerTexts();
  assert.ok(!offered.some((m) => m.includes('Emulated Haiku 2')), 'a model without code execution is not offered');
  assert.ok(
    offered.some((m) => /Emulated Sonnet 1[\s\S]*deprecated/.test(m)),
    offered.join(' | '),
  );
  await models.filter({ hasText: 'Emulated Opus 2' }).click();

  await quickInput.filter({ hasText: 'prompt for "SQL Reviewer"' }).waitFor({ timeout: 15_000 });
  await quickInput.locator('input').fill('Review this migration.');
  await page.keyboard.press('Enter');

  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15_000 });
  assert.match(await dialog.innerText(), /billed to the API key in use \(…\w{4}\): up to 4096 output tokens/);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();

  const tab = page.locator('.tabs-container .tab', { hasText: 'sql-reviewer-try.md' });
  await tab.waitFor({ timeout: 30_000 });
  const lines = page
    .locator('.editor-instance .monaco-editor .view-lines')
    .filter({ hasText: 'Try in Claude: SQL Reviewer' });
  await lines
    .filter({ hasText: 'Produced: [summary.md](<files/summary.md>)' })
    .waitFor({ timeout: 30_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'failed-try.png') });
      throw err;
    });
  const top = (await lines.innerText()).replace(/\u00a0/g, ' '); // the editor renders spaces as no-break spaces
  assert.match(top, /Produced: \[summary\.md\]\(<files\/summary\.md>\)/);
  assert.ok(top.includes(older.id), 'the answer names the version mounted');
  // The footer, at the document's end.
  await lines.click();
  await page.keyboard.press('Control+End');
  const footer = page.locator('.editor-instance .monaco-editor .view-lines').filter({ hasText: 'Request ids:' });
  await footer.waitFor({ timeout: 15_000 });
  assert.match(
    (await footer.innerText()).replace(/\u00a0/g, ' '),
    new RegExp(`Skill version that ran:[\\s\\S]*${older.id}`),
  );
  // The Markdown preview, as a skill author would read the run.
  await withNotification(page, 'finished, 1 file', (done) =>
    done.getByRole('button', { name: 'Open Preview' }).click(),
  );
  await page.locator('.tabs-container .tab', { hasText: 'Preview sql-reviewer-try.md' }).waitFor({ timeout: 30_000 });
  // The screenshot is of the document: the toasts (the key check's among them) are hidden from it.
  await page.addStyleTag({ content: '.notifications-toasts { visibility: hidden !important; }' });
  await page.waitForTimeout(1500); // the preview's webview renders after its tab appears
  // The preview alone: the README ships in the VSIX, and the source beside it would double the picture.
  await page
    .locator('.part.editor .editor-group-container')
    .filter({ has: page.locator('.tab', { hasText: 'Preview sql-reviewer-try.md' }) })
    .screenshot({ path: join(screenshotDir, 'try-run.png') });
  assert.ok(
    session.emulator.log.some(
      (r) => r.method === 'GET' && r.path.startsWith('/v1/files/') && r.path.endsWith('/content'),
    ),
    'the produced file was fetched',
  );
});

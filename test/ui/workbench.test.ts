// The real workbench in Chromium with the built .vsix installed, against the demo's emulator.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  collapseView,
  openSkillsContainer,
  runFromPalette,
  setKeyFromWelcome,
  viewHeader,
  waitForCount,
  withNotification,
} from './helpers';
import { screenshotDir, uiSession } from './session';

const session = uiSession();
let page: Page;
before(async () => {
  await session.start();
  page = session.page;
});
after(() => session.stop());

test('the Claude Skills container is in the activity bar', async () => {
  await openSkillsContainer(page);
  // Two views: the published skills, and the skill folders of the workspace below them.
  await viewHeader(page, 'Skills').waitFor();
  await viewHeader(page, 'Workspace Skills').waitFor();
  await collapseView(page, 'Workspace Skills');
});

test('with no key, the view welcomes the user with a Set API Key button', async () => {
  const button = page.locator('.sidebar .welcome-view-content').getByRole('button', { name: 'Set API Key' });
  await button.waitFor({ timeout: 30_000 });
  await page.locator('.sidebar').screenshot({ path: join(screenshotDir, 'welcome.png') });
  await button.click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  assert.equal(await input.getAttribute('type'), 'password');
  await page.keyboard.press('Escape');
});

test('a newcomer sets the key from the welcome view, sees the skills and pages through 45 versions', async () => {
  await setKeyFromWelcome(page, session.apiKey);

  const rows = page.locator('.sidebar .monaco-list-row');
  const skill = rows.filter({ hasText: 'Release Notes Writer' });
  await skill.waitFor({ timeout: 30_000 });
  await rows.filter({ hasText: 'Anthropic' }).first().waitFor();
  await skill.click(); // a click expands a collapsible row

  // Version rows: labelled by their dates, in the locale ("Oct 3, 2026, 2:22 PM").
  const versions = rows.filter({ hasText: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}/ });
  const loadMore = rows.filter({ hasText: 'Load more…' });
  await waitForCount(versions, 20);
  await page.locator('.sidebar').screenshot({ path: join(screenshotDir, 'skills-tree.png') });

  // Every row must be rendered to be counted: the tree only renders what fits.
  await page.setViewportSize({ width: 1280, height: 1800 });
  await loadMore.click();
  await waitForCount(versions, 40);
  await loadMore.click();
  await waitForCount(versions, 45);
  await waitForCount(loadMore, 0);
  // Newest first, as the API lists them: the latest is the first row.
  await waitForCount(versions.filter({ hasText: 'latest' }), 1);
  assert.match(await versions.first().innerText(), /latest · /);
});

test('Filter Skills… narrows the view across pages, survives a reload of the window, and clears', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const rows = page.locator('.sidebar .monaco-list-row');
  // The fourth skill was created without a title: the API derived one from its name.
  const skillRows = rows.filter({ hasText: /Release Notes Writer|SQL Reviewer|Brand Voice|incident-timeline/ });
  await runFromPalette(page, 'Claude Skills: Filter Skills…');
  // The palette closes and the filter's own input box opens in the same widget: wait for the latter.
  const input = page.locator('.quick-input-widget input[placeholder^="e.g. pdf"]');
  await input.waitFor();
  await input.fill('sql');
  await page.keyboard.press('Enter');
  await waitForCount(skillRows, 1);
  await rows.filter({ hasText: 'SQL Reviewer' }).waitFor();

  // VS Code's own reload shuts the window down properly, so its state is saved first.
  await runFromPalette(page, 'Developer: Reload Window');
  await page.waitForEvent('load');
  // code-server's browser secret storage may or may not keep the key across a reload; the filter stays.
  const sqlReviewer = rows.filter({ hasText: 'SQL Reviewer' });
  const welcome = page.locator('.sidebar .welcome-view-content').getByRole('button', { name: 'Set API Key' });
  await openSkillsContainer(page);
  await sqlReviewer
    .or(welcome)
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'failed-after-reload.png') });
      throw err;
    });
  if (await welcome.isVisible()) await setKeyFromWelcome(page, session.apiKey).catch(() => undefined); // it may vanish as the key loads
  await sqlReviewer.waitFor({ timeout: 30_000 });
  await waitForCount(skillRows, 1);

  const filterMessage = page.locator('.sidebar').getByText('Showing the skills matching "sql".');
  await filterMessage.waitFor();
  await page.locator('.sidebar').screenshot({ path: join(screenshotDir, 'filter.png') });
  await page.locator('.sidebar .action-label[aria-label="Clear Filter"]').filter({ visible: true }).click();
  await waitForCount(skillRows, 4);
  await filterMessage.waitFor({ state: 'detached' });
});

test('a tree load that takes more than a moment shows a notification with Cancel; cancelled, its row retries', async () => {
  const rows = page.locator('.sidebar .monaco-list-row');
  const releaseNotes = rows.filter({ hasText: 'Release Notes Writer' });
  if ((await releaseNotes.getAttribute('aria-expanded')) === 'true') await releaseNotes.click();
  // The server holds the list of versions for two minutes.
  session.emulator.faults.push({ method: 'GET', path: /\/versions$/, latencyMs: 120_000 });
  await rows.filter({ hasText: 'SQL Reviewer' }).click();
  await withNotification(page, 'Loading the versions of SQL Reviewer…', (notification) =>
    notification.getByRole('button', { name: 'Cancel' }).click(),
  );
  const cancelled = rows.filter({ hasText: 'The request was cancelled.' });
  await cancelled.waitFor({ timeout: 15_000 });
  await cancelled.click(); // Retry
  await waitForCount(rows.filter({ hasText: 'latest · ' }), 1);
  await waitForCount(cancelled, 0);
});

const explorerRows = () => page.locator('.explorer-folders-view .monaco-list-row');

/** The Explorer's row of a folder under `skills/`, shown. */
async function skillFolderRow(folder: string): Promise<Locator> {
  // A click on the active container's icon would close the sidebar.
  if (!(await page.locator('.explorer-folders-view').isVisible()))
    await page.locator('.activitybar a.action-label[aria-label^="Explorer"]').click();
  const skills = explorerRows().filter({ hasText: /^skills$/ });
  await skills.waitFor({ timeout: 30_000 });
  if ((await skills.getAttribute('aria-expanded')) !== 'true') await skills.click();
  return explorerRows().filter({ hasText: new RegExp(`^${folder}$`) });
}

/** Right-clicks a folder under `skills/` in the Explorer and runs one of its context menu entries. */
async function runOnSkillFolder(folder: string, entry: string): Promise<void> {
  await (await skillFolderRow(folder)).click({ button: 'right' });
  // The menu acts on the item under the pointer when Enter is pressed; a synthetic click can arrive too soon.
  await page.locator('.monaco-menu .action-item', { hasText: entry }).first().hover();
  await page.keyboard.press('Enter');
}

test('Publish as New Version from the Explorer: confirm, and the tree shows the new version', async () => {
  await runOnSkillFolder('release-notes', 'Publish as New Version');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  assert.match(
    await dialog.innerText(),
    /Publish release-notes as a new version of "Release Notes Writer"\?[\s\S]*1 file/,
  );
  await dialog.screenshot({ path: join(screenshotDir, 'publish-confirm.png') });
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await withNotification(
    page,
    /Published release-notes as a new version of "Release Notes Writer" \([A-Z][a-z]{2} \d{1,2}, \d{4}/,
    (published) => published.getByRole('button', { name: 'Reveal' }).click(),
  );
  // The new version is listed at once, as the latest, even though the API's first page may not hold it.
  const published = page.locator('.sidebar .monaco-list-row[aria-selected="true"]', {
    hasText: /^[A-Z][a-z]{2} \d{1,2}, \d{4}.*latest · now$/,
  });
  await published.waitFor({ timeout: 15_000 }).catch(async (err: unknown) => {
    await page.screenshot({ path: join(screenshotDir, 'failed-reveal.png') });
    throw err;
  });
  await page.locator('.sidebar').screenshot({ path: join(screenshotDir, 'published.png') });
});

test('the Get Started walkthrough lists its five steps, and the key, folder and publish steps are done', async () => {
  await runFromPalette(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Claude Skills' }).click();
  const steps = page.locator('.gettingStartedContainer .getting-started-step');
  await waitForCount(steps, 5);
  const titles = await steps.locator('.step-title').allInnerTexts();
  assert.deepEqual(titles, [
    'Set your API key',
    'Open or create a skill folder',
    'Publish it',
    'Try it in Claude',
    'Add evals and run them',
  ]);
  // A step is done once what it asks happened: these three did above; no try or eval has run.
  const done = async () =>
    await steps.evaluateAll((nodes) => nodes.map((n) => n.querySelector('[data-done-step-id].complete') !== null));
  const deadline = Date.now() + 15_000;
  while ((await done()).slice(0, 3).includes(false) && Date.now() < deadline) await page.waitForTimeout(200);
  assert.deepEqual(await done(), [true, true, true, false, false]);
  await page.locator('.gettingStartedContainer').screenshot({ path: join(screenshotDir, 'walkthrough.png') });
  await page.keyboard.press('Control+W');
});

test('publishing a broken folder names the rule that fails and uploads nothing', async () => {
  await runOnSkillFolder('broken-skill', 'Publish as New Version');
  await withNotification(page, 'Cannot publish broken-skill', async (refusal) =>
    assert.match(await refusal.innerText(), /SKILL\.md:2: "name" may hold only lowercase letters, digits and hyphens/),
  );
  assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no confirmation: nothing to upload');
});

test("a folder with no matching skill picks its target, and one whose name is not the skill's is refused before upload", async () => {
  const before = session.emulator.log.length;
  await runOnSkillFolder('hello-world', 'Publish as New Version');
  const picks = page.locator('.quick-input-widget .monaco-list-row');
  await picks.filter({ hasText: 'Publish as New Skill…' }).waitFor({ timeout: 30_000 });
  await picks.filter({ hasText: 'SQL Reviewer' }).click();
  await withNotification(page, 'Cannot publish hello-world as a new version', async (refusal) => {
    assert.match(
      await refusal.innerText(),
      /"name" is "hello-world", but "SQL Reviewer" is the skill "sql-review", and a skill's name never changes/,
    );
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no confirmation: nothing is uploaded');
    assert.ok(!session.emulator.log.slice(before).some((r) => r.method === 'POST'), 'no upload');
    // The way out it offers: a new skill, whose title may be one another skill has (the modal says so).
    await refusal.getByRole('button', { name: 'Publish as New Skill…' }).click();
  });
  const title = page.locator('.quick-input-widget input');
  await title.waitFor({ timeout: 15_000 });
  await title.fill('SQL Reviewer');
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  assert.match(
    await dialog.innerText(),
    /Publish hello-world as a new skill, "SQL Reviewer"\?[\s\S]*Another skill of yours already has the title "SQL Reviewer"[\s\S]*Titles need not be unique/,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.ok(!session.emulator.log.slice(before).some((r) => r.method === 'POST'), 'still no upload');
});

test('unsaved changes in the folder are saved first when the user chooses Save All and Continue', async () => {
  const folder = await skillFolderRow('release-notes');
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  await explorerRows()
    .filter({ hasText: /^SKILL\.md$/ })
    .first()
    .click();
  const editor = page.locator('.editor-instance .monaco-editor .view-lines');
  await editor.waitFor({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nSaved before publishing.');
  await page
    .locator('.tabs-container .tab.dirty')
    .waitFor({ timeout: 15_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'failed-dirty.png') });
      throw err;
    });

  await page.locator('.editor-actions .action-label[aria-label^="Publish as New Version"]').click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  assert.match(await dialog.innerText(), /A file in release-notes has unsaved changes/);
  await dialog.getByRole('button', { name: 'Save All and Continue' }).click();
  // The publish itself is confirmed next, with the saved file counted; it is cancelled here.
  await dialog.filter({ hasText: 'Publish release-notes as a new version' }).waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await waitForCount(page.locator('.tabs-container .tab.dirty'), 0);
  assert.match(
    readFileSync(join(session.workspace, 'skills', 'release-notes', 'SKILL.md'), 'utf8'),
    /Saved before publishing\.\s*$/,
  );
});

test('Ctrl+. on a refused name offers the suggested slug and the folder rename; the slug clears the Problem', async () => {
  // Quick Open, as the palette without its ">": the file by its path.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('skills/broken-skill/SKILL.md');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'broken-skill' })
    .first()
    .click({ timeout: 15_000 });
  await page.locator('.tabs-container .tab.active', { hasText: 'SKILL.md' }).waitFor();
  await page.locator('.breadcrumbs-control', { hasText: 'broken-skill' }).waitFor({ timeout: 15_000 });
  const editor = page.locator('.editor-instance .monaco-editor');
  const squiggles = editor.locator('.squiggly-error');
  await squiggles
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'failed-quick-fix.png') });
      throw err;
    });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+.');
  // The Quick Fix menu (VS Code's action widget): its list, since the widget's own box may have no size.
  const menu = page.locator('.context-view .monaco-list', { hasText: 'Change "name" to "helper"' });
  await menu.waitFor({ timeout: 15_000 }).catch(async (err: unknown) => {
    await page.screenshot({ path: join(screenshotDir, 'failed-quick-fix.png') });
    throw err;
  });
  const offered = await menu.innerText();
  assert.match(offered, /Change "name" to "helper"/);
  assert.match(offered, /rename the folder to match/);
  const lines = offered.split('\n').map((line) => line.trim());
  assert.equal(lines.filter((line) => line === 'Change "name" to "helper"').length, 1, 'two findings, one action');
  const from = (await editor.boundingBox())!;
  const to = (await menu.boundingBox())!;
  await page.screenshot({
    path: join(screenshotDir, 'quick-fix.png'),
    clip: {
      x: from.x,
      y: from.y,
      width: Math.min(to.x + to.width - from.x + 8, 640),
      height: to.y + to.height - from.y + 8,
    },
  });
  await page.keyboard.press('Enter');
  await editor.locator('.view-lines').filter({ hasText: 'name: helper' }).waitFor({ timeout: 15_000 });
  await waitForCount(squiggles, 0, 30_000);
  await page.keyboard.press('Control+Z');
});

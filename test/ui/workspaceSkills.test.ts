// The Workspace Skills view in the real workbench: a folder published from its row is in sync; a saved edit
// makes it modified, with the Explorer's M badge; publishing it again from the row brings it back in sync.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { collapseView, openSkillsContainer, setKeyFromWelcome, viewHeader, withNotification } from './helpers';
import { screenshotDir, uiSession } from './session';

const session = uiSession();
let page: Page;
before(async () => {
  await session.start();
  page = session.page;
});
after(() => session.stop());

const row = () => page.locator('.sidebar .monaco-list-row').filter({ hasText: /^release-notes/ });

/** Publishes from the row's inline action, confirming the modal. */
async function publishFromRow(): Promise<void> {
  await row().hover();
  await row().locator('.action-label[aria-label="Publish as New Version"]').click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await withNotification(page, 'Published release-notes');
}

/** The badge letter the Explorer shows on skills/release-notes (file decorations draw it in ::after). */
async function explorerBadge(): Promise<string> {
  await page.locator('.activitybar a.action-label[aria-label^="Explorer"]').click();
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  const skills = rows.filter({ hasText: /^skills$/ });
  await skills.waitFor({ timeout: 30_000 });
  if ((await skills.getAttribute('aria-expanded')) !== 'true') await skills.click();
  const folder = rows.filter({ hasText: /^release-notes/ });
  await folder.waitFor();
  // Runs in the page, where getComputedStyle exists; the tests' types know no DOM.
  type Styled = { querySelectorAll(selector: string): Iterable<unknown> };
  const badges = await folder.evaluate((el: Styled) =>
    [el, ...el.querySelectorAll('*')]
      .map(
        (node) =>
          (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(
            node,
            '::after',
          ).content,
      )
      .filter((content) => content && content !== 'none' && content !== 'normal'),
  );
  await openSkillsContainer(page);
  return badges.join(' ');
}

test('a saved edit shows as modified, with the Explorer badge, until the row publishes it again', async () => {
  await openSkillsContainer(page);
  await setKeyFromWelcome(page, session.apiKey);
  await collapseView(page, 'Skills');
  await viewHeader(page, 'Workspace Skills').waitFor();
  // Never published from this workspace, but a skill of that name exists: its target until a publish.
  await row()
    .filter({ hasText: 'matches "Release Notes Writer" by name, not checked here' })
    .waitFor({ timeout: 30_000 });

  await publishFromRow();
  await new Promise((r) => setTimeout(r, 8000));
  await row().filter({ hasText: 'in sync with "Release Notes Writer"' }).waitFor({ timeout: 30_000 });

  // Open SKILL.md with a click on the row, type, save.
  await row().click();
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nOne more line.\n');
  await page.keyboard.press('Control+S');
  await row().filter({ hasText: 'modified since published: 1 file' }).waitFor({ timeout: 30_000 });
  // The pointer away (a hovered row shows its actions over its state), and the view's rows alone.
  await editor.click();
  await page.mouse.move(900, 600);
  const sidebar = (await page.locator('.sidebar').boundingBox())!;
  await page.screenshot({
    path: join(screenshotDir, 'workspace-skills.png'),
    clip: { x: sidebar.x, y: sidebar.y, width: sidebar.width, height: 160 },
  });
  assert.match(await explorerBadge(), /"M"/);

  await publishFromRow();
  await row().filter({ hasText: 'in sync with "Release Notes Writer"' }).waitFor({ timeout: 30_000 });
  assert.doesNotMatch(await explorerBadge(), /"M"/);

  // The row's menu reveals the folder in the Explorer, selected.
  await row().click({ button: 'right' });
  await page.locator('.monaco-menu .action-item', { hasText: 'Reveal in Explorer' }).first().hover();
  await page.keyboard.press('Enter');
  await page
    .locator('.explorer-folders-view .monaco-list-row[aria-selected="true"]')
    .filter({ hasText: /^release-notes/ })
    .waitFor({ timeout: 15_000 });
});

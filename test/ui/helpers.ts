// Steps the UI tests share, on the workbench's own DOM.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { screenshotDir } from './session';

/** Waits until `locator` matches exactly `count` elements, and says how many it saw if it never does. */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await locator.count();
  }
  assert.equal(seen, count);
}

export async function setKeyFromWelcome(page: Page, apiKey: string): Promise<void> {
  // A loaded machine can take long to start the extension host: wait for it, and leave a picture if not.
  await page
    .locator('.sidebar .welcome-view-content')
    .getByRole('button', { name: 'Set API Key' })
    .click({ timeout: 90_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'failed-welcome.png') });
      throw err;
    });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(apiKey);
  await page.keyboard.press('Enter');
}

export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** Opens the Claude Skills container, unless it is open: a click on the active one would close it. */
export async function showSkillsView(page: Page): Promise<void> {
  const container = page.locator('.activitybar a.action-label[aria-label^="Claude Skills"]');
  await container.waitFor({ timeout: 30_000 });
  if (!(await page.locator('.sidebar .composite.title', { hasText: 'Claude Skills' }).isVisible()))
    await container.click();
  await collapseView(page, 'Workspace Skills');
}

/** The header of a view of the side bar, by its name. */
export function viewHeader(page: Page, name: string): Locator {
  return page
    .locator('.sidebar .pane-header')
    .filter({ has: page.locator('h3.title', { hasText: new RegExp(`^${name}$`, 'i') }) });
}

/**
 * Collapses a view of the container, so that the others get its height: the tree renders only the rows
 * that fit, and a test that counts rows must see them all.
 */
export async function collapseView(page: Page, name: string): Promise<void> {
  const header = viewHeader(page, name);
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

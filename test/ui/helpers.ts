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

/** True when `locator` shows within `timeoutMs`. */
function shows(locator: Locator, timeoutMs: number): Promise<boolean> {
  return locator.waitFor({ timeout: timeoutMs }).then(
    () => true,
    () => false,
  );
}

/**
 * Waits for the notification holding `text` and hands it to `use`. VS Code toasts at most 3 notifications in
 * 800 ms and lists the others in its notification center alone: a toast that has not shown after a few
 * seconds is looked for there too. A center opened here is hidden again after `use`.
 */
export async function withNotification(
  page: Page,
  text: string | RegExp,
  use: (notification: Locator) => Promise<void> = async () => {},
  timeoutMs = 30_000,
): Promise<void> {
  const toasts = page.locator('.notifications-toasts .notification-toast', { hasText: text });
  const toastWaitMs = Math.min(5_000, timeoutMs);
  if (await shows(toasts.first(), toastWaitMs)) return use(toasts.first());
  const center = page.locator('.notifications-center.visible');
  const bell = page.locator('.statusbar [id="status.notifications"]');
  const opened = !(await center.isVisible());
  // The center takes the focus, and gives it to the editor when hidden: the view that had it gets it back,
  // since a view shows its title actions (Collapse All, …) only while focused or hovered.
  type Focusable = { focus(): void } | null;
  type InPage = { document: { activeElement: Focusable }; focusBeforeCenter?: Focusable };
  if (opened) {
    await page.evaluate(() => {
      const g = globalThis as unknown as InPage;
      g.focusBeforeCenter = g.document.activeElement;
    });
    await bell.click();
  }
  const listed = page.locator('.notifications-center .monaco-list-row', { hasText: text }).first();
  // While the center shows, new notifications are listed in it rather than toasted.
  const either = toasts.or(listed).first();
  if (!(await shows(either, timeoutMs - toastWaitMs))) {
    const seen = await page.locator('.notifications-toasts, .notifications-center').allInnerTexts();
    await page.screenshot({ path: join(screenshotDir, 'failed-notification.png') });
    assert.fail(`No notification holds ${String(text)}; the notifications said: ${JSON.stringify(seen)}`);
  }
  try {
    // A listed notification shows its buttons only when expanded.
    const expand = listed.getByRole('button', { name: /^Expand Notification/ });
    if (await expand.isVisible()) await expand.click();
    await use(either);
  } finally {
    if (opened && (await center.isVisible())) await bell.click();
    if (opened) await page.evaluate(() => (globalThis as unknown as InPage).focusBeforeCenter?.focus());
  }
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

/**
 * Opens the Claude Skills container, unless it is open. A click on the active container's icon closes it,
 * and a workbench that is starting may restore its side bar just before a click: so it looks again after
 * each click.
 */
export async function openSkillsContainer(page: Page): Promise<void> {
  const icon = page.locator('.activitybar a.action-label[aria-label^="Claude Skills"]');
  await icon.waitFor({ timeout: 60_000 });
  const title = page.locator('.sidebar .composite.title', { hasText: 'Claude Skills' });
  for (let click = 0; click < 5 && !(await shows(title, 2_000)); click++) await icon.click();
  await title.waitFor({ timeout: 5_000 });
}

/** The Skills view, with Workspace Skills collapsed below it. */
export async function showSkillsView(page: Page): Promise<void> {
  await openSkillsContainer(page);
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

// Deleting versions and skills, and restoring a version, through the tree's context menus, with the modals answered
// as a user would.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from '../support/vscodeServer';
import { runFromPalette, setKeyFromWelcome, showSkillsView, waitForCount, withNotification } from './helpers';
import { screenshotDir, uiSession } from './session';

const session = uiSession({ scenario: join(repoRoot, 'test', 'emulator', 'scenarios', 'delete.json') });
let page: Page;
const rows = () => page.locator('.sidebar .monaco-list-row');
const skillRow = (title: string) => rows().filter({ hasText: new RegExp(`^${title}`) });
/** The version rows shown, labelled by their dates: only one skill is expanded at a time here. */
const versionRows = () => rows().filter({ hasText: /^[A-Z][a-z]{2} \d{1,2}, \d{4}/ });
/** A skill's version ids as the API lists them (newest first): the rows' order. */
const listedIds = (id: string) => session.emulator.store.listVersions(id).map((v) => v.id);
const dialog = () => page.locator('.monaco-dialog-box');
const deletes = () => session.emulator.log.filter((r) => r.method === 'DELETE');
const stored = (id: string) => session.emulator.store.all().find((s) => s.id === id);

before(async () => {
  await session.start();
  page = session.page;
  await page.setViewportSize({ width: 1280, height: 1000 });
  await showSkillsView(page);
  await setKeyFromWelcome(page, session.apiKey);
  await skillRow('Small').waitFor({ timeout: 30_000 });
});

after(() => session.stop());

beforeEach(async () => {
  session.emulator.faults.length = 0;
  session.emulator.latencyMs = 0;
  await page.locator('.sidebar .action-label[aria-label="Collapse All"]').filter({ visible: true }).click();
  session.emulator.resetLog();
});

/** Right-clicks `row` and runs its context menu entry `entry`. */
async function runFromContextMenu(row: Locator, entry: string): Promise<void> {
  await row.click({ button: 'right' });
  // The menu acts on the item under the pointer when Enter is pressed; a synthetic click can arrive too soon.
  await page.locator('.monaco-menu .action-item', { hasText: entry }).first().hover();
  await page.keyboard.press('Enter');
}

async function expand(title: string, versions: number): Promise<void> {
  await skillRow(title).click();
  await waitForCount(versionRows(), versions);
}

test('right-click a version, Delete Version, confirm: the row is gone and the next version is the latest', async () => {
  await expand('Small', 3);
  const [latestId, nextId] = listedIds('skill_small');
  const latest = versionRows().filter({ hasText: 'latest' });
  const label = (await latest.locator('.label-name').innerText()).trim();
  await runFromContextMenu(latest, 'Delete Version');
  await dialog().waitFor({ timeout: 15_000 });
  const text = await dialog().innerText();
  assert.ok(text.includes(`Delete the version of "Small" from ${label.replace(/\s*[AP]M$/, '')}`), text);
  assert.match(text, new RegExp(`${latestId}[\\s\\S]*It is the latest version[\\s\\S]*This cannot be undone\\.`));
  await page.locator('.monaco-dialog-box').screenshot({ path: join(screenshotDir, 'delete-version.png') });
  await dialog().getByRole('button', { name: 'Delete', exact: true }).click();
  await waitForCount(versionRows(), 2);
  await waitForCount(versionRows().filter({ hasText: 'latest' }), 1);
  assert.deepEqual(listedIds('skill_small')[0], nextId);
  // Before the modal, one list request asked whether the version was the skill's only one. Then one DELETE,
  // and the skill read again for its new latest version: no list is reloaded.
  const log = session.emulator.log.map((r) => `${r.method} ${r.path}${r.query.limit ? ` limit=${r.query.limit}` : ''}`);
  assert.deepEqual(log.slice(log.indexOf('GET /v1/skills/skill_small/versions limit=2')), [
    'GET /v1/skills/skill_small/versions limit=2',
    `DELETE /v1/skills/skill_small/versions/${latestId}`,
    'GET /v1/skills/skill_small',
  ]);
});

test("a skill's only version is not deleted: the modal says why and offers Delete Skill… instead", async () => {
  await expand('Single', 1);
  await runFromContextMenu(versionRows().first(), 'Delete Version');
  const refusal = dialog().filter({
    hasText: 'This is the only version of "Single": a skill keeps at least one version.',
  });
  await refusal.waitFor({ timeout: 15_000 });
  assert.equal(deletes().length, 0, 'nothing is sent for the version');
  await dialog().getByRole('button', { name: 'Delete Skill…', exact: true }).click();
  await dialog().filter({ hasText: 'Delete "Single" and its 1 version?' }).waitFor({ timeout: 15_000 });
  await dialog().getByRole('button', { name: 'Delete', exact: true }).click();
  await skillRow('Single').waitFor({ state: 'detached', timeout: 15_000 });
  assert.equal(stored('skill_single'), undefined);
  assert.deepEqual(
    deletes().map((r) => r.path),
    ['/v1/skills/skill_single'],
  );
});

test('a selection holding every version of a skill deletes nothing, and says so', async () => {
  await expand('Pair', 2);
  await versionRows().nth(0).click();
  await versionRows()
    .nth(1)
    .click({ modifiers: ['Control'] });
  await runFromContextMenu(versionRows().nth(1), 'Delete Version');
  await dialog()
    .filter({ hasText: 'These are all the versions of "Pair": a skill keeps at least one version.' })
    .waitFor({ timeout: 15_000 });
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
  assert.equal(deletes().length, 0);
  assert.equal(stored('skill_pair')!.versions.length, 2);
});

test('several selected versions go in one confirmed action, and a failure among them is reported', async () => {
  await expand('Flaky', 5);
  const failing = listedIds('skill_flaky')[2];
  session.emulator.faults.push({
    method: 'DELETE',
    path: `/v1/skills/skill_flaky/versions/${failing}`,
    status: 500,
    times: 3,
  });
  const chosen = [1, 2, 3].map((i) => versionRows().nth(i));
  await chosen[0].click();
  await chosen[1].click({ modifiers: ['Control'] });
  await chosen[2].click({ modifiers: ['Control'] });
  await runFromContextMenu(chosen[2], 'Delete Version');
  await dialog().waitFor({ timeout: 15_000 });
  assert.match(await dialog().innerText(), /Delete 3 versions of "Flaky"\?/);
  await dialog().getByRole('button', { name: 'Delete', exact: true }).click();
  await withNotification(page, 'Deleting versions of "Flaky"', async (warning) =>
    assert.match(
      await warning.innerText(),
      new RegExp(`deleted 2 of 3 versions; 1 failed \\(${failing}: Injected HTTP 500\\.\\)`),
    ),
  );
  // The tree shows what the server has: the two left alone and the one that failed.
  await waitForCount(versionRows(), 3);
  assert.equal(stored('skill_flaky')!.versions.length, 3);
});

test('Delete Skill… on 45 versions: counted in one request, the title typed, then one DELETE', async () => {
  await runFromContextMenu(skillRow('Big Skill'), 'Delete Skill…');
  await dialog().waitFor({ timeout: 15_000 });
  assert.match(
    await dialog().innerText(),
    /Delete "Big Skill" and its 45 versions\?[\s\S]*Its 45 versions go with it\.[\s\S]*type the skill's title/,
  );
  await dialog().getByRole('button', { name: 'Delete', exact: true }).click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill('Big');
  await page.locator('.quick-input-widget', { hasText: 'Type "Big Skill" exactly' }).waitFor();
  await input.fill('Big Skill');
  await page.keyboard.press('Enter');
  await withNotification(page, 'Deleted "Big Skill" and its 45 versions.');
  await skillRow('Big Skill').waitFor({ state: 'detached' });
  assert.deepEqual(
    session.emulator.log.filter((r) => r.path.startsWith('/v1/skills/skill_big')).map((r) => `${r.method} ${r.path}`),
    ['GET /v1/skills/skill_big/versions', 'DELETE /v1/skills/skill_big'],
  );
  assert.equal(session.emulator.log.find((r) => r.method === 'GET')!.query.limit, '1000');
  assert.equal(stored('skill_big'), undefined);
});

test('a Delete Skill… that fails keeps the skill, and says why', async () => {
  session.emulator.faults.push({ method: 'DELETE', path: '/v1/skills/skill_stuck', status: 500, times: 3 });
  await runFromContextMenu(skillRow('Stuck'), 'Delete Skill…');
  await dialog().getByRole('button', { name: 'Delete', exact: true }).click({ timeout: 15_000 });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill('Stuck');
  await page.keyboard.press('Enter');
  await withNotification(page, '"Stuck" was not deleted', async (summary) =>
    assert.match(await summary.innerText(), /"Stuck" was not deleted: Injected HTTP 500\./),
  );
  assert.equal(stored('skill_stuck')!.versions.length, 12);
  await skillRow('Stuck').waitFor();
});

/** The entries of `row`'s context menu, which is closed again. */
async function contextMenuEntries(row: Locator): Promise<string[]> {
  await row.click({ button: 'right' });
  const menu = page.locator('.monaco-menu');
  await menu.waitFor();
  const entries = await menu.locator('.action-item').allInnerTexts();
  await page.keyboard.press('Escape');
  return entries;
}

test("an Anthropic skill's context menu, and its versions', offer neither delete nor publish", async () => {
  await skillRow('Anthropic').click(); // Collapse All folded the group
  const onSkill = await contextMenuEntries(skillRow('pdf'));
  await skillRow('pdf').click();
  const onVersion = await contextMenuEntries(versionRows().first());
  for (const entries of [onSkill, onVersion]) {
    assert.ok(
      entries.some((e) => /Copy ID/.test(e)),
      entries.join(' | '),
    );
    assert.ok(!entries.some((e) => /Delete|Publish/.test(e)), entries.join(' | '));
  }
  const onCustom = await contextMenuEntries(skillRow('Small'));
  assert.ok(
    onCustom.some((e) => /Delete Skill…/.test(e)) && onCustom.some((e) => /Publish as New Version/.test(e)),
    onCustom.join(' | '),
  );
});

test('Delete Version from the palette picks among your own skills, then a version, and asks before deleting', async () => {
  await runFromPalette(page, 'Claude Skills: Delete Version');
  const picks = page.locator('.quick-input-widget .monaco-list-row');
  await picks.filter({ hasText: 'Small' }).waitFor({ timeout: 15_000 });
  assert.ok(!(await picks.allInnerTexts()).some((text) => /^pdf/.test(text)), "Anthropic's skills are not offered");
  await picks.filter({ hasText: 'Small' }).click();
  const latest = picks.filter({ hasText: 'latest' });
  await latest.waitFor({ timeout: 15_000 });
  assert.match(await latest.innerText(), /^[A-Z][a-z]{2} \d{1,2}, \d{4}/, 'a version reads as its date');
  await latest.click();
  await dialog().waitFor({ timeout: 15_000 });
  assert.match(await dialog().innerText(), /Delete the version of "Small" from /);
  assert.ok((await dialog().innerText()).includes(listedIds('skill_small')[0]));
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
  assert.equal(deletes().length, 0);
});

test('Restore as New Version publishes an older version again as the newest, after its modal', async () => {
  const before = listedIds('skill_small');
  await expand('Small', before.length);
  const oldestId = before[before.length - 1];
  await runFromContextMenu(versionRows().last(), 'Restore as New Version');
  await dialog().waitFor({ timeout: 15_000 });
  assert.match(await dialog().innerText(), /Publish the files of "Small" as of .+ again, as the newest version\?/);
  await dialog().getByRole('button', { name: 'Restore', exact: true }).click();
  await withNotification(page, /Restored "Small" as of/);
  const after = listedIds('skill_small');
  assert.equal(after.length, before.length + 1);
  const files = (id: string) =>
    session.emulator.store
      .listVersions('skill_small')
      .find((v) => v.id === id)!
      .files.map((f) => `${f.path}:${f.data.toString('base64')}`)
      .sort();
  assert.deepEqual(files(after[0]), files(oldestId), "the newest holds the oldest's files");
  await waitForCount(versionRows(), before.length + 1);
  await waitForCount(versionRows().filter({ hasText: 'latest' }), 1);
});

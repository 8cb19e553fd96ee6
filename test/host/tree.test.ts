import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaudeSkillsExports } from '../../src/extension';
import type { LoadMoreNode, MessageNode, SkillNode, SkillsTreeNode, VersionNode } from '../../src/tree/nodes';
import { seed } from '../emulator/scenario';
import { startEmulator, type SkillsEmulator } from '../emulator/server';
import { SkillStore } from '../emulator/store';

const KEY = 'sk-ant-tree-test-5678';

const customSkills = Array.from({ length: 26 }, (_, i) => ({
  name: `skill-${String(i + 1).padStart(2, '0')}`,
  display_title: i === 24 ? null : `Skill ${i + 1}`, // a recent one, on the first page
  description: `Skill ${i + 1}.`,
}));
const manyVersions = {
  name: 'many-versions',
  display_title: 'Many Versions',
  description: 'Forty-five of them.',
  versionCount: 45,
  daysAgo: 0.5,
};
const anthropicSkills = ['pdf', 'xlsx'].map((id) => ({
  id,
  source: 'anthropic' as const,
  display_title: id,
  name: id,
  description: `${id} skill.`,
  versions: [{ version: '20251013' }],
  daysAgo: 90,
}));

describe('the Skills tree against the emulator', () => {
  let exports: ClaudeSkillsExports;
  let emulator: SkillsEmulator;
  const requests = (path?: RegExp) => emulator.log.filter((r) => !path || path.test(r.path));

  before(async () => {
    exports = (await vscode.extensions.getExtension<ClaudeSkillsExports>('claude-skills.claude-skills')!.activate())!;
    const store = new SkillStore();
    seed(store, { skills: [...customSkills, manyVersions, ...anthropicSkills] });
    emulator = await startEmulator({ apiKeys: [KEY], store });
    await vscode.workspace
      .getConfiguration('claudeSkills')
      .update('apiBaseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    // The view, if visible, would load lists too; the log must hold this suite's requests alone.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await exports.keyStore.store(KEY);
    await new Promise((r) => setTimeout(r, 300)); // let the key and settings events settle
  });

  beforeEach(async () => {
    emulator.faults.length = 0;
    await exports.view.setFilter(undefined);
    await exports.tree.refresh();
    emulator.resetLog();
  });

  after(async () => {
    await exports.keyStore.clear();
    await vscode.workspace
      .getConfiguration('claudeSkills')
      .update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await emulator.close();
  });

  const children = (node?: SkillsTreeNode) => exports.tree.getChildren(node);
  // The extension runs its own bundled classes, so nodes are told apart by kind, not instanceof.
  const isSkill = (n: SkillsTreeNode): n is SkillNode => n.kind === 'skill';
  const isVersion = (n: SkillsTreeNode): n is VersionNode => n.kind === 'version';
  const isLoadMore = (n: SkillsTreeNode): n is LoadMoreNode => n.kind === 'loadMore';
  const isMessage = (n: SkillsTreeNode): n is MessageNode => n.kind === 'message';
  const label = (node: SkillsTreeNode) => String(node.toTreeItem().label);

  it('lists one page of custom skills, Load more…, then the Anthropic group, with one request', async () => {
    const root = await children();
    assert.equal(root.filter(isSkill).length, 20);
    assert.ok(isLoadMore(root[20]));
    assert.equal(root[21].kind, 'group');
    assert.equal(root.length, 22);
    assert.deepEqual(
      requests().map((r) => [r.path, r.query.source, r.query.limit]),
      [['/v1/skills', 'custom', '20']],
    );
  });

  it('titles a skill by display_title, else by id, and says how old it is', async () => {
    const root = (await children()).filter(isSkill);
    const untitled = root.find((n) => n.skill.displayTitle === null)!;
    assert.equal(label(untitled), untitled.skill.id);
    const item = root[0].toTreeItem();
    assert.match(String(item.description), /ago|yesterday|now/);
  });

  it('Load more… loads the next page in place, once even when clicked twice', async () => {
    const more = (await children())[20] as LoadMoreNode;
    await Promise.all([
      vscode.commands.executeCommand('claudeSkills.loadMore', more),
      vscode.commands.executeCommand('claudeSkills.loadMore', more),
    ]);
    const root = await children();
    assert.equal(root.filter(isSkill).length, 27);
    assert.ok(!root.some(isLoadMore));
    const custom = requests(/^\/v1\/skills$/).filter((r) => r.query.source === 'custom');
    assert.equal(custom.length, 2);
    assert.ok(custom[1].query.page);
  });

  it('the Anthropic group pages its own list', async () => {
    const group = (await children()).find((n) => n.kind === 'group')!;
    const skills = await children(group);
    assert.deepEqual(skills.map(label).sort(), ['pdf', 'xlsx']);
    assert.deepEqual(
      requests().map((r) => r.query.source),
      ['custom', 'anthropic'],
    );
  });

  it('expanding a skill is one request; its 45 versions come 20 at a time, newest first, latest marked', async () => {
    const more = (await children())[20] as LoadMoreNode;
    await exports.tree.loadMore(more);
    const skill = (await children()).find(
      (n): n is SkillNode => isSkill(n) && n.skill.displayTitle === 'Many Versions',
    )!;
    assert.equal(requests(/versions/).length, 0, 'no version is requested before a skill is expanded');

    let versions = await children(skill);
    assert.equal(versions.filter(isVersion).length, 20);
    assert.ok(isLoadMore(versions[20]));
    assert.equal(requests(/versions/).length, 1);

    await exports.tree.loadMore(versions[20] as LoadMoreNode);
    versions = await children(skill);
    await exports.tree.loadMore(versions[40] as LoadMoreNode);
    versions = await children(skill);
    const versionNodes = versions.filter(isVersion);
    assert.equal(versionNodes.length, 45);
    assert.equal(versions.length, 45, 'no Load more… after the last page');
    const strings = versionNodes.map((n) => n.version.version);
    assert.deepEqual(
      strings,
      [...strings].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1)),
    );
    assert.equal(versionNodes[0].isLatest, true);
    assert.equal(versionNodes[0].version.version, skill.skill.latestVersion);
    assert.match(String(versionNodes[0].toTreeItem().description), /^latest/);
    assert.equal(versionNodes.filter((n) => n.isLatest).length, 1);

    const versionRequests = requests(/versions/);
    assert.equal(versionRequests.length, 3);
    assert.equal(new Set(versionRequests.map((r) => r.query.page ?? '')).size, 3, 'no page is requested twice');
    assert.ok(versionRequests.every((r) => r.path === `/v1/skills/${skill.skill.id}/versions`));
  });

  it('a refresh of one skill refetches that skill alone', async () => {
    const skill = (await children()).find(isSkill)!;
    await children(skill);
    emulator.resetLog();
    await vscode.commands.executeCommand('claudeSkills.refresh', skill);
    await children(skill);
    assert.deepEqual(
      requests().map((r) => r.path),
      [`/v1/skills/${skill.skill.id}`, `/v1/skills/${skill.skill.id}/versions`],
    );
  });

  it('an error is a node with the message and request id, and Retry loads again', async () => {
    emulator.faults.push({ path: '/v1/skills', status: 500, times: 3, message: 'The emulator is down.' });
    const root = await children();
    const error = root.find(isMessage)!;
    assert.equal(error.variant, 'error');
    assert.match(error.text, /The emulator is down\. \(request req_\w+\)/);
    const item = error.toTreeItem();
    assert.equal(item.command?.command, 'claudeSkills.loadMore');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.equal((await children()).filter(isSkill).length, 20);
  });

  it('a refused key is a node that offers Set API Key', async () => {
    emulator.apiKeys.delete(KEY);
    try {
      await exports.tree.refresh();
      const [first] = await children();
      assert.ok(isMessage(first));
      assert.equal(first.variant, 'auth');
      assert.equal(first.toTreeItem().command?.command, 'claudeSkills.setApiKey');
    } finally {
      emulator.apiKeys.add(KEY);
    }
  });

  it('with no key at all the root is empty, so the welcome shows', async () => {
    await exports.keyStore.clear();
    try {
      assert.deepEqual(await children(), []);
      assert.equal(emulator.log.length, 0);
    } finally {
      await exports.keyStore.store(KEY);
    }
  });

  it('Filter Skills… loads every page with limit=100 and shows matches from all of them', async () => {
    await children(); // the first page, at page size 20
    await vscode.commands.executeCommand('claudeSkills.filter', 'skill 2');
    const root = await children();
    // "Skill 2", "Skill 20"–"Skill 26" (Skill 25 has no display title, so only its id could match)
    assert.deepEqual(root.filter(isSkill).map(label).sort(), [
      'Skill 2',
      'Skill 20',
      'Skill 21',
      'Skill 22',
      'Skill 23',
      'Skill 24',
      'Skill 26',
    ]);
    assert.ok(!root.some(isLoadMore), 'a filtered list has loaded everything');
    // Both lists load at once, so their requests may come in either order.
    assert.deepEqual(
      requests(/^\/v1\/skills$/)
        .map((r) => `${r.query.source} ${r.query.limit} ${r.query.page ? 'next' : 'first'}`)
        .sort(),
      ['anthropic 100 first', 'custom 100 next', 'custom 20 first'],
    );
    const group = root.find((n) => n.kind === 'group')!;
    const [none] = await children(group);
    assert.ok(isMessage(none));
    assert.equal(none.text, 'No skills match "skill 2".');
    assert.match(String(exports.view.treeView.description), /filter: "skill 2"/);
  });

  it('the filter matches by id, and by a version name only once that version was fetched', async () => {
    const many = (await children()).filter(isSkill).find((n) => n.skill.displayTitle === 'Many Versions')!;
    await exports.view.setFilter('many-versions'); // the frontmatter name, not the title
    assert.equal((await children()).filter(isSkill).length, 0);
    await children(many);
    await exports.tree.refresh(many); // re-render; the loaded version names are kept until reloaded
    await children(many);
    assert.deepEqual(
      (await children()).filter(isSkill).map((n) => n.skill.id),
      [many.skill.id],
    );
    await exports.view.setFilter(many.skill.id.slice(-6).toUpperCase());
    assert.deepEqual(
      (await children()).filter(isSkill).map((n) => n.skill.id),
      [many.skill.id],
    );
  });

  it('Clear Filter shows every skill again, without loading them again', async () => {
    await vscode.commands.executeCommand('claudeSkills.filter', 'pdf');
    assert.equal((await children()).filter(isSkill).length, 0);
    emulator.resetLog();
    await vscode.commands.executeCommand('claudeSkills.clearFilter');
    assert.equal((await children()).filter(isSkill).length, 27);
    assert.equal(exports.tree.filter, undefined);
    assert.doesNotMatch(String(exports.view.treeView.description ?? ''), /filter/);
    assert.deepEqual(
      emulator.log.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`),
      [],
    );
  });

  it('a filter whose pages fail to load is not applied, and says why', async () => {
    // More than the client's retries of both lists (custom and Anthropic) can use up.
    emulator.faults.push({ path: '/v1/skills', status: 500, times: 20, message: 'No more pages today.' });
    await vscode.commands.executeCommand('claudeSkills.filter', 'skill');
    assert.equal(exports.tree.filter, undefined);
  });

  it('Copy ID and Copy Messages API Snippet copy what the API and container.skills take', async () => {
    const skill = (await children()).find(isSkill)!;
    const [version] = (await children(skill)).filter(isVersion);
    await vscode.commands.executeCommand('claudeSkills.copyId', skill);
    assert.equal(await vscode.env.clipboard.readText(), skill.skill.id);
    await vscode.commands.executeCommand('claudeSkills.copyId', version);
    assert.equal(await vscode.env.clipboard.readText(), version.version.version);
    await vscode.commands.executeCommand('claudeSkills.copyMessagesSnippet', skill);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      type: 'custom',
      skill_id: skill.skill.id,
      version: 'latest',
    });
    await vscode.commands.executeCommand('claudeSkills.copyMessagesSnippet', version);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      type: 'custom',
      skill_id: skill.skill.id,
      version: version.version.version,
    });
    const group = (await children()).find((n) => n.kind === 'group')!;
    const pdf = (await children(group)).find(isSkill)!;
    await vscode.commands.executeCommand('claudeSkills.copyMessagesSnippet', pdf);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      type: 'anthropic',
      skill_id: pdf.skill.id,
      version: 'latest',
    });
  });

  it("a skill's tooltip fetches its latest version once, on hover, and caches it", async () => {
    const skill = (await children()).filter(isSkill).find((n) => n.skill.displayTitle === 'Skill 24')!;
    emulator.resetLog();
    const hover = async () => {
      const item = await exports.tree.resolveTreeItem(skill.toTreeItem(), skill);
      return (item.tooltip as vscode.MarkdownString).value;
    };
    const first = await hover();
    const second = await hover();
    assert.equal(first, second);
    assert.match(first, new RegExp(skill.skill.id));
    assert.match(first, /skill-24/, "the latest version's name");
    assert.deepEqual(
      requests().map((r) => r.path),
      [`/v1/skills/${skill.skill.id}/versions/${skill.skill.latestVersion}`],
    );
  });
});

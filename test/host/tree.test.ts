import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds, ContextValues, InternalCommandIds, SettingIds, WorkbenchCommands } from '../../src/constants';
import type { LoadMoreNode, MessageNode, SkillNode, SkillsTreeNode, VersionNode } from '../../src/tree/nodes';
import { updateSetting, useHostSuite } from './hostSuite';

const KEY = 'sk-ant-tree-test-5678';

const customSkills = Array.from({ length: 26 }, (_, i) => ({
  name: `skill-${String(i + 1).padStart(2, '0')}`,
  display_name: i === 24 ? null : `Skill ${i + 1}`, // a recent one, on the first page
  description: `Skill ${i + 1}.`,
}));
const manyVersions = {
  name: 'many-versions',
  display_name: 'Many Versions',
  description: 'Forty-five of them.',
  versionCount: 45,
  daysAgo: 0.5,
};
const anthropicSkills = ['pdf', 'xlsx'].map((id) => ({
  id,
  source: 'anthropic' as const,
  display_name: id,
  name: id,
  description: `${id} skill.`,
  daysAgo: 90,
}));
/** Sources the list filters do not document: each placed and gated by its own source.type. */
const otherSources = [
  {
    name: 'a-plugin',
    display_name: 'From A Plugin',
    description: 'Plugged in.',
    source: 'plugin' as const,
    daysAgo: 95,
  },
  {
    name: 'an-example',
    display_name: 'An Example',
    description: 'An example.',
    source: 'anthropic_example' as const,
    daysAgo: 96,
  },
];

describe('the Skills tree against the emulator', () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [...customSkills, manyVersions, ...anthropicSkills, ...otherSources],
  });
  const requests = (path?: RegExp) => suite.emulator.log.filter((r) => !path || path.test(r.path));

  beforeEach(async () => {
    await suite.exports.view.setFilter(undefined);
    await suite.exports.model.refresh();
    suite.emulator.resetLog();
  });

  const children = (node?: SkillsTreeNode) => suite.exports.tree.getChildren(node);
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

  it('titles a skill by display_name (derived from the name when none was given), and says how old it is', async () => {
    const root = (await children()).filter(isSkill);
    const untitled = root.find((n) => n.skill.displayName === 'skill-25')!;
    assert.equal(label(untitled), 'skill-25');
    const item = root[0].toTreeItem();
    assert.match(String(item.description), /ago|yesterday|now/);
  });

  it('Load more… loads the next page in place, once even when clicked twice', async () => {
    const more = (await children())[20] as LoadMoreNode;
    await Promise.all([
      vscode.commands.executeCommand(InternalCommandIds.loadMore, more),
      vscode.commands.executeCommand(InternalCommandIds.loadMore, more),
    ]);
    const root = await children();
    assert.equal(root.filter(isSkill).length, 27);
    assert.ok(!root.some(isLoadMore));
    const custom = requests(/^\/v1\/skills$/).filter((r) => r.query.source === 'custom');
    assert.equal(custom.length, 2);
    assert.ok(custom[1].query.page);
  });

  it("the Anthropic group pages its own list, and holds every skill that is not the user's", async () => {
    await suite.exports.model.loadMore(((await children())[20] as LoadMoreNode).owner); // the custom list's last page
    suite.emulator.resetLog();
    const group = (await children()).find((n) => n.kind === 'group')!;
    const skills = await children(group);
    // The plugin's skill came in the custom list: it is placed by its own source all the same.
    assert.deepEqual(skills.map(label).sort(), ['An Example', 'From A Plugin', 'pdf', 'xlsx']);
    assert.deepEqual(
      requests().map((r) => r.query.source),
      ['anthropic'],
    );
    const items = new Map(skills.filter(isSkill).map((n) => [n.skill.source, n.toTreeItem()]));
    assert.deepEqual([...items.keys()].sort(), ['anthropic', 'anthropic_example', 'plugin']);
    for (const item of items.values()) assert.equal(item.contextValue, ContextValues.readOnlySkill);
    const icons = [...items.values()].map((item) => (item.iconPath as vscode.ThemeIcon).id);
    assert.equal(new Set(icons).size, 3, 'each source its own icon');
    const root = (await children()).filter(isSkill);
    assert.ok(root.every((n) => n.skill.source === 'custom' && n.toTreeItem().contextValue === 'skill.custom'));
  });

  it('expanding a skill is one request; its 45 versions come 20 at a time, in the server order, latest marked', async () => {
    const more = (await children())[20] as LoadMoreNode;
    await suite.exports.model.loadMore(more.owner);
    const skill = (await children()).find(
      (n): n is SkillNode => isSkill(n) && n.skill.displayName === 'Many Versions',
    )!;
    assert.equal(requests(/versions/).length, 0, 'no version is requested before a skill is expanded');

    let versions = await children(skill);
    assert.equal(versions.filter(isVersion).length, 20);
    assert.ok(isLoadMore(versions[20]));
    assert.equal(requests(/versions/).length, 1);

    await suite.exports.model.loadMore((versions[20] as LoadMoreNode).owner);
    versions = await children(skill);
    await suite.exports.model.loadMore((versions[40] as LoadMoreNode).owner);
    versions = await children(skill);
    const versionNodes = versions.filter(isVersion);
    assert.equal(versionNodes.length, 45);
    assert.equal(versions.length, 45, 'no Load more… after the last page');
    // The rows keep the server's order: newest first, as the emulator lists them.
    const listed = suite.emulator.store.listVersions(skill.skill.id).map((v) => v.id);
    assert.deepEqual(
      versionNodes.map((n) => n.version.id),
      listed,
    );
    assert.equal(versionNodes[0].isLatest, true);
    assert.equal(versionNodes[0].version.id, skill.skill.latestVersionId);
    assert.match(String(versionNodes[0].toTreeItem().description), /^latest · /);
    assert.equal(versionNodes.filter((n) => n.isLatest).length, 1);

    const versionRequests = requests(/versions/);
    assert.equal(versionRequests.length, 3);
    assert.equal(new Set(versionRequests.map((r) => r.query.page ?? '')).size, 3, 'no page is requested twice');
    assert.ok(versionRequests.every((r) => r.path === `/v1/skills/${skill.skill.id}/versions`));
  });

  it('a version reads as its date in the locale, with seconds only beside another of the same minute', async () => {
    const store = suite.emulator.store;
    const skill = store.skill(store.all().find((s) => s.slug === 'skill-26')!.id); // on the first page
    const minute = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000; // a minute no other version has
    const add = (offsetMs: number, description: string) => {
      store.now = () => new Date(minute + offsetMs);
      return store.addVersion(skill, { name: 'skill-26', description, files: skill.versions[0].files });
    };
    const a = add(10_000, 'A.');
    const b = add(40_000, 'B.');
    const alone = add(70_000, 'Alone.');
    store.now = () => new Date();
    try {
      await suite.exports.model.refresh();
      const node = (await children()).find((n): n is SkillNode => isSkill(n) && n.skill.id === skill.id)!;
      const byId = new Map((await children(node)).filter(isVersion).map((r) => [r.version.id, r.toTreeItem()]));
      const format = (ms: number, timeStyle: 'short' | 'medium') =>
        new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle }).format(ms);
      assert.equal(byId.get(a.id)!.label, format(minute + 10_000, 'medium'));
      assert.equal(byId.get(b.id)!.label, format(minute + 40_000, 'medium'));
      assert.equal(byId.get(alone.id)!.label, format(minute + 70_000, 'short'));
      assert.match(String(byId.get(alone.id)!.description), /^latest · /);
      const tooltip = (byId.get(b.id)!.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, new RegExp(b.id));
      assert.match(tooltip, /skill\\?-26/); // Markdown escapes the hyphen
      assert.match(tooltip, /B\./);
    } finally {
      skill.versions = skill.versions.filter((v) => ![a, b, alone].includes(v));
    }
  });

  it('a refresh of one skill refetches that skill alone', async () => {
    const skill = (await children()).find(isSkill)!;
    await children(skill);
    suite.emulator.resetLog();
    await vscode.commands.executeCommand(CommandIds.refresh, skill);
    await children(skill);
    assert.deepEqual(
      requests().map((r) => r.path),
      [`/v1/skills/${skill.skill.id}`, `/v1/skills/${skill.skill.id}/versions`],
    );
  });

  it('an error is a node with the message and request id, and Retry loads again', async () => {
    suite.emulator.faults.push({ path: '/v1/skills', status: 500, times: 3, message: 'The emulator is down.' });
    const root = await children();
    const error = root.find(isMessage)!;
    assert.equal(error.variant, 'error');
    assert.match(error.text, /The emulator is down\. \(request req_\w+\)/);
    const item = error.toTreeItem();
    assert.equal(item.command?.command, InternalCommandIds.loadMore);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.equal((await children()).filter(isSkill).length, 20);
  });

  it('a refused key is a node that offers Set API Key', async () => {
    suite.emulator.apiKeys.delete(KEY);
    try {
      await suite.exports.model.refresh();
      const [first] = await children();
      assert.ok(isMessage(first));
      assert.equal(first.variant, 'auth');
      assert.equal(first.toTreeItem().command?.command, CommandIds.setApiKey);
    } finally {
      suite.emulator.apiKeys.add(KEY);
    }
  });

  it('with no key at all the root is empty, so the welcome shows', async () => {
    await suite.exports.keyStore.clear();
    try {
      assert.deepEqual(await children(), []);
      assert.equal(suite.emulator.log.length, 0);
    } finally {
      await suite.exports.keyStore.store(KEY);
    }
  });

  it('Filter Skills… loads every page with limit=1000 and shows matches from all of them', async () => {
    await children(); // the first page, at page size 20
    await vscode.commands.executeCommand(CommandIds.filter, 'skill 2');
    const root = await children();
    // "Skill 2", "Skill 20"–"Skill 26" (Skill 25's title is its name, skill-25, which does not match)
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
      ['anthropic 1000 first', 'custom 1000 next', 'custom 20 first'],
    );
    const group = root.find((n) => n.kind === 'group')!;
    const [none] = await children(group);
    assert.ok(isMessage(none));
    assert.equal(none.text, 'No skills match "skill 2".');
    assert.match(String(suite.exports.view.treeView.description), /filter: "skill 2"/);
  });

  it('the filter matches by id, and by a version name only once that version was fetched', async () => {
    const many = (await children()).filter(isSkill).find((n) => n.skill.displayName === 'Many Versions')!;
    await suite.exports.view.setFilter('many-versions'); // the frontmatter name, not the title
    assert.equal((await children()).filter(isSkill).length, 0);
    await children(many);
    await suite.exports.model.refresh(many); // re-render; the loaded version names are kept until reloaded
    await children(many);
    assert.deepEqual(
      (await children()).filter(isSkill).map((n) => n.skill.id),
      [many.skill.id],
    );
    await suite.exports.view.setFilter(many.skill.id.slice(-6).toUpperCase());
    assert.deepEqual(
      (await children()).filter(isSkill).map((n) => n.skill.id),
      [many.skill.id],
    );
  });

  it('Clear Filter shows every skill again, without loading them again', async () => {
    // With a space: no id can hold it (a random id holds "pdf", case aside, about one run in fifty).
    await vscode.commands.executeCommand(CommandIds.filter, 'pdf form');
    assert.equal((await children()).filter(isSkill).length, 0);
    suite.emulator.resetLog();
    await vscode.commands.executeCommand(CommandIds.clearFilter);
    assert.equal((await children()).filter(isSkill).length, 27);
    assert.equal(suite.exports.model.filter, undefined);
    assert.doesNotMatch(String(suite.exports.view.treeView.description ?? ''), /filter/);
    assert.deepEqual(
      suite.emulator.log.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`),
      [],
    );
  });

  it('a filter whose pages fail to load is not applied, and says why', async () => {
    // More than the client's retries of both lists (custom and Anthropic) can use up.
    suite.emulator.faults.push({ path: '/v1/skills', status: 500, times: 20, message: 'No more pages today.' });
    await vscode.commands.executeCommand(CommandIds.filter, 'skill');
    assert.equal(suite.exports.model.filter, undefined);
  });

  it('Copy ID and Copy Messages API Snippet copy what the API and container.skills take', async () => {
    const skill = (await children()).find(isSkill)!;
    const [version] = (await children(skill)).filter(isVersion);
    await vscode.commands.executeCommand(CommandIds.copyId, skill);
    assert.equal(await vscode.env.clipboard.readText(), skill.skill.id);
    await vscode.commands.executeCommand(CommandIds.copyId, version);
    assert.equal(await vscode.env.clipboard.readText(), version.version.id);
    assert.match(version.version.id, /^skver_/);
    await vscode.commands.executeCommand(CommandIds.copyMessagesSnippet, skill);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      type: 'custom',
      skill_id: skill.skill.id,
      version: 'latest',
    });
    await vscode.commands.executeCommand(CommandIds.copyMessagesSnippet, version);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      type: 'custom',
      skill_id: skill.skill.id,
      version: version.version.id,
    });
    const group = (await children()).find((n) => n.kind === 'group')!;
    const pdf = (await children(group)).find((n): n is SkillNode => isSkill(n) && n.skill.id === 'pdf')!;
    await vscode.commands.executeCommand(CommandIds.copyMessagesSnippet, pdf);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), {
      type: 'anthropic',
      skill_id: pdf.skill.id,
      version: 'latest',
    });
  });

  it("a skill's tooltip fetches its latest version once, on hover, and caches it", async () => {
    const skill = (await children()).filter(isSkill).find((n) => n.skill.displayName === 'Skill 24')!;
    suite.emulator.resetLog();
    const hover = async () => {
      const item = await suite.exports.tree.resolveTreeItem(skill.toTreeItem(), skill);
      return (item.tooltip as vscode.MarkdownString).value;
    };
    const first = await hover();
    const second = await hover();
    assert.equal(first, second);
    assert.match(first, new RegExp(skill.skill.id));
    assert.match(first, /skill-24/, "the latest version's name");
    assert.deepEqual(
      requests().map((r) => r.path),
      [`/v1/skills/${skill.skill.id}/versions/${skill.skill.latestVersionId}`],
    );
  });

  it('a 400 on a list while claudeSkills.workspaceId is empty offers the setting, under the error', async () => {
    suite.emulator.workspace = { id: 'wrkspc_01HostTest', required: true };
    try {
      await suite.exports.model.refresh();
      const root = await children();
      const [error, hint] = root.filter(isMessage);
      assert.equal(error.variant, 'error');
      assert.equal(hint.variant, 'hint');
      const command = hint.toTreeItem().command!;
      assert.equal(command.command, WorkbenchCommands.openSettings);
      assert.deepEqual(command.arguments, [SettingIds.workspaceId]);

      await updateSetting('workspaceId', 'wrkspc_01HostTest');
      suite.emulator.resetLog();
      await suite.exports.model.refresh();
      assert.equal((await children()).filter(isSkill).length, 20);
      assert.equal(suite.emulator.log[0].headers['anthropic-workspace-id'], 'wrkspc_01HostTest');
      assert.match(String(suite.exports.view.treeView.description), /wrkspc_01HostTest/);
    } finally {
      suite.emulator.workspace = undefined;
      await updateSetting('workspaceId', undefined);
    }
  });

  it('a 400 while a workspace is set is a plain error row: the setting is not the cause', async () => {
    suite.emulator.faults.push({ path: '/v1/skills', status: 400, message: 'Something else.' });
    await updateSetting('workspaceId', 'wrkspc_01Set');
    try {
      await suite.exports.model.refresh();
      const messages = (await children()).filter(isMessage);
      assert.deepEqual(
        messages.map((m) => m.variant),
        ['error'],
      );
    } finally {
      await updateSetting('workspaceId', undefined);
    }
  });
});

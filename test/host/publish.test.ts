// Publishing workspace skill folders into the emulator through the real commands in the real host.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds, ContextKeys } from '../../src/constants';
import { eventually, ruleOf, useHostSuite } from './hostSuite';

const KEY = 'sk-ant-publish-test-2468';

describe('publishing skill folders', () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [
      { name: 'hello-world', display_name: 'Hello World', description: 'Greets.' },
      { name: 'other-skill', display_name: 'Other', description: 'Other.' },
    ],
    settings: { confirmPublish: false },
  });
  const { store } = suite;
  const workspace = () => vscode.workspace.workspaceFolders![0].uri;
  const helloWorld = () => vscode.Uri.joinPath(workspace(), 'skills', 'hello-world');
  const posts = () => suite.emulator.log.filter((r) => r.method === 'POST');
  /**
   * Requests but the list of skills: a new folder makes Workspace Skills read it again (to find the skill of
   * the folder's name) whatever the command does.
   */
  const sentByCommand = () =>
    suite.emulator.log.map((r) => `${r.method} ${r.path}`).filter((r) => r !== 'GET /v1/skills');
  const skillTitled = (title: string) => store.all().find((s) => s.displayName === title)!;
  /** Lost answers are looked for over a short window here. */
  const QUICK_SETTLE = { settleDelaysMs: [50, 100, 150] };
  const publishVersion = (folder: vscode.Uri, options?: object) =>
    vscode.commands.executeCommand<unknown>(CommandIds.publishNewVersion, folder, [folder], options);

  /** A skill folder made for one test, removed after it. */
  const scratch: vscode.Uri[] = [];
  function makeSkillFolder(name: string, files: Record<string, string | Buffer> = {}): vscode.Uri {
    const folder = vscode.Uri.joinPath(workspace(), 'scratch', name);
    const all = {
      'SKILL.md': `---\nname: ${name}\ndescription: A skill made by a test.\n---\n\n# ${name}\n`,
      ...files,
    };
    for (const [file, content] of Object.entries(all)) {
      mkdirSync(join(folder.fsPath, file, '..'), { recursive: true });
      writeFileSync(join(folder.fsPath, file), content);
    }
    scratch.push(folder);
    return folder;
  }

  beforeEach(async () => {
    await suite.exports.targets.forget(helloWorld());
    suite.emulator.resetLog();
  });

  after(() => {
    for (const folder of scratch) rmSync(folder.fsPath, { recursive: true, force: true });
  });

  it('finds the workspace skill folders', async () => {
    const folders = (await suite.exports.folders.all()).map((uri) => vscode.workspace.asRelativePath(uri));
    assert.ok(folders.includes('skills/hello-world'), folders.join(', '));
  });

  it('publishes a folder as a new version of the skill whose slug is its name, with one POST', async () => {
    const hello = skillTitled('Hello World');
    const before = hello.versions.length;
    const published = (await publishVersion(helloWorld())) as {
      skill: { id: string; latestVersionId: string };
      version: { id: string };
    };
    assert.equal(published.skill.id, hello.id);
    assert.equal(hello.versions.length, before + 1);
    assert.equal(posts().length, 1);
    assert.deepEqual(
      posts()[0].files.map((f) => f.filename),
      ['hello-world/SKILL.md'],
    );
    assert.equal(posts()[0].path, `/v1/skills/${hello.id}/versions`);
    // The walkthrough's Publish step is done.
    assert.equal(suite.exports.contextValue(ContextKeys.hasPublished), true);

    // The tree shows it at once: the skill's latest version is the new one.
    const root = await suite.exports.tree.getChildren();
    const node = root.find((n) => n.kind === 'skill' && n.skill.id === hello.id);
    assert.ok(node?.kind === 'skill');
    assert.equal(node.skill.latestVersionId, published.version.id);
    const versions = await suite.exports.tree.getChildren(node);
    assert.ok(versions.some((v) => v.kind === 'version' && v.version.id === published.version.id && v.isLatest));
    const newest = versions.find((v) => v.kind === 'version' && v.isLatest)!;
    const { treeView } = suite.exports.view;
    // The selection comes back from the workbench after reveal() settles, later on a busy machine, and a
    // reveal while the view is still opening can be dropped: asked again until it holds.
    await eventually(
      async () => {
        if (treeView.selection.length === 0) await treeView.reveal(newest, { select: true, focus: true });
        return treeView.selection.map((n) => (n.kind === 'version' ? n.version.id : n.kind)).join();
      },
      (selected) => selected === published.version.id,
      'the new version selected',
    );
  });

  it('remembers the target: the next publish asks for no lookup; Forget Publish Target forgets it', async () => {
    await publishVersion(helloWorld());
    suite.emulator.resetLog();
    await publishVersion(helloWorld());
    const hello = skillTitled('Hello World');
    // The remembered skill, the skill read fresh, the upload: no list, no search, and no read of its slug,
    // which the first publish taught and which never changes. What follows the upload is the tree showing
    // the new version, whose timing is the workbench's.
    const requests = suite.emulator.log.map((r) => `${r.method} ${r.path}`);
    const upload = `POST /v1/skills/${hello.id}/versions`;
    assert.deepEqual(requests.slice(0, requests.indexOf(upload) + 1), [
      `GET /v1/skills/${hello.id}`,
      `GET /v1/skills/${hello.id}`,
      upload,
    ]);

    await vscode.commands.executeCommand(CommandIds.forgetPublishTarget, helloWorld());
    assert.equal(suite.exports.targets.get(helloWorld()), undefined);
    suite.emulator.resetLog();
    await publishVersion(helloWorld());
    assert.ok(
      suite.emulator.log.some((r) => r.path === '/v1/skills' && r.query.source === 'custom'),
      'looked up by name again',
    );
    assert.equal(posts().length, 1);
  });

  it('publishes a new skill with the display_name given, a title another skill has included', async () => {
    const folder = makeSkillFolder('fresh-skill', { 'scripts/run.py': 'print("hi")\n' });
    await vscode.commands.executeCommand(CommandIds.publishNewSkill, folder, [folder], {
      displayName: 'Hello World',
    });
    assert.equal(posts().length, 1, 'titles are not unique: a taken one is allowed');
    assert.equal(store.all().filter((s) => s.displayName === 'Hello World').length, 2);
    await suite.exports.targets.forget(folder);
    suite.emulator.resetLog();

    await vscode.commands.executeCommand(CommandIds.publishNewSkill, folder, [folder], {
      displayName: 'Fresh Skill',
    });
    assert.equal(posts().length, 1);
    assert.equal(posts()[0].path, '/v1/skills');
    assert.deepEqual(posts()[0].fields, { display_name: 'Fresh Skill' });
    assert.deepEqual(
      posts()[0]
        .files.map((f) => f.filename)
        .sort(),
      ['fresh-skill/SKILL.md', 'fresh-skill/scripts/run.py'],
    );
    const created = skillTitled('Fresh Skill');
    assert.equal(suite.exports.targets.get(folder), created.id, "the new skill becomes the folder's target");
    const root = await suite.exports.tree.getChildren();
    assert.ok(
      root.some((n) => n.kind === 'skill' && n.skill.id === created.id),
      'the tree lists the new skill at once',
    );
  });

  it('a cancel before the body is sent leaves no version and sends nothing', async () => {
    const hello = skillTitled('Hello World');
    const before = hello.versions.length;
    const cancel = new vscode.CancellationTokenSource();
    cancel.cancel();
    assert.equal(await publishVersion(helloWorld(), { cancellation: cancel.token }), undefined);
    assert.equal(hello.versions.length, before);
    assert.equal(posts().length, 0);
  });

  it('a cancel while the server holds the whole upload is checked, never called "nothing published"', async () => {
    const hello = skillTitled('Hello World');
    const before = hello.versions.length;
    // The server reads the whole request, sits on it, then drops it unprocessed: only looking for it can
    // tell, and a version not seen in the window is "not known", since it may still come.
    suite.emulator.faults.push({ method: 'POST', latencyMs: 1500, reset: 'afterReading' });
    const cancel = new vscode.CancellationTokenSource();
    const publishing = publishVersion(helloWorld(), { cancellation: cancel.token, ...QUICK_SETTLE });
    await waitFor(posts, (all) => (all[0]?.files.length ?? 0) > 0); // the whole upload is on the server
    cancel.cancel();
    assert.equal(await publishing, undefined);
    assert.equal(hello.versions.length, before);
    // The Workspace Skills view may list skills meanwhile (a folder of another test came or went).
    const after = suite.emulator.log
      .slice(suite.emulator.log.findIndex((r) => r.method === 'POST'))
      .filter((r) => r.path.startsWith(`/v1/skills/${hello.id}`));
    assert.deepEqual(
      after.map((r) => `${r.method} ${r.path}`),
      [`POST /v1/skills/${hello.id}/versions`, ...Array(4).fill(`GET /v1/skills/${hello.id}/versions`)],
      'one look at once and one after each wait, no second POST',
    );
  });

  it('a lost answer is settled by finding the version with our files: reported, not made twice', async () => {
    const hello = skillTitled('Hello World');
    const before = hello.versions.length;
    suite.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' });
    const published = (await publishVersion(helloWorld(), QUICK_SETTLE)) as {
      settled: boolean;
      skill: { latestVersionId: string };
    };
    assert.equal(published.settled, true);
    assert.equal(hello.versions.length, before + 1);
    assert.equal(published.skill.latestVersionId, hello.versions.at(-1)!.id);
    assert.equal(posts().length, 1);
  });

  it("refuses, before upload, a folder whose name is not the target skill's slug, on the name line", async () => {
    const folder = makeSkillFolder('renamed-skill');
    const hello = skillTitled('Hello World');
    await suite.exports.targets.remember(folder, hello.id);
    suite.emulator.resetLog();
    assert.equal(await publishVersion(folder), undefined);
    assert.equal(posts().length, 0);
    const onName = vscode.languages
      .getDiagnostics(vscode.Uri.joinPath(folder, 'SKILL.md'))
      .filter((d) => d.source === 'Claude Skills' && /never changes/.test(d.message));
    assert.equal(onName.length, 1);
    assert.equal(onName[0].range.start.line, 1, 'the name: line');
    assert.match(onName[0].message, /Rename it back to "hello-world".*or publish this folder as a new skill/);
  });

  it('refuses a second publish of the same folder while one is under way', async () => {
    const hello = skillTitled('Hello World');
    const before = hello.versions.length;
    suite.emulator.faults.push({ method: 'POST', latencyMs: 500 });
    const [first, second] = await Promise.all([publishVersion(helloWorld()), publishVersion(helloWorld())]);
    assert.ok(first);
    assert.equal(second, undefined);
    assert.equal(posts().length, 1);
    assert.equal(hello.versions.length, before + 1);
  });

  it('refuses a broken folder before any request, with the rule in the Problems panel', async () => {
    const folder = makeSkillFolder('broken-skill');
    writeFileSync(join(folder.fsPath, 'SKILL.md'), '---\nname: Claude Helper\ndescription: x\n---\n');
    writeFileSync(join(folder.fsPath, '.env'), 'TOKEN=abc\n');
    assert.equal(await publishVersion(folder), undefined);
    assert.deepEqual(sentByCommand(), []);
    const onSkillMd = vscode.languages.getDiagnostics(vscode.Uri.joinPath(folder, 'SKILL.md'));
    assert.ok(
      onSkillMd.some(
        (d) => d.source === 'Claude Skills' && /reserved word "claude"/.test(d.message) && d.range.start.line === 1,
      ),
    );
    const onEnv = vscode.languages.getDiagnostics(vscode.Uri.joinPath(folder, '.env'));
    assert.ok(onEnv.some((d) => /looks like a secret/.test(d.message)));
  });

  it('shows the problems of a SKILL.md while it is edited', async () => {
    const folder = makeSkillFolder('edited-skill');
    const uri = vscode.Uri.joinPath(folder, 'SKILL.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 0, 1, 100), 'name: Edited Skill'));
    const diagnostics = await waitFor(
      () => frontmatterProblems(uri),
      (d) => d.length > 0,
    );
    assert.match(
      diagnostics[0].message,
      /"name" may hold only lowercase letters, digits and hyphens, not "E", spaces, "S"\. Try "edited-skill"\./,
    );
    assert.equal(diagnostics[0].range.start.line, 1);
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 0, 1, 100), 'name: edited-skill'));
    await waitFor(
      () => frontmatterProblems(uri),
      (d) => d.length === 0,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('packages <name>.zip next to the folder', async () => {
    const folder = makeSkillFolder('zipped-skill', { 'docs/a.md': '# A\n' });
    const target = vscode.Uri.joinPath(folder, '..', 'zipped-skill.zip');
    scratch.push(target);
    const written = await vscode.commands.executeCommand<vscode.Uri>(CommandIds.packageSkill, folder, [folder], {
      target,
    });
    assert.equal(written?.toString(), target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString(), 'PK');
    assert.deepEqual(sentByCommand(), []);
  });
});

/** The SKILL.md checks' problems, without the workspace's trigger collisions (the scratch skills share descriptions). */
function frontmatterProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Claude Skills' && ruleOf(d) !== 'trigger-collision');
}

async function waitFor<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = read();
  }
  assert.ok(done(value), `gave up waiting: ${JSON.stringify(value)}`);
  return value;
}

describe('in a workspace that is not trusted @untrusted', () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [{ name: 'hello-world', display_name: 'Hello World', description: 'Greets.' }],
    settings: { confirmPublish: false },
  });

  it('browsing works, and publishing waits for trust: nothing is sent', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this pass must run in an untrusted workspace');
    const root = await suite.exports.tree.getChildren();
    assert.ok(
      root.some((n) => n.kind === 'skill' && n.skill.displayName === 'Hello World'),
      'browsing works',
    );
    suite.emulator.resetLog();
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'skills', 'hello-world');
    assert.equal(await vscode.commands.executeCommand(CommandIds.publishNewVersion, folder), undefined);
    assert.equal(
      await vscode.commands.executeCommand(CommandIds.publishNewSkill, folder, [folder], { displayName: 'New' }),
      undefined,
    );
    assert.equal(suite.emulator.log.length, 0);
    assert.equal(suite.store.all().length, 1);
  });

  it('Skill Evals wait for trust too: a run sends nothing', async () => {
    suite.emulator.resetLog();
    const results = await suite.exports.evals.runs.run(
      new vscode.TestRunRequest(),
      new vscode.CancellationTokenSource().token,
      'draft',
      { acceptCost: true },
    );
    assert.equal(results.size, 0);
    assert.equal(suite.emulator.log.length, 0);
  });
});

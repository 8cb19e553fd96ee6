// Skill Evals in the real test host, against the emulator (which plays executor and grader by its
// documented rules): the items and their ranges from a workspace's eval files, Problems for what is wrong,
// updates as the files change; a run that marks pass, fail and error and writes skill-creator's layout and
// a report; the cost modal; a cancel; Create Evals File and Delete Eval Drafts.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds, ContextKeys } from '../../src/constants';
import { eventually, useHostSuite, watchedDir } from './hostSuite';

const KEY = 'sk-ant-evals-test-2468';
const NOTES =
  'Writes release notes from merged pull requests, grouped by Added, Changed and Fixed. Use when preparing a release.';

const evalsJson = (evals: unknown[]) => `${JSON.stringify({ skill_name: 'release-notes', evals }, null, 2)}\n`;
const EVALS = [
  {
    id: 1,
    prompt: 'Write the release notes for 2.0',
    expectations: ['It names "Summary of release-notes"', 'It gives the "first heading"'],
  },
  {
    id: 2,
    prompt: 'Write the release notes as a poem',
    expectations: ['It names "Summary of release-notes"', 'It rhymes "moon" with "June"'],
  },
  { id: 3, expectations: ['No prompt: left out'] },
  { id: 4, prompt: 'Write the release notes [grader-off-schema]', expectations: ['It names "Summary"'] },
];
const QUERIES = [
  { query: 'Draft the release notes for this sprint', should_trigger: true },
  { query: 'Tell me a joke about cats', should_trigger: false },
];

describe('Skill Evals in the Test Explorer', function () {
  this.timeout(60_000);
  const suite = useHostSuite({
    key: KEY,
    skills: [{ id: 'skill_notes', name: 'release-notes', description: NOTES, versionCount: 1 }],
    settings: { evalModel: 'claude-emulated-opus-2', evalConcurrency: 4 },
  });
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  const folder = () => vscode.Uri.joinPath(root(), 'skills', 'release-notes');
  const evalsFile = () => join(folder().fsPath, 'evals', 'evals.json');
  const results = () => join(root().fsPath, 'skills', 'release-notes-workspace');
  const tests = () => suite.exports.evals.tests;
  const folderItem = () => tests().controller.items.get(folder().toString());
  const children = (item: vscode.TestItem | undefined) => {
    const list: vscode.TestItem[] = [];
    item?.children.forEach((c) => list.push(c));
    return list;
  };
  const problemsOfEvalsFile = () =>
    vscode.languages
      .getDiagnostics(vscode.Uri.file(evalsFile()))
      .map((d) => d.message)
      .join(' | ');
  const messagesRequests = () => suite.emulator.log.filter((r) => r.path === '/v1/messages');
  const request = (include?: vscode.TestItem[]) => new vscode.TestRunRequest(include);
  const never = new vscode.CancellationTokenSource().token;

  before(async () => {
    await watchedDir(suite.exports, join(folder().fsPath, 'evals'));
    writeFileSync(evalsFile(), evalsJson(EVALS));
    writeFileSync(join(folder().fsPath, 'evals', 'trigger-eval.json'), `${JSON.stringify(QUERIES, null, 2)}\n`);
    await suite.exports.targets.remember(folder(), 'skill_notes');
    await tests().rediscover();
  });

  after(async () => {
    await suite.exports.targets.forget(folder());
    rmSync(join(folder().fsPath, 'evals'), { recursive: true, force: true });
    rmSync(results(), { recursive: true, force: true });
  });

  it('lists each eval and a Triggering group per folder, with ranges, and Problems for what is wrong', async () => {
    const item = folderItem();
    assert.ok(item, 'the folder with eval files is listed');
    const [first, second, offSchema, triggering] = children(item);
    assert.deepEqual(
      children(item).map((c) => c.label),
      [
        '1: Write the release notes for 2.0',
        '2: Write the release notes as a poem',
        '4: Write the release notes [grader-off-schema]',
        'Triggering',
      ],
    );
    const lines = readFileSync(evalsFile(), 'utf8').split('\n');
    assert.equal(lines[first.range!.start.line].trim(), '{');
    assert.match(lines[first.range!.start.line + 1], /"id": 1/);
    assert.match(lines[second.range!.start.line + 1], /"id": 2/);
    assert.equal(offSchema.uri?.fsPath, evalsFile());
    assert.deepEqual(
      children(triggering).map((c) => [c.label, c.description]),
      [
        ['0: Draft the release notes for this sprint', 'should trigger'],
        ['1: Tell me a joke about cats', 'should not trigger'],
      ],
    );
    const problems = vscode.languages.getDiagnostics(vscode.Uri.file(evalsFile()));
    assert.ok(
      problems.some((d) => /prompt/i.test(d.message) && d.severity === vscode.DiagnosticSeverity.Error),
      problems.map((d) => d.message).join(' | '),
    );
  });

  it('follows the file as it changes on disk', async () => {
    writeFileSync(
      evalsFile(),
      evalsJson([...EVALS, { id: 5, prompt: 'Write notes for 3.0', expectations: ['x "y"'] }]),
    );
    await eventually(
      () =>
        children(folderItem())
          .map((c) => c.label)
          .join(' | '),
      (labels) => labels.includes('5: Write notes for 3.0'),
      'the new eval is listed',
    );
    writeFileSync(evalsFile(), `${JSON.stringify({ skill_name: 'release-notez', evals: EVALS }, null, 2)}\n`);
    await eventually(
      problemsOfEvalsFile,
      (messages) => messages.includes('"skill_name" is "release-notez", but SKILL.md\'s name is "release-notes"'),
      'a skill_name that is not SKILL.md’s name is a Problem',
    );
    writeFileSync(evalsFile(), evalsJson(EVALS));
    await eventually(
      () =>
        children(folderItem())
          .map((c) => c.label)
          .join(' | '),
      (labels) => !labels.includes('5:'),
      'the removed eval is gone',
    );
    await eventually(
      problemsOfEvalsFile,
      (messages) => !messages.includes('"skill_name" is'),
      'the skill_name Problem is gone with the fix',
    );
  });

  it('sends nothing until the cost modal is accepted (the test host refuses every modal)', async () => {
    const results = await suite.exports.evals.runs.run(request(), never, 'draft');
    assert.equal(messagesRequests().length, 0);
    assert.ok(!suite.store.all().some((s) => s.displayName?.endsWith('(eval draft)')), 'no draft was made');
    // The modal the host refused, as its error gives it: 3 evals × 2 configurations, each run graded, and 2
    // queries × 3 runs: 6 + 6 + 6 requests, and the key's hint.
    const [first] = [...results.values()];
    assert.match(
      first.messages[0].text,
      /Run Skill Evals: at least 18 requests, billed to the API key in use \(…2468\)\?/,
    );
    assert.ok([...results.values()].every((r) => r.state === 'errored' || r.state === 'skipped'));
    assert.notEqual(
      suite.exports.contextValue(ContextKeys.hasRunEvals),
      true,
      "a refused run is not the walkthrough's step",
    );
  });

  it('runs the folder as its eval draft against the published version: passed, failed, errored, triggered', async () => {
    const outcome = await suite.exports.evals.runs.run(request([folderItem()!]), never, 'draft', { acceptCost: true });
    const state = (suffix: string) => outcome.get(`${folder().toString()}#${suffix}`);
    assert.equal(state('eval-1')?.state, 'passed');
    assert.equal(state('eval-2')?.state, 'failed');
    const failure = state('eval-2')!.messages[0];
    assert.match(
      failure.text,
      /It rhymes "moon" with "June"[\s\S]*Grader \(run 1\): \[Emulator grader\] "moon" appears nowhere/,
    );
    const lines = readFileSync(evalsFile(), 'utf8').split('\n');
    assert.match(lines[failure.line!], /It rhymes/, 'the failure sits on its expectation’s line');
    assert.ok(
      state('eval-2')!.messages.some((m) => /^published version: 1 of 2 expectations$/.test(m.text)),
      JSON.stringify(state('eval-2')),
    );
    assert.equal(state('eval-4')?.state, 'errored');
    assert.match(state('eval-4')!.messages[0].text, /grader's answer does not fit/);
    assert.equal(state('query-0')?.state, 'passed');
    assert.equal(state('query-1')?.state, 'passed');
    assert.equal(suite.exports.contextValue(ContextKeys.hasRunEvals), true, "the walkthrough's Evals step is done");

    const draft = suite.store.all().find((s) => s.displayName?.endsWith('(eval draft)'));
    assert.ok(draft, 'the eval draft was made, titled with the marker');
    const uploaded = draft.versions[0].files.map((f) => f.path);
    assert.ok(!uploaded.some((p) => p.includes('evals/')), `evals/ is never uploaded: ${uploaded.join(', ')}`);
    const runs = messagesRequests().map((r) => r.json as { container?: { skills: { skill_id: string }[] } });
    assert.ok(
      runs.some((b) => b.container?.skills[0]?.skill_id === draft.id),
      'the draft ran as the skill',
    );
    assert.ok(
      runs.some((b) => b.container?.skills[0]?.skill_id === 'skill_notes'),
      'the published version as baseline',
    );

    const iteration = join(results(), 'iteration-1');
    assert.ok(existsSync(join(iteration, 'eval-1', 'with_skill', 'run-1', 'grading.json')));
    assert.ok(existsSync(join(iteration, 'eval-1', 'old_skill', 'run-1', 'transcript.md')));
    const benchmark = JSON.parse(readFileSync(join(iteration, 'benchmark.json'), 'utf8')) as { run_summary: object };
    assert.deepEqual(Object.keys(benchmark.run_summary), ['with_skill', 'old_skill', 'delta']);
    assert.equal(readFileSync(join(results(), '.gitignore'), 'utf8'), '*\n');
    assert.ok(
      !(await suite.exports.folders.all()).some((f) => f.fsPath.startsWith(results())),
      'the results folder is never a skill folder',
    );

    const report = await vscode.commands.executeCommand<vscode.Uri>(CommandIds.showEvalReport);
    assert.equal(report?.fsPath, join(iteration, 'report.md'));
    const markdown = readFileSync(report!.fsPath, 'utf8');
    assert.match(markdown, /^# Skill Evals: release-notes, iteration 1/);
    assert.match(markdown, /\| 2 \| Write the release notes as a poem \| 1 of 2 \| 1 of 2 \| failed \|/);
    assert.match(markdown, /Precision 100%, recall 100%/);
  });

  it('reuses the draft when the files did not change', async () => {
    const before = suite.store.all().find((s) => s.displayName?.endsWith('(eval draft)'))!.versions.length;
    const [first] = children(folderItem());
    const outcome = await suite.exports.evals.runs.run(request([first]), never, 'draft', { acceptCost: true });
    assert.equal(outcome.get(first.id)?.state, 'passed');
    const draft = suite.store.all().find((s) => s.displayName?.endsWith('(eval draft)'))!;
    assert.equal(draft.versions.length, before, 'no new draft version');
    assert.equal(suite.store.all().filter((s) => s.displayName?.includes('(eval draft)')).length, 1);
  });

  it('Run Evals on a Published Version… runs the version given against no skill, making no draft', async () => {
    const drafts = () => suite.store.all().filter((s) => s.displayName?.endsWith('(eval draft)'))[0]?.versions.length;
    const before = drafts();
    const version = suite.store.listVersions('skill_notes')[0].id;
    const [first] = children(folderItem());
    const outcome = await suite.exports.evals.runs.run(request([first]), never, 'published', {
      acceptCost: true,
      version,
    });
    assert.equal(outcome.get(first.id)?.state, 'passed');
    const runs = messagesRequests().map(
      (r) => r.json as { container?: { skills: { skill_id: string; version: string }[] } },
    );
    assert.ok(
      runs.some((b) => b.container?.skills[0]?.version === version),
      'the version given ran',
    );
    assert.ok(
      runs.some((b) => b.container === undefined || b.container.skills.length === 0),
      'against no skill',
    );
    assert.equal(drafts(), before, 'the draft is not touched');
  });

  it('stops at a cancel: what finished keeps its result, the rest is skipped', async () => {
    suite.emulator.latencyMs = 200;
    const source = new vscode.CancellationTokenSource();
    const [first, second] = children(folderItem());
    const running = suite.exports.evals.runs.run(request([first, second]), source.token, 'draft', { acceptCost: true });
    await eventually(
      () => messagesRequests().length,
      (n) => n > 0,
      'the first run is under way',
    );
    source.cancel();
    const outcome = await running;
    assert.ok(
      [first, second].every((item) => ['skipped', 'passed', 'failed'].includes(outcome.get(item.id)?.state ?? '')),
      JSON.stringify([...outcome]),
    );
    assert.ok([first, second].some((item) => outcome.get(item.id)?.state === 'skipped'));
  });

  it('Create Evals File writes both templates into a folder without them, and overwrites nothing', async () => {
    const hello = vscode.Uri.joinPath(root(), 'skills', 'hello-world');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri[]>(CommandIds.createEvals, hello);
      assert.deepEqual(
        written?.map((u) => vscode.workspace.asRelativePath(u, false)),
        ['skills/hello-world/evals/evals.json', 'skills/hello-world/evals/trigger-eval.json'],
      );
      const evals = JSON.parse(readFileSync(written![0].fsPath, 'utf8')) as { skill_name: string };
      assert.equal(evals.skill_name, 'hello-world');
      assert.deepEqual(await vscode.commands.executeCommand<vscode.Uri[]>(CommandIds.createEvals, hello), []);
      await eventually(
        () =>
          children(tests().controller.items.get(hello.toString()))
            .map((c) => c.label)
            .join(' | '),
        (labels) => labels.includes('1: A realistic task'),
        'the new folder is listed with its template eval',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(join(hello.fsPath, 'evals'), { recursive: true, force: true });
    }
  });

  it('Delete Eval Drafts deletes nothing unless its modal is confirmed', async () => {
    assert.equal(await vscode.commands.executeCommand(CommandIds.deleteEvalDrafts), undefined);
    assert.equal(suite.emulator.log.filter((r) => r.method === 'DELETE').length, 0);
    assert.ok(suite.store.all().some((s) => s.displayName?.endsWith('(eval draft)')));
  });
});

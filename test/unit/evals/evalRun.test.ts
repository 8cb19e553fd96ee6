// A whole eval run against the emulator, which plays executor and grader by its documented rules: quality
// evals with and without the skill (or against an older version), graded, aggregated and written in
// skill-creator's layout; input files uploaded once, put into the container and deleted after; trigger
// queries with neighbours, stopped as soon as the skill is read; a grader off its schema, a cancel.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesClient } from '../../../src/api/filesClient';
import { MessagesClient, type SkillAttachment } from '../../../src/api/messagesClient';
import { parseQualityEvals, parseTriggerQueries } from '../../../src/evals/evalFiles';
import { checkInputFiles } from '../../../src/evals/evalInputs';
import { requestCount, runEvals, type EvalPlan } from '../../../src/evals/evalRun';
import { useEmulator } from '../../support/harness';

const MODEL = 'claude-emulated-opus-2';
const NOTES = 'Writes release notes from merged pull requests. Use when preparing a release.';

describe('Skill Evals: a run of a folder’s evals', () => {
  const api = useEmulator();
  let root: string;
  let folder: string;

  beforeEach(() => {
    api.seed([
      { id: 'skill_01Notes', name: 'release-notes', description: NOTES, versionCount: 2 },
      { id: 'skill_01Sql', name: 'sql-review', description: 'Reviews migrations for locking.' },
    ]);
    root = mkdtempSync(join(tmpdir(), 'eval-run-'));
    folder = join(root, 'release-notes');
    mkdirSync(join(folder, 'evals', 'files'), { recursive: true });
    writeFileSync(join(folder, 'evals', 'files', 'pulls.csv'), 'number,title\n1,Add export\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const subject: SkillAttachment = { type: 'custom', skill_id: 'skill_01Notes', version: 'latest' };
  const clients = (options = {}) => ({
    messages: new MessagesClient(api.apiOptions({ retry: { maxRetries: 0 }, ...options })),
    files: new FilesClient(api.apiOptions({ retry: { maxRetries: 0 }, ...options })),
  });

  async function plan(evals: unknown[], queries: unknown[] = [], extra: Partial<EvalPlan> = {}): Promise<EvalPlan> {
    const quality = parseQualityEvals(JSON.stringify({ skill_name: 'release-notes', evals }, null, 2));
    assert.deepEqual(
      quality.problems.filter((p) => p.severity === 'error'),
      [],
    );
    const inputs = await checkInputFiles(folder, quality.evals);
    assert.deepEqual(inputs.problems, []);
    return {
      skillName: 'release-notes',
      description: NOTES,
      skillPath: folder,
      model: MODEL,
      graderModel: MODEL,
      maxTokens: 2048,
      runs: 1,
      triggerRuns: 3,
      subject: { attachment: subject, directories: ['release-notes'] },
      baseline: { configuration: 'without_skill' },
      neighbours: [{ type: 'custom', skill_id: 'skill_01Sql', version: 'latest' }],
      evals: quality.evals.map((entry) => ({ entry, inputs: inputs.files.get(entry.id)! })),
      queries: parseTriggerQueries(JSON.stringify(queries)).queries,
      ...extra,
    };
  }

  const summaryEval = {
    id: 1,
    prompt: 'Write the release notes for 2.0',
    expectations: ['It names "Summary of release-notes"', 'It gives the "first heading"'],
  };

  it('runs with and without the skill, grades both, and writes skill-creator’s layout', async () => {
    const results = join(root, 'release-notes-workspace');
    const told: string[] = [];
    const summary = await runEvals(
      clients(),
      await plan([summaryEval]),
      { concurrency: 2, resultsFolder: results },
      { onRun: (entry, run) => told.push(`${entry.id}:${run.configuration}`), onEval: (o) => told.push(o.verdict) },
    );
    assert.deepEqual(told.sort(), ['1:with_skill', '1:without_skill', 'passed']);
    const [outcome] = summary.evals;
    assert.equal(outcome.verdict, 'passed');
    const baseline = outcome.runs.find((r) => r.configuration === 'without_skill')!;
    assert.deepEqual(baseline.grading?.summary, { passed: 0, failed: 2, total: 2, pass_rate: 0 });
    assert.equal(
      summary.benchmark?.run_summary.delta && (summary.benchmark.run_summary.delta as { pass_rate: string }).pass_rate,
      '+1.00',
    );

    const run = join(results, 'iteration-1', 'eval-1', 'with_skill', 'run-1');
    const grading = JSON.parse(readFileSync(join(run, 'grading.json'), 'utf8')) as { expectations: { text: string }[] };
    assert.equal(grading.expectations[0].text, summaryEval.expectations[0]);
    assert.match(readFileSync(join(run, 'transcript.md'), 'utf8'), /^# Eval 1, with_skill run 1: release-notes/);
    assert.match(readFileSync(join(run, 'transcript.md'), 'utf8'), /\[summary\.md\]\(<outputs\/summary\.md>\)/);
    assert.match(readFileSync(join(run, 'outputs', 'summary.md'), 'utf8'), /^# Summary of release-notes/);
    const timing = JSON.parse(readFileSync(join(run, 'timing.json'), 'utf8')) as { total_tokens: number };
    assert.ok(timing.total_tokens > 0);
    assert.match(
      readFileSync(join(results, 'iteration-1', 'eval-1', 'without_skill', 'run-1', 'transcript.md'), 'utf8'),
      /\*\*Skill:\*\* none attached/,
    );
    assert.ok(existsSync(join(results, 'iteration-1', 'benchmark.json')));
    assert.equal(readFileSync(join(results, '.gitignore'), 'utf8'), '*\n');

    // The requests: the run carries the skill, the baseline none, the grader a forced tool and no container.
    const bodies = api.emulator.log
      .filter((r) => r.path === '/v1/messages')
      .map((r) => r.json as Record<string, never>);
    assert.equal(bodies.length, 4);
    assert.equal(bodies.filter((b) => b.container === undefined && b.tool_choice === undefined).length, 1);
    assert.equal(
      bodies.filter((b) => (b.tool_choice as { name?: string } | undefined)?.name === 'record_grades').length,
      2,
    );
  });

  it('fails an eval at the expectation the skill does not meet, with the grader’s evidence', async () => {
    const summary = await runEvals(
      clients(),
      await plan([{ ...summaryEval, expectations: ['It names "Summary of release-notes"', 'It says "a haiku"'] }]),
      { concurrency: 4 },
    );
    const [outcome] = summary.evals;
    assert.equal(outcome.verdict, 'failed');
    assert.deepEqual(
      outcome.failures.map((f) => [f.index, f.text]),
      [[1, 'It says "a haiku"']],
    );
    assert.match(outcome.failures[0].evidence, /"a haiku" appears nowhere/);
  });

  it('uploads input files once, puts them into the container, and deletes them after', async () => {
    const evals = [{ ...summaryEval, files: ['evals/files/pulls.csv'] }];
    const p = await plan(evals, [], { runs: 2 });
    assert.deepEqual(requestCount(p), { runs: 4, graders: 4, triggers: 0, uploads: 1, total: 9 });
    const summary = await runEvals(clients(), p, { concurrency: 4 });
    const uploads = api.emulator.log.filter((r) => r.path === '/v1/files' && r.method === 'POST');
    assert.equal(uploads.length, 1);
    const deletes = api.emulator.log.filter((r) => r.method === 'DELETE' && r.path.startsWith('/v1/files/'));
    assert.equal(deletes.length, 1);
    assert.equal(api.emulator.files.size, 1, 'only the run’s own summary.md is left, the upload is gone');
    for (const run of summary.evals[0].runs) {
      assert.match(run.transcript, /Input files in the container: pulls\.csv/);
    }
  });

  it('errs an eval whose grader answers off its schema, and writes no grading for that run', async () => {
    const results = join(root, 'out');
    const summary = await runEvals(
      clients(),
      await plan([{ ...summaryEval, prompt: 'Write the release notes [grader-off-schema]' }]),
      { concurrency: 4, resultsFolder: results },
    );
    const [outcome] = summary.evals;
    assert.equal(outcome.verdict, 'errored');
    assert.match(outcome.error!.message, /grader's answer does not fit/);
    assert.equal(outcome.runs[0].failedAt, 'grader');
    assert.ok(!existsSync(join(results, 'iteration-1', 'eval-1', 'with_skill', 'run-1', 'grading.json')));
    assert.ok(existsSync(join(results, 'iteration-1', 'eval-1', 'with_skill', 'run-1', 'transcript.md')));
  });

  it('runs the baseline as the older version when asked (old_skill)', async () => {
    const older = api.emulator.store.listVersions('skill_01Notes')[1].id;
    const summary = await runEvals(
      clients(),
      await plan([summaryEval], [], {
        baseline: { configuration: 'old_skill', skill: { type: 'custom', skill_id: 'skill_01Notes', version: older } },
      }),
      { concurrency: 4 },
    );
    assert.deepEqual(Object.keys(summary.benchmark!.run_summary), ['with_skill', 'old_skill', 'delta']);
    const skills = api.emulator.log
      .filter((r) => r.path === '/v1/messages')
      .map((r) => (r.json as { container?: { skills: { version: string }[] } }).container?.skills[0]?.version);
    assert.ok(skills.includes(older));
    assert.ok(skills.includes('latest'));
  });

  it('counts a query triggered when the skill is read, among its neighbours, with a small token cap', async () => {
    const summary = await runEvals(
      clients(),
      await plan(
        [],
        [
          { query: 'Draft the release notes for this sprint', should_trigger: true },
          { query: 'Review my migration for locking', should_trigger: false },
        ],
      ),
      { concurrency: 4, resultsFolder: join(root, 'out') },
    );
    assert.deepEqual(
      summary.queries.map((q) => [q.entry.index, q.triggered, q.verdict]),
      [
        [0, [true, true, true], 'passed'],
        [1, [false, false, false], 'passed'],
      ],
    );
    const bodies = api.emulator.log.filter((r) => r.path === '/v1/messages').map((r) => r.json as never);
    assert.equal(bodies.length, 6);
    for (const body of bodies as { max_tokens: number; container: { skills: unknown[] } }[]) {
      assert.equal(body.max_tokens, 1024);
      assert.equal(body.container.skills.length, 2, 'the neighbour is attached');
    }
    const written = JSON.parse(readFileSync(join(root, 'out', 'iteration-1', 'trigger_results.json'), 'utf8')) as {
      results: { triggers: number; runs: number; pass: boolean }[];
      summary: unknown;
    };
    assert.deepEqual(
      written.results.map((r) => [r.triggers, r.runs, r.pass]),
      [
        [3, 3, true],
        [0, 3, true],
      ],
    );
    assert.deepEqual(written.summary, { total: 2, passed: 2, failed: 0 });
  });

  it('stops everything at a cancel and keeps what finished; uploads are deleted', async () => {
    api.emulator.latencyMs = 150;
    const controller = new AbortController();
    const evals = [1, 2, 3, 4].map((id) => ({ ...summaryEval, id, files: ['evals/files/pulls.csv'] }));
    const done: number[] = [];
    const running = runEvals(
      clients(),
      await plan(evals),
      { concurrency: 1, signal: controller.signal },
      {
        onEval: (o) => {
          done.push(o.entry.id);
          controller.abort();
        },
      },
    );
    const summary = await running;
    assert.ok(summary.stopped, 'the run says it stopped');
    assert.equal(done.length, 1, 'the cancel came as the first eval finished: no other finished after it');
    assert.deepEqual(
      summary.evals.map((o) => o.entry.id),
      done,
    );
    const uploaded = api.emulator.log.filter((r) => r.path === '/v1/files' && r.method === 'POST').length;
    const deleted = api.emulator.log.filter((r) => r.method === 'DELETE' && r.path.startsWith('/v1/files/')).length;
    assert.equal(deleted, uploaded, 'every upload is deleted');
  });

  it('pauses every request on a 429 with retry-after, and goes on', async () => {
    api.emulator.faults.push({ path: '/v1/messages', status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const summary = await runEvals(clients(), await plan([summaryEval]), { concurrency: 4 });
    assert.equal(summary.evals[0].verdict, 'passed');
    assert.equal(summary.stopped, undefined);
  });
});

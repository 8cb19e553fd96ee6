import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  defaultResultsFolder,
  newIteration,
  prepareResultsFolder,
  writeBenchmark,
  writeRunArtifacts,
} from '../../../src/evals/artifacts';
import { buildBenchmark, gradingOf } from '../../../src/evals/benchmark';

describe("eval artifacts in skill-creator's layout", () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(path.join(tmpdir(), 'claude-skills-artifacts-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('puts results beside the skill folder, in a folder git ignores (a .gitignore of its own is kept)', async () => {
    assert.equal(defaultResultsFolder(path.join(scratch, 'pdf-tools')), path.join(scratch, 'pdf-tools-workspace'));
    const root = defaultResultsFolder(path.join(scratch, 'pdf-tools'));
    await prepareResultsFolder(root);
    assert.equal(readFileSync(path.join(root, '.gitignore'), 'utf8'), '*\n');
    writeFileSync(path.join(root, '.gitignore'), '*.json\n');
    await prepareResultsFolder(root);
    assert.equal(readFileSync(path.join(root, '.gitignore'), 'utf8'), '*.json\n');
  });

  it('numbers iterations one past the highest there, never reusing one', async () => {
    await prepareResultsFolder(scratch);
    assert.equal((await newIteration(scratch)).number, 1);
    assert.equal((await newIteration(scratch)).number, 2);
    writeFileSync(path.join(scratch, 'iteration-x'), '');
    const [a, b] = await Promise.all([newIteration(scratch), newIteration(scratch)]);
    assert.notEqual(a.number, b.number, 'two runs at once get two folders');
    assert.deepEqual([a.number, b.number].sort(), [3, 4]);
  });

  it("writes each run's transcript, outputs, grading and timing, and the benchmark, where the script looks", async () => {
    const { folder: iteration } = await newIteration(scratch);
    const grading = gradingOf([{ text: 'A PDF', passed: true, evidence: 'form.pdf' }]);
    const timing = { total_tokens: 3200, duration_ms: 12300, total_duration_seconds: 12.3 };
    const graded = await writeRunArtifacts(iteration, {
      evalId: 3,
      prompt: 'Fill in the form',
      configuration: 'with_skill',
      runNumber: 1,
      transcript: '# Run\n',
      grading,
      timing,
      outputs: [
        {
          fileId: 'file_1',
          name: 'form.pdf',
          sizeBytes: 3,
          mimeType: 'application/pdf',
          data: new Uint8Array([1, 2, 3]),
        },
        { fileId: 'file_2', name: 'big.bin', sizeBytes: 9e9, mimeType: undefined, note: 'too large' },
      ],
    });
    assert.equal(graded, path.join(iteration, 'eval-3', 'with_skill', 'run-1'));
    assert.deepEqual(JSON.parse(readFileSync(path.join(iteration, 'eval-3', 'eval_metadata.json'), 'utf8')), {
      eval_id: 3,
      prompt: 'Fill in the form',
    });
    const written = JSON.parse(readFileSync(path.join(graded, 'grading.json'), 'utf8'));
    assert.deepEqual(written, grading);
    assert.equal('timing' in written, false, 'timing stays out of grading.json');
    assert.deepEqual(JSON.parse(readFileSync(path.join(graded, 'timing.json'), 'utf8')), timing);
    assert.equal(readFileSync(path.join(graded, 'transcript.md'), 'utf8'), '# Run\n');
    assert.deepEqual(readdirSync(path.join(graded, 'outputs')), ['form.pdf'], 'a file not fetched is not written');

    const ungraded = await writeRunArtifacts(iteration, {
      evalId: 3,
      prompt: 'Fill in the form',
      configuration: 'without_skill',
      runNumber: 1,
      transcript: '# Run\nerror\n',
      timing: { ...timing, total_tokens: 0 },
      outputs: [],
    });
    assert.equal(existsSync(path.join(ungraded, 'grading.json')), false, 'an ungraded run has no grading.json');

    const benchmark = buildBenchmark(
      {
        skill_name: 'pdf-tools',
        skill_path: scratch,
        executor_model: 'm',
        grader_model: 'g',
        timestamp: '2026-12-04T00:00:00Z',
        runs_per_configuration: 1,
      },
      [
        {
          evalId: 3,
          configuration: 'with_skill',
          runNumber: 1,
          grading,
          timeSeconds: 12.3,
          tokens: 3200,
          toolCalls: 1,
          errors: 0,
        },
      ],
      'without_skill',
    );
    await writeBenchmark(iteration, benchmark);
    assert.deepEqual(JSON.parse(readFileSync(path.join(iteration, 'benchmark.json'), 'utf8')), benchmark);
    assert.match(readFileSync(path.join(iteration, 'benchmark.md'), 'utf8'), /# Skill Benchmark: pdf-tools/);
  });
});

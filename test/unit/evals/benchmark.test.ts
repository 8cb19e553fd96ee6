import * as assert from 'node:assert/strict';
import {
  benchmarkMarkdown,
  buildBenchmark,
  gradingOf,
  pythonFixed,
  signedFixed,
  stats,
  type Configuration,
  type RunRecord,
} from '../../../src/evals/benchmark';

const marks = (passed: boolean[]) => gradingOf(passed.map((p, i) => ({ text: `e${i}`, passed: p, evidence: 'seen' })));

function run(
  evalId: number,
  configuration: Configuration,
  passed: boolean[] | undefined,
  timeSeconds: number,
  tokens: number,
): RunRecord {
  return {
    evalId,
    configuration,
    runNumber: 1,
    grading: passed && marks(passed),
    timeSeconds,
    tokens,
    toolCalls: 2,
    errors: 0,
  };
}

const metadata = {
  skill_name: 'pdf-tools',
  skill_path: '/work/pdf-tools',
  executor_model: 'claude-sonnet-4-5',
  grader_model: 'claude-sonnet-4-5',
  timestamp: '2026-12-04T12:00:00Z',
  runs_per_configuration: 1,
};

describe("benchmark: skill-creator's aggregation", () => {
  it('prints numbers as Python does: exact ties to even, a kept minus on a negative zero', () => {
    assert.equal(pythonFixed(1.03125, 4), '1.0312', 'an exact tie goes to the even digit');
    assert.equal(pythonFixed(1.03135, 4), (1.03135).toFixed(4), 'not a tie in binary: rounded as the value is');
    assert.equal(pythonFixed(0.125, 2), '0.12');
    assert.equal(pythonFixed(0.375, 2), '0.38');
    assert.equal(pythonFixed(2.5, 0), '2');
    assert.equal(pythonFixed(3.5, 0), '4');
    assert.equal(pythonFixed(1699.5, 0), '1700');
    assert.equal(signedFixed(-0.001, 2), '-0.00');
    assert.equal(signedFixed(0, 2), '+0.00');
    assert.equal(signedFixed(0.125, 2), '+0.12');
    assert.equal(signedFixed(-1.25, 1), '-1.2');
  });

  it('takes the sample standard deviation (n − 1), 0 for one value, rounded to 4 decimals', () => {
    // mean 0.72223…, variance ((0.27777)² + (0.22223)² + (0.05553)²) / 2 = 0.064814…, stddev 0.25459…
    assert.deepEqual(stats([1, 0.5, 0.6667]), { mean: 0.7222, stddev: 0.2546, min: 0.5, max: 1 });
    // mean 12.4; deviations −0.1, 3.4, −3.3: (0.01 + 11.56 + 10.89) / 2 = 11.23, √ = 3.35112
    assert.deepEqual(stats([12.3, 15.8, 9.1]), { mean: 12.4, stddev: 3.3511, min: 9.1, max: 15.8 });
    // 450² · 2 / 1 = 405000, √ = 636.39610
    assert.deepEqual(stats([3200, 4100]), { mean: 3650, stddev: 636.3961, min: 3200, max: 4100 });
    assert.deepEqual(stats([0.5]), { mean: 0.5, stddev: 0, min: 0.5, max: 0.5 });
    assert.deepEqual(stats([]), { mean: 0, stddev: 0, min: 0, max: 0 });
  });

  it('summarizes each configuration over its graded runs only, and the delta as with-skill − baseline', () => {
    const runs = [
      run(1, 'with_skill', [true, true, true], 12.3, 3200),
      run(2, 'with_skill', [true, false], 15.8, 4100),
      run(3, 'with_skill', [true, true, false], 9.1, 3650),
      run(1, 'without_skill', [true, false, false], 10.2, 1950),
      run(2, 'without_skill', [false, true], 11.7, 1951),
      run(3, 'without_skill', undefined, 99, 99999), // errored: not graded, so not counted as 0
    ];
    const benchmark = buildBenchmark(metadata, runs, 'without_skill');
    assert.deepEqual(Object.keys(benchmark.run_summary), ['with_skill', 'without_skill', 'delta']);
    assert.deepEqual(benchmark.run_summary.with_skill, {
      pass_rate: { mean: 0.7222, stddev: 0.2546, min: 0.5, max: 1 },
      time_seconds: { mean: 12.4, stddev: 3.3511, min: 9.1, max: 15.8 },
      tokens: { mean: 3650, stddev: 450, min: 3200, max: 4100 },
    });
    // pass rates 0.3333 and 0.5: mean 0.41665, stored just below the tie → 0.4166; stddev 0.11790… → 0.1179
    assert.deepEqual(benchmark.run_summary.without_skill, {
      pass_rate: { mean: 0.4166, stddev: 0.1179, min: 0.3333, max: 0.5 },
      time_seconds: { mean: 10.95, stddev: 1.0607, min: 10.2, max: 11.7 },
      tokens: { mean: 1950.5, stddev: 0.7071, min: 1950, max: 1951 },
    });
    // 0.7222 − 0.4166 = 0.3056 → +0.31; 12.4 − 10.95 = 1.45 (1.4500000000000002) → +1.5; 1699.5 → +1700
    assert.deepEqual(benchmark.run_summary.delta, { pass_rate: '+0.31', time_seconds: '+1.5', tokens: '+1700' });
    assert.deepEqual(benchmark.metadata.evals_run, [1, 2, 3]);
    assert.equal(benchmark.runs.length, 5, 'the ungraded run is not in runs either');
    assert.deepEqual(benchmark.runs[1], {
      eval_id: 2,
      configuration: 'with_skill',
      run_number: 1,
      result: {
        passed: 1,
        failed: 1,
        total: 2,
        pass_rate: 0.5,
        time_seconds: 15.8,
        tokens: 4100,
        tool_calls: 2,
        errors: 0,
      },
      expectations: [
        { text: 'e0', passed: true, evidence: 'seen' },
        { text: 'e1', passed: false, evidence: 'seen' },
      ],
      notes: [],
    });
    assert.deepEqual(benchmark.notes, []);
  });

  it('with the previous version as baseline, says the delta is new − old', () => {
    const benchmark = buildBenchmark(
      metadata,
      [run(1, 'with_skill', [true], 1, 10), run(1, 'old_skill', [false], 2, 30)],
      'old_skill',
    );
    assert.deepEqual(Object.keys(benchmark.run_summary), ['with_skill', 'old_skill', 'delta']);
    assert.deepEqual(benchmark.run_summary.delta, { pass_rate: '+1.00', time_seconds: '-1.0', tokens: '-20' });
    assert.match(benchmark.notes[0], /with_skill − old_skill/);
  });

  it("writes benchmark.md's table", () => {
    const benchmark = buildBenchmark(
      metadata,
      [run(1, 'with_skill', [true, true], 12.34, 3200), run(1, 'without_skill', [true, false], 10, 2000)],
      'without_skill',
    );
    const md = benchmarkMarkdown(benchmark);
    assert.match(md, /^# Skill Benchmark: pdf-tools$/m);
    assert.match(md, /^\| Metric \| With Skill \| Without Skill \| Delta \|$/m);
    assert.match(md, /^\| Pass Rate \| 100% ± 0% \| 50% ± 0% \| \+0\.50 \|$/m);
    assert.match(md, /^\| Time \| 12\.3s ± 0\.0s \| 10\.0s ± 0\.0s \| \+2\.3s \|$/m);
    assert.match(md, /^\| Tokens \| 3200 ± 0 \| 2000 ± 0 \| \+1200 \|$/m);
    assert.match(md, /^\*\*Evals\*\*: 1 \(1 runs each per configuration\)$/m);
  });
});

// The numbers of an iteration, computed as skill-creator's `aggregate_benchmark.py` computes them, so its
// viewer and its script read our `benchmark.json` and agree with it: per configuration over all its graded
// runs, the mean, the sample standard deviation (n − 1; 0 for one run), min and max, each rounded to 4
// decimals the way Python's round() does; the delta from the rounded means, as signed strings. Runs with
// no grading are left out, not counted as 0. Unlike the script, whose delta follows the folder names'
// alphabetical order (old_skill − with_skill), ours is always with-skill − baseline: said in the report.

export type Configuration = 'with_skill' | 'without_skill' | 'old_skill';

export interface GradedExpectation {
  text: string;
  passed: boolean;
  evidence: string;
}

/** `grading.json`, without `timing`: the script would then take tokens from elsewhere (evals.md). */
export interface Grading {
  expectations: GradedExpectation[];
  summary: { passed: number; failed: number; total: number; pass_rate: number };
}

export interface RunRecord {
  evalId: number;
  configuration: Configuration;
  runNumber: number;
  /** Missing when the run errored or was cancelled before it was graded. */
  grading?: Grading;
  timeSeconds: number;
  tokens: number;
  toolCalls: number;
  errors: number;
  notes?: string[];
}

export interface Stats {
  mean: number;
  stddev: number;
  min: number;
  max: number;
}

export interface ConfigurationSummary {
  pass_rate: Stats;
  time_seconds: Stats;
  tokens: Stats;
}

export interface BenchmarkMetadata {
  skill_name: string;
  skill_path: string;
  executor_model: string;
  grader_model: string;
  timestamp: string;
  evals_run: number[];
  runs_per_configuration: number;
}

export interface Benchmark {
  metadata: BenchmarkMetadata;
  runs: {
    eval_id: number;
    configuration: Configuration;
    run_number: number;
    result: {
      pass_rate: number;
      passed: number;
      failed: number;
      total: number;
      time_seconds: number;
      tokens: number;
      tool_calls: number;
      errors: number;
    };
    expectations: GradedExpectation[];
    notes: string[];
  }[];
  run_summary: Record<string, ConfigurationSummary | Delta>;
  notes: string[];
}

export interface Delta {
  pass_rate: string;
  time_seconds: string;
  tokens: string;
}

/**
 * `x` with `digits` decimals as Python prints it: the exact binary value correctly rounded, an exact tie to
 * the even digit. (`toFixed` takes a tie up, `Math.round(x * 10^d)` errs by the product's own rounding.)
 */
export function pythonFixed(x: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return String(x);
  const negative = x < 0 || Object.is(x, -0);
  const magnitude = Math.abs(x);
  // Exact for the magnitudes of a benchmark: a double below 2^53 has at most 52 binary, so 52 decimal, places.
  const exact = magnitude.toFixed(100);
  const [whole, fraction] = exact.split('.');
  const rest = fraction.slice(digits);
  let kept = magnitude.toFixed(digits);
  if (/^50*$/.test(rest)) {
    const keptDigits = whole + fraction.slice(0, digits);
    if (Number(keptDigits.at(-1)) % 2 === 0) {
      kept = digits === 0 ? whole : `${whole}.${fraction.slice(0, digits)}`;
    }
  }
  return negative ? `-${kept}` : kept;
}

/** Python's `round(x, digits)` as a number. */
export const pythonRound = (x: number, digits: number): number => Number(pythonFixed(x, digits));

/** Python's `f"{x:+.{digits}f}"`: a sign always, `-` kept on a value that rounds to zero. */
export function signedFixed(x: number, digits: number): string {
  const text = pythonFixed(x, digits);
  return text.startsWith('-') ? text : `+${text}`;
}

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) return { mean: 0, stddev: 0, min: 0, max: 0 };
  const n = values.length;
  const mean = values.reduce((sum, x) => sum + x, 0) / n;
  const stddev = n > 1 ? Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return {
    mean: pythonRound(mean, 4),
    stddev: pythonRound(stddev, 4),
    min: pythonRound(Math.min(...values), 4),
    max: pythonRound(Math.max(...values), 4),
  };
}

/** The summary `grading.json` holds, from the grader's marks. */
export function gradingOf(expectations: GradedExpectation[]): Grading {
  const passed = expectations.filter((e) => e.passed).length;
  const total = expectations.length;
  return {
    expectations,
    summary: { passed, failed: total - passed, total, pass_rate: total === 0 ? 0 : pythonRound(passed / total, 4) },
  };
}

export function summarize(runs: readonly RunRecord[]): ConfigurationSummary {
  const graded = runs.filter((r) => r.grading);
  return {
    pass_rate: stats(graded.map((r) => r.grading!.summary.pass_rate)),
    time_seconds: stats(graded.map((r) => r.timeSeconds)),
    tokens: stats(graded.map((r) => r.tokens)),
  };
}

export function deltaOf(skill: ConfigurationSummary, baseline: ConfigurationSummary): Delta {
  return {
    pass_rate: signedFixed(skill.pass_rate.mean - baseline.pass_rate.mean, 2),
    time_seconds: signedFixed(skill.time_seconds.mean - baseline.time_seconds.mean, 1),
    tokens: signedFixed(skill.tokens.mean - baseline.tokens.mean, 0),
  };
}

/** `benchmark.json` of an iteration: with_skill first, then the baseline, then the delta. */
export function buildBenchmark(
  metadata: Omit<BenchmarkMetadata, 'evals_run'>,
  runs: readonly RunRecord[],
  baseline: Exclude<Configuration, 'with_skill'>,
): Benchmark {
  const graded = runs.filter((r) => r.grading);
  const withSkill = summarize(runs.filter((r) => r.configuration === 'with_skill'));
  const without = summarize(runs.filter((r) => r.configuration === baseline));
  return {
    metadata: { ...metadata, evals_run: [...new Set(graded.map((r) => r.evalId))].sort((a, b) => a - b) },
    runs: graded.map((r) => ({
      eval_id: r.evalId,
      configuration: r.configuration,
      run_number: r.runNumber,
      result: {
        ...r.grading!.summary,
        time_seconds: r.timeSeconds,
        tokens: r.tokens,
        tool_calls: r.toolCalls,
        errors: r.errors,
      },
      expectations: r.grading!.expectations,
      notes: r.notes ?? [],
    })),
    run_summary: { with_skill: withSkill, [baseline]: without, delta: deltaOf(withSkill, without) },
    notes:
      baseline === 'old_skill'
        ? ['The delta is with_skill − old_skill (skill-creator would print old_skill − with_skill).']
        : [],
  };
}

const label = (configuration: string) =>
  configuration
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/** `benchmark.md`: the summary table skill-creator's script writes, for reading without its viewer. */
export function benchmarkMarkdown(benchmark: Benchmark): string {
  const { metadata, run_summary: summary } = benchmark;
  const configurations = Object.keys(summary).filter((k) => k !== 'delta');
  const [a, b] = configurations.map((c) => summary[c] as ConfigurationSummary);
  const delta = summary.delta as Delta;
  const percent = (x: number) => `${pythonFixed(x * 100, 0)}%`;
  return [
    `# Skill Benchmark: ${metadata.skill_name}`,
    '',
    `**Model**: ${metadata.executor_model}`,
    `**Grader**: ${metadata.grader_model}`,
    `**Date**: ${metadata.timestamp}`,
    `**Evals**: ${metadata.evals_run.join(', ')} (${metadata.runs_per_configuration} runs each per configuration)`,
    '',
    '## Summary',
    '',
    `| Metric | ${label(configurations[0])} | ${label(configurations[1])} | Delta |`,
    '|--------|------------|---------------|-------|',
    `| Pass Rate | ${percent(a.pass_rate.mean)} ± ${percent(a.pass_rate.stddev)} | ${percent(b.pass_rate.mean)} ± ${percent(b.pass_rate.stddev)} | ${delta.pass_rate} |`,
    `| Time | ${pythonFixed(a.time_seconds.mean, 1)}s ± ${pythonFixed(a.time_seconds.stddev, 1)}s | ${pythonFixed(b.time_seconds.mean, 1)}s ± ${pythonFixed(b.time_seconds.stddev, 1)}s | ${delta.time_seconds}s |`,
    `| Tokens | ${pythonFixed(a.tokens.mean, 0)} ± ${pythonFixed(a.tokens.stddev, 0)} | ${pythonFixed(b.tokens.mean, 0)} ± ${pythonFixed(b.tokens.stddev, 0)} | ${delta.tokens} |`,
    ...(benchmark.notes.length > 0 ? ['', '## Notes', '', ...benchmark.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}

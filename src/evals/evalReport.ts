// The report of one eval run, as Markdown (written beside benchmark.json as report.md, shown read-only):
// the summary, a table of each eval with the skill against the baseline, the expectations that pass in
// both configurations (they do not tell what the skill is worth), the evals whose runs disagree (flaky),
// trigger precision and recall, and tokens and time. Every text a model or the author wrote is made safe
// first (cells escaped, evidence through the run documents' sanitizer). No `vscode` import.
import { escapeInline } from '../runs/runMarkdown';
import { defangSchemes } from '../shared/safeMarkdown';
import { pythonFixed, type ConfigurationSummary, type Delta } from './benchmark';
import type { EvalOutcome, EvalRunSummary, QualityRunOutcome, QueryOutcome } from './evalRun';

export interface ReportContext {
  skillName: string;
  model: string;
  graderModel: string;
  /** What the skill ran as: "the folder's eval draft (version …)" or "version … of …". */
  subject: string;
  /** What it was compared with, in words. */
  baseline: string;
  renamed?: boolean;
}

const PROMPT_CHARS = 60;

/** A table cell: inline-escaped, one line, no pipe that would end the cell. */
const cell = (text: string) => escapeInline(text.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\\|');
const short = (text: string, max = PROMPT_CHARS) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
const percent = (rate: number) => `${pythonFixed(rate * 100, 0)}%`;

function tally(runs: readonly QualityRunOutcome[]): string {
  const graded = runs.filter((r) => r.grading);
  if (runs.length > 0 && graded.length === 0) return 'errored';
  const passed = graded.reduce((n, r) => n + r.grading!.summary.passed, 0);
  const total = graded.reduce((n, r) => n + r.grading!.summary.total, 0);
  const errored = runs.length - graded.length;
  return `${passed} of ${total}${errored ? ` (${errored} errored)` : ''}`;
}

/** "without skill: 1 of 3 expectations": the baseline beside an eval's result. */
export function baselineLine(outcome: EvalOutcome): string | undefined {
  const baseline = outcome.runs.filter((r) => r.configuration !== 'with_skill');
  if (baseline.length === 0) return undefined;
  const label = baseline[0].configuration === 'old_skill' ? 'published version' : 'without skill';
  return `${label}: ${tally(baseline)} expectations`;
}

/** Each expectation index's verdicts over the runs of one configuration. */
function verdicts(runs: readonly QualityRunOutcome[]): Map<number, boolean[]> {
  const byIndex = new Map<number, boolean[]>();
  for (const run of runs) {
    run.grading?.expectations.forEach((e, i) => byIndex.set(i, [...(byIndex.get(i) ?? []), e.passed]));
  }
  return byIndex;
}

function passingInBoth(outcome: EvalOutcome): string[] {
  const withSkill = verdicts(outcome.runs.filter((r) => r.configuration === 'with_skill'));
  const baseline = verdicts(outcome.runs.filter((r) => r.configuration !== 'with_skill'));
  return outcome.entry.expectations
    .filter((_, i) => withSkill.get(i)?.every(Boolean) && baseline.get(i)?.every(Boolean))
    .map((e) => e.text);
}

/** Expectations whose verdict differs between runs of the same configuration. */
function disagreements(outcome: EvalOutcome): string[] {
  const found: string[] = [];
  for (const configuration of ['with_skill', 'without_skill', 'old_skill'] as const) {
    const byIndex = verdicts(outcome.runs.filter((r) => r.configuration === configuration));
    for (const [i, seen] of byIndex) {
      if (seen.length > 1 && seen.some(Boolean) && !seen.every(Boolean)) {
        found.push(`${configuration}: ${outcome.entry.expectations[i]?.text ?? `expectation ${i}`}`);
      }
    }
  }
  return found;
}

function triggerSection(queries: readonly QueryOutcome[]): string[] {
  const judged = queries.filter((q) => q.verdict !== 'errored');
  const counted = (q: QueryOutcome) => q.rate >= 0.5;
  const truePositive = judged.filter((q) => counted(q) && q.entry.shouldTrigger).length;
  const falsePositive = judged.filter((q) => counted(q) && !q.entry.shouldTrigger).length;
  const falseNegative = judged.filter((q) => !counted(q) && q.entry.shouldTrigger).length;
  const ratio = (n: number, d: number) => (d === 0 ? 'n/a' : percent(n / d));
  const rows = queries.map((q) => {
    const runs = q.triggered.length + q.errors.length;
    const seen = `${q.triggered.filter(Boolean).length} of ${runs}${q.errors.length ? ` (${q.errors.length} errored)` : ''}`;
    return `| ${q.entry.index} | ${cell(short(q.entry.query))} | ${q.entry.shouldTrigger ? 'yes' : 'no'} | ${seen} | ${q.verdict} |`;
  });
  return [
    '## Triggering',
    '',
    `${judged.filter((q) => q.verdict === 'passed').length} of ${queries.length} queries pass. Precision ${ratio(truePositive, truePositive + falsePositive)}, recall ${ratio(truePositive, truePositive + falseNegative)} (a query counts as triggered when at least half its runs read the skill).`,
    '',
    '| # | Query | Should trigger | Read the skill | Result |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

function costSection(summary: EvalRunSummary): string[] {
  const runSummary = summary.benchmark?.run_summary ?? {};
  const rows = Object.entries(runSummary)
    .filter(([key]) => key !== 'delta')
    .map(([configuration, s]) => {
      const stats = s as ConfigurationSummary;
      return `| ${configuration} | ${percent(stats.pass_rate.mean)} | ${pythonFixed(stats.time_seconds.mean, 1)} s | ${pythonFixed(stats.tokens.mean, 0)} |`;
    });
  if (rows.length === 0) return [];
  const delta = runSummary.delta as Delta | undefined;
  return [
    '## Tokens and time (mean per run)',
    '',
    '| Configuration | Pass rate | Time | Tokens |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(delta
      ? [`| delta (with skill − baseline) | ${delta.pass_rate} | ${delta.time_seconds} s | ${delta.tokens} |`]
      : []),
  ];
}

export function evalReportMarkdown(summary: EvalRunSummary, context: ReportContext): string {
  const lines: string[] = [
    `# Skill Evals: ${cell(context.skillName)}${summary.iteration ? `, iteration ${summary.iteration.number}` : ''}`,
    '',
    `- **Ran:** ${cell(context.subject)}, against ${cell(context.baseline)}`,
    `- **Models:** ${cell(context.model)} (runs), ${cell(context.graderModel)} (grading)`,
  ];
  if (summary.benchmark) lines.push(`- **When:** ${summary.benchmark.metadata.timestamp}`);
  if (context.renamed) {
    lines.push(
      '- **Renamed: may not be representative.** The API refused a second skill of this name, so the draft ran as `<name>-draft`.',
    );
  }
  if (summary.stopped) lines.push('- **Stopped early:** what finished before the stop is below.');
  for (const note of summary.benchmark?.notes ?? []) lines.push(`- ${cell(note)}`);

  if (summary.evals.length > 0) {
    const count = (v: string) => summary.evals.filter((o) => o.verdict === v).length;
    lines.push(
      '',
      '## Quality',
      '',
      `${count('passed')} passed, ${count('failed')} failed, ${count('errored')} errored of ${summary.evals.length} evals.`,
      '',
      '| Eval | Prompt | With skill | Baseline | Result |',
      '| --- | --- | --- | --- | --- |',
      ...summary.evals.map((o) => {
        const baseline = o.runs.filter((r) => r.configuration !== 'with_skill');
        return `| ${o.entry.id} | ${cell(short(o.entry.prompt))} | ${tally(o.runs.filter((r) => r.configuration === 'with_skill'))} | ${tally(baseline)} | ${o.verdict} |`;
      }),
    );
    const failures = summary.evals.flatMap((o) =>
      o.failures.map((f) => `- Eval ${o.entry.id}: ${cell(f.text)} — ${cell(short(f.evidence, 300))}`),
    );
    const errors = summary.evals.flatMap((o) => (o.error ? [`- Eval ${o.entry.id}: ${cell(o.error.message)}`] : []));
    if (failures.length) lines.push('', '### Failed expectations (with the grader’s evidence)', '', ...failures);
    if (errors.length) lines.push('', '### Errors', '', ...errors);
    const both = summary.evals.flatMap((o) => passingInBoth(o).map((text) => `- Eval ${o.entry.id}: ${cell(text)}`));
    lines.push(
      '',
      '### Expectations that pass in both configurations',
      '',
      ...(both.length
        ? ['They do not tell what the skill is worth: make them harder, or drop them.', '', ...both]
        : ['None.']),
    );
    const flaky = summary.evals.flatMap((o) => disagreements(o).map((text) => `- Eval ${o.entry.id}, ${cell(text)}`));
    lines.push(
      '',
      '### Flaky evals (runs disagree)',
      '',
      ...(flaky.length
        ? flaky
        : [
            summary.benchmark?.metadata.runs_per_configuration === 1
              ? 'One run per configuration: raise `claudeSkills.evalRuns` to see.'
              : 'None.',
          ]),
    );
  }
  if (summary.queries.length > 0) lines.push('', ...triggerSection(summary.queries));
  const cost = costSection(summary);
  if (cost.length) lines.push('', ...cost);
  return defangSchemes(`${lines.join('\n')}\n`);
}

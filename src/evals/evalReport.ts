// The report of one eval run, as Markdown (written beside benchmark.json as report.md, shown read-only):
// the summary, a table of each eval with the skill against the baseline, the expectations that pass in
// both configurations (they do not tell what the skill is worth), the evals whose runs disagree (flaky),
// trigger precision and recall, and tokens and time. Every text a model or the author wrote is made safe
// first (cells escaped, evidence through the run documents' sanitizer). No `vscode` import.
import * as l10n from '@vscode/l10n';
import { escapeInline } from '../runs/runMarkdown';
import { defangSchemes } from '../shared/safeMarkdown';
import { formatNumber, formatPercent, plural } from '../shared/words';
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

/** A verdict as the report says it; the word in the JSON files stays the English one. */
const VERDICTS: Readonly<Record<string, () => string>> = {
  passed: () => l10n.t('passed'),
  failed: () => l10n.t('failed'),
  errored: () => l10n.t('errored'),
};
const verdictWord = (verdict: string) => VERDICTS[verdict]?.() ?? verdict;

function tally(runs: readonly QualityRunOutcome[]): string {
  const graded = runs.filter((r) => r.grading);
  if (runs.length > 0 && graded.length === 0) return verdictWord('errored');
  const passed = graded.reduce((n, r) => n + r.grading!.summary.passed, 0);
  const total = graded.reduce((n, r) => n + r.grading!.summary.total, 0);
  return ofWithErrors(passed, total, runs.length - graded.length);
}

/** "2 of 3", "2 of 3 (1 errored)". */
function ofWithErrors(count: number, total: number, errored: number): string {
  const of = l10n.t('{0} of {1}', formatNumber(count), formatNumber(total));
  return errored ? l10n.t('{0} ({1} errored)', of, formatNumber(errored)) : of;
}

/** "without skill: 1 of 3 expectations": the baseline beside an eval's result. */
export function baselineLine(outcome: EvalOutcome): string | undefined {
  const baseline = outcome.runs.filter((r) => r.configuration !== 'with_skill');
  if (baseline.length === 0) return undefined;
  return baseline[0].configuration === 'old_skill'
    ? l10n.t('published version: {0} expectations', tally(baseline))
    : l10n.t('without skill: {0} expectations', tally(baseline));
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
        found.push(`${configuration}: ${outcome.entry.expectations[i]?.text ?? l10n.t('expectation {0}', i)}`);
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
  const ratio = (n: number, d: number) => (d === 0 ? l10n.t('n/a') : formatPercent(n / d));
  const rows = queries.map((q) => {
    const seen = ofWithErrors(
      q.triggered.filter(Boolean).length,
      q.triggered.length + q.errors.length,
      q.errors.length,
    );
    const should = q.entry.shouldTrigger ? l10n.t('yes') : l10n.t('no');
    return `| ${q.entry.index} | ${cell(short(q.entry.query))} | ${should} | ${seen} | ${verdictWord(q.verdict)} |`;
  });
  return [
    l10n.t('## Triggering'),
    '',
    l10n.t(
      'Queries passing: {0} of {1}. Precision {2}, recall {3} (a query counts as triggered when at least half its runs read the skill).',
      formatNumber(judged.filter((q) => q.verdict === 'passed').length),
      formatNumber(queries.length),
      ratio(truePositive, truePositive + falsePositive),
      ratio(truePositive, truePositive + falseNegative),
    ),
    '',
    tableHead(l10n.t('#'), l10n.t('Query'), l10n.t('Should trigger'), l10n.t('Read the skill'), l10n.t('Result')),
    ...rows,
  ];
}

function costSection(summary: EvalRunSummary): string[] {
  const runSummary = summary.benchmark?.run_summary ?? {};
  const rows = Object.entries(runSummary)
    .filter(([key]) => key !== 'delta')
    .map(([configuration, s]) => {
      const stats = s as ConfigurationSummary;
      const time = l10n.t('{0} s', pythonFixed(stats.time_seconds.mean, 1));
      return `| ${configuration} | ${formatPercent(stats.pass_rate.mean)} | ${time} | ${pythonFixed(stats.tokens.mean, 0)} |`;
    });
  if (rows.length === 0) return [];
  const delta = runSummary.delta as Delta | undefined;
  return [
    l10n.t('## Tokens and time (mean per run)'),
    '',
    tableHead(l10n.t('Configuration'), l10n.t('Pass rate'), l10n.t('Time'), l10n.t('Tokens')),
    ...rows,
    ...(delta
      ? [
          `| ${l10n.t('delta (with skill − baseline)')} | ${delta.pass_rate} | ${l10n.t('{0} s', delta.time_seconds)} | ${delta.tokens} |`,
        ]
      : []),
  ];
}

/** A table's header row and the row under it. */
function tableHead(...titles: string[]): string {
  return `| ${titles.join(' | ')} |\n|${' --- |'.repeat(titles.length)}`;
}

export function evalReportMarkdown(summary: EvalRunSummary, context: ReportContext): string {
  const lines: string[] = [
    summary.iteration
      ? l10n.t('# Skill Evals: {0}, iteration {1}', cell(context.skillName), summary.iteration.number)
      : l10n.t('# Skill Evals: {0}', cell(context.skillName)),
    '',
    l10n.t('- **Ran:** {0}, against {1}', cell(context.subject), cell(context.baseline)),
    l10n.t('- **Models:** {0} (runs), {1} (grading)', cell(context.model), cell(context.graderModel)),
  ];
  if (summary.benchmark) lines.push(l10n.t('- **When:** {0}', summary.benchmark.metadata.timestamp));
  if (context.renamed) {
    lines.push(
      l10n.t(
        '- **Renamed: may not be representative.** The API refused a second skill of this name, so the draft ran as `<name>-draft`.',
      ),
    );
  }
  if (summary.stopped) lines.push(l10n.t('- **Stopped early:** what finished before the stop is below.'));
  // benchmark.json's notes stay in English, the file's language for skill-creator's viewer; said here anew.
  if (summary.benchmark && 'old_skill' in summary.benchmark.run_summary) {
    lines.push(l10n.t('- The delta is with_skill − old_skill (skill-creator would print old_skill − with_skill).'));
  }

  if (summary.evals.length > 0) {
    const count = (v: string) => formatNumber(summary.evals.filter((o) => o.verdict === v).length);
    lines.push(
      '',
      l10n.t('## Quality'),
      '',
      l10n.t(
        '{0} passed, {1} failed, {2} errored of {3}.',
        count('passed'),
        count('failed'),
        count('errored'),
        plural(summary.evals.length, 'eval'),
      ),
      '',
      tableHead(l10n.t('Eval'), l10n.t('Prompt'), l10n.t('With skill'), l10n.t('Baseline'), l10n.t('Result')),
      ...summary.evals.map((o) => {
        const withSkill = tally(o.runs.filter((r) => r.configuration === 'with_skill'));
        const baseline = tally(o.runs.filter((r) => r.configuration !== 'with_skill'));
        return `| ${o.entry.id} | ${cell(short(o.entry.prompt))} | ${withSkill} | ${baseline} | ${verdictWord(o.verdict)} |`;
      }),
    );
    const item = (id: number, text: string) => l10n.t('- Eval {0}: {1}', id, text);
    const failures = summary.evals.flatMap((o) =>
      o.failures.map((f) => item(o.entry.id, `${cell(f.text)} — ${cell(short(f.evidence, 300))}`)),
    );
    const errors = summary.evals.flatMap((o) => (o.error ? [item(o.entry.id, cell(o.error.message))] : []));
    if (failures.length)
      lines.push('', l10n.t('### Failed expectations (with the grader’s evidence)'), '', ...failures);
    if (errors.length) lines.push('', l10n.t('### Errors'), '', ...errors);
    const both = summary.evals.flatMap((o) => passingInBoth(o).map((text) => item(o.entry.id, cell(text))));
    lines.push(
      '',
      l10n.t('### Expectations that pass in both configurations'),
      '',
      ...(both.length
        ? [l10n.t('They do not tell what the skill is worth: make them harder, or drop them.'), '', ...both]
        : [l10n.t('None.')]),
    );
    const flaky = summary.evals.flatMap((o) =>
      disagreements(o).map((text) => l10n.t('- Eval {0}, {1}', o.entry.id, cell(text))),
    );
    lines.push(
      '',
      l10n.t('### Flaky evals (runs disagree)'),
      '',
      ...(flaky.length
        ? flaky
        : [
            summary.benchmark?.metadata.runs_per_configuration === 1
              ? l10n.t('One run per configuration: raise `claudeSkills.evalRuns` to see.')
              : l10n.t('None.'),
          ]),
    );
  }
  if (summary.queries.length > 0) lines.push('', ...triggerSection(summary.queries));
  const cost = costSection(summary);
  if (cost.length) lines.push('', ...cost);
  return defangSchemes(`${lines.join('\n')}\n`);
}

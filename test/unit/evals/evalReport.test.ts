// The eval report from hand-made outcomes: the per-eval table with the baseline, expectations that pass in
// both configurations, flaky evals, trigger precision and recall, and model text made safe.
import * as assert from 'node:assert/strict';
import { gradingOf, type Configuration } from '../../../src/evals/benchmark';
import { parseQualityEvals, parseTriggerQueries } from '../../../src/evals/evalFiles';
import { baselineLine, evalReportMarkdown } from '../../../src/evals/evalReport';
import { outcomeOf, type EvalRunSummary, type QualityRunOutcome, type QueryOutcome } from '../../../src/evals/evalRun';

const [entry] = parseQualityEvals(
  JSON.stringify({
    evals: [
      { id: 7, prompt: 'Fill in | the form', expectations: ['It says "done"', 'The file is a PDF', 'It is polite'] },
    ],
  }),
).evals;

function run(
  configuration: Configuration,
  runNumber: number,
  passed: boolean[],
  evidence = 'quoted',
): QualityRunOutcome {
  return {
    configuration,
    runNumber,
    transcript: '',
    grading: gradingOf(entry.expectations.map((e, i) => ({ text: e.text, passed: passed[i], evidence }))),
    timing: { total_tokens: 100, duration_ms: 1000, total_duration_seconds: 1 },
    toolCalls: 1,
    files: [],
  };
}

const queries = parseTriggerQueries(
  JSON.stringify([
    { query: 'fill this form', should_trigger: true },
    { query: 'merge two PDFs', should_trigger: true },
    { query: 'write a poem', should_trigger: false },
    { query: 'tell a joke', should_trigger: false },
  ]),
).queries;
const query = (index: number, triggered: boolean[]): QueryOutcome => ({
  entry: queries[index],
  triggered,
  errors: [],
  rate: triggered.filter(Boolean).length / triggered.length,
  verdict:
    triggered.filter(Boolean).length / triggered.length >= 0.5 === queries[index].shouldTrigger ? 'passed' : 'failed',
});

const context = { skillName: 'pdf-forms', model: 'm', graderModel: 'g', subject: 'the draft', baseline: 'no skill' };

describe('the eval report', () => {
  const outcome = outcomeOf(entry, [
    run('with_skill', 1, [true, true, true]),
    run('with_skill', 2, [true, false, true], 'Click [here](command:evil) <b>x</b>'),
    run('without_skill', 1, [true, false, false]),
    run('without_skill', 2, [true, false, false]),
  ]);
  const summary: EvalRunSummary = {
    evals: [outcome],
    queries: [
      query(0, [true, true, false]),
      query(1, [false, false, true]),
      query(2, [true, true, true]),
      query(3, [false, false, false]),
    ],
  };
  const markdown = evalReportMarkdown(summary, context);

  it('fails the eval at the expectation one with-skill run missed, and says the baseline', () => {
    assert.equal(outcome.verdict, 'failed');
    assert.deepEqual(
      outcome.failures.map((f) => [f.index, f.runNumber]),
      [[1, 2]],
    );
    assert.equal(baselineLine(outcome), 'without skill: 2 of 6 expectations');
    assert.match(markdown, /\| 7 \| Fill in \\\| the form \| 5 of 6 \| 2 of 6 \| failed \|/);
  });

  it('lists what passes in both configurations, and the flaky expectation', () => {
    assert.match(markdown, /### Expectations that pass in both configurations\n\n.*\n\n- Eval 7: It says "done"\n/);
    assert.match(markdown, /### Flaky evals \(runs disagree\)\n\n- Eval 7, with_skill: The file is a PDF/);
  });

  it('gives trigger precision and recall by skill-creator’s threshold', () => {
    // Triggered: queries 0 (2 of 3) and 2 (3 of 3); 0 should, 2 should not; 1 should but did not.
    assert.match(markdown, /Queries passing: 2 of 4\. Precision 50%, recall 50%/);
  });

  it('keeps model text from making links or HTML', () => {
    assert.doesNotMatch(markdown, /\]\(command:|<b>/);
    assert.match(markdown, /command:evil/);
  });
});

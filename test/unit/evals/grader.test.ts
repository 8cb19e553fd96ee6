import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import {
  GRADE_TOOL,
  MAX_EVIDENCE_CHARS,
  MAX_TRANSCRIPT_CHARS,
  graderRequest,
  readGrades,
} from '../../../src/evals/grader';

const EXPECTATIONS = ['The output is a PDF', 'The name field reads "Ada"'];
const call = (input: unknown, name = GRADE_TOOL) => ({
  content: [{ type: 'tool_use', id: 'toolu_1', name, input }],
});

describe('the grader', () => {
  it('asks through one forced, strict tool, with no skills and no thinking, the expectations numbered', () => {
    const request = graderRequest({
      model: 'claude-grader-1',
      prompt: 'Fill in form.pdf',
      expectedOutput: 'A filled form',
      transcript: 'I filled it.',
      files: [
        { name: 'form.pdf', size: 2048 },
        { name: 'notes.txt', size: 5, text: 'hello' },
      ],
      expectations: EXPECTATIONS,
    });
    assert.equal(request.model, 'claude-grader-1');
    assert.deepEqual(request.tool_choice, { type: 'tool', name: GRADE_TOOL });
    assert.equal(request.container, undefined);
    assert.equal('thinking' in request, false);
    assert.equal(request.tools.length, 1);
    const tool = request.tools[0] as { name: string; strict?: boolean; input_schema: Record<string, unknown> };
    assert.equal(tool.name, GRADE_TOOL);
    assert.equal(tool.strict, true);
    assert.deepEqual(
      (tool.input_schema as { properties: { expectations: { items: { required: string[] } } } }).properties.expectations
        .items.required,
      ['index', 'passed', 'evidence'],
    );
    const text = request.messages[0].content as string;
    assert.match(text, /<task>\nFill in form\.pdf\n<\/task>/);
    assert.match(text, /<expected>\nA filled form\n<\/expected>/);
    assert.match(text, /0\. The output is a PDF\n1\. The name field reads "Ada"/);
    assert.match(text, /### form\.pdf \(2(\.0)? KB\)\nA binary file: its content is not shown\./);
    assert.match(text, /### notes\.txt \(5 B\)\n<file>\nhello\n<\/file>/);
  });

  it('bounds the transcript and the files it sends', () => {
    const request = graderRequest({
      model: 'm',
      prompt: 'p',
      transcript: 'x'.repeat(MAX_TRANSCRIPT_CHARS * 3),
      files: Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.txt`, size: 50_000, text: 'y'.repeat(50_000) })),
      expectations: ['e'],
    });
    const text = request.messages[0].content as string;
    assert.ok(text.length < MAX_TRANSCRIPT_CHARS + 100_000 + 10_000, `${text.length} characters`);
    assert.match(text, /more characters not shown/);
    assert.match(text, /### f19\.txt/, 'every file is still named');
  });

  it('reads the verdicts back in our order, with our texts and bounded evidence', () => {
    const grades = readGrades(
      call({
        expectations: [
          { index: 1, passed: false, evidence: 'The field reads "Bob". (a paraphrase: "name is Ada" ignored)' },
          { index: 0, passed: true, evidence: 'x'.repeat(MAX_EVIDENCE_CHARS * 2) },
        ],
      }),
      EXPECTATIONS,
    );
    assert.deepEqual(
      grades.map((g) => [g.text, g.passed, g.evidence.length]),
      [
        ['The output is a PDF', true, MAX_EVIDENCE_CHARS],
        ['The name field reads "Ada"', false, 60],
      ],
    );
  });

  it('calls every answer that does not fit an error of that run, never a pass', () => {
    const good = { index: 0, passed: true, evidence: 'seen' };
    const cases: [string, { content: { type: string; [k: string]: unknown }[] }, RegExp][] = [
      ['text only', { content: [{ type: 'text', text: 'All pass!' }] }, /expected one call of record_grades, got none/],
      ['another tool', call({ expectations: [] }, 'other_tool'), /expected one call/],
      ['two calls', { content: [...call({}).content, ...call({}).content] }, /got 2 tool calls/],
      ['no list', call({ grades: [] }), /no "expectations" list/],
      ['input not an object', call('PASS'), /no "expectations" list/],
      ['an entry not an object', call({ expectations: ['PASS'] }), /not an object/],
      ['a missing index', call({ expectations: [good] }), /no verdict for expectation 1/],
      ['a repeated index', call({ expectations: [good, good] }), /expectation 0 graded twice/],
      ['an unknown index', call({ expectations: [good, { ...good, index: 2 }] }), /names no expectation: 2/],
      ['an index as text', call({ expectations: [{ ...good, index: '0' }] }), /names no expectation/],
      ['passed as text', call({ expectations: [{ ...good, passed: 'yes' }] }), /"passed" of expectation 0/],
      ['no evidence', call({ expectations: [{ index: 0, passed: true }] }), /"evidence" of expectation 0/],
    ];
    for (const [what, message, expected] of cases) {
      assert.throws(
        () => readGrades(message, EXPECTATIONS, 'req_grader'),
        (err: unknown) =>
          err instanceof ApiError &&
          expected.test(err.message) &&
          /is not graded/.test(err.message) &&
          err.requestId === 'req_grader',
        what,
      );
    }
  });
});

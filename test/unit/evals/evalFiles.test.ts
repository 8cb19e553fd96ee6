import * as assert from 'node:assert/strict';
import {
  skillNameProblem,
  MAX_ENTRIES,
  parseQualityEvals,
  parseTriggerQueries,
  positionAt,
  type EvalFileProblem,
  type TextSpan,
} from '../../../src/evals/evalFiles';

const at = (text: string, span: TextSpan) => text.slice(span.offset, span.offset + span.length);
const messages = (problems: EvalFileProblem[]) => problems.map((p) => `${p.severity}: ${p.message}`);

/** The one problem of a parse, with the text it points at. */
function onlyProblem(text: string, problems: EvalFileProblem[]) {
  assert.equal(problems.length, 1, messages(problems).join('\n'));
  return { ...problems[0], at: at(text, problems[0].span) };
}

const evalsFile = (evals: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ skill_name: 'pdf-tools', ...extra, evals }, null, 2);

describe('eval files: evals/evals.json', () => {
  it("reads skill-creator's format with each entry, prompt and expectation located in the file", () => {
    const text = evalsFile([
      {
        id: 1,
        prompt: 'Fill in the form in form.pdf',
        expected_output: 'A filled form',
        files: ['evals/files/form.pdf', './evals/files/data.csv'],
        expectations: ['The output is a PDF', 'The name field reads "Ada"'],
      },
      { id: 7, prompt: 'Merge two PDFs', expectations: ['One PDF comes out'] },
    ]);
    const parsed = parseQualityEvals(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.skillName, 'pdf-tools');
    assert.deepEqual(
      parsed.evals.map((e) => [e.id, e.prompt, e.expectedOutput, e.files.map((f) => f.path)]),
      [
        [1, 'Fill in the form in form.pdf', 'A filled form', ['evals/files/form.pdf', 'evals/files/data.csv']],
        [7, 'Merge two PDFs', undefined, []],
      ],
    );
    const [first, second] = parsed.evals;
    assert.equal(at(text, first.files[1].span), '"./evals/files/data.csv"');
    assert.deepEqual(
      first.expectations.map((x) => [x.text, at(text, x.span)]),
      [
        ['The output is a PDF', '"The output is a PDF"'],
        ['The name field reads "Ada"', '"The name field reads \\"Ada\\""'],
      ],
    );
    assert.ok(at(text, first.span).startsWith('{') && at(text, first.span).includes('form.pdf'));
    assert.ok(at(text, second.span).includes('Merge two PDFs') && !at(text, second.span).includes('form.pdf'));
    assert.deepEqual(positionAt(text, second.expectations[0].span.offset), {
      line: text.slice(0, second.expectations[0].span.offset).split('\n').length - 1,
      character: text.slice(0, second.expectations[0].span.offset).split('\n').pop()!.length,
    });
  });

  it('takes agentskills.io\'s "assertions" as the same list, but refuses both in one eval', () => {
    const alias = parseQualityEvals(evalsFile([{ id: 1, prompt: 'p', assertions: ['It works'] }]));
    assert.deepEqual(alias.problems, []);
    assert.deepEqual(
      alias.evals[0].expectations.map((x) => x.text),
      ['It works'],
    );

    const text = evalsFile([{ id: 1, prompt: 'p', expectations: ['a'], assertions: ['b'] }]);
    const both = parseQualityEvals(text);
    const problem = onlyProblem(text, both.problems);
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /both "expectations" and "assertions": keep one/);
    assert.equal(problem.at, '"assertions"');
    assert.deepEqual(both.evals, [], 'an eval with an error does not run');
  });

  it('says what to fix for a missing prompt, and still runs the other evals', () => {
    const text = evalsFile([
      { id: 1, expectations: ['a'] },
      { id: 2, prompt: '   ', expectations: ['a'] },
      { id: 3, prompt: 'fine', expectations: ['a'] },
    ]);
    const parsed = parseQualityEvals(text);
    assert.deepEqual(messages(parsed.problems), [
      'error: Eval 1 has no "prompt": add the task a user would give.',
      'error: "prompt" must be a non-empty string: the task a user would give.',
    ]);
    assert.ok(at(text, parsed.problems[0].span).includes('"id": 1'), 'on the whole entry');
    assert.equal(at(text, parsed.problems[1].span), '"   "');
    assert.deepEqual(
      parsed.evals.map((e) => e.id),
      [3],
    );
  });

  it('refuses ids that are missing, not whole numbers or repeated, on the id itself', () => {
    const text = evalsFile([
      { id: 4, prompt: 'a', expectations: ['x'] },
      { id: 4, prompt: 'b', expectations: ['x'] },
      { id: 1.5, prompt: 'c', expectations: ['x'] },
      { id: '5', prompt: 'd', expectations: ['x'] },
      { prompt: 'e', expectations: ['x'] },
    ]);
    const parsed = parseQualityEvals(text);
    assert.deepEqual(
      parsed.problems.map((p) => [p.message, at(text, p.span).slice(0, 20)]),
      [
        ['Another eval already has the id 4: ids must be unique.', '4'],
        ['"id" must be a whole number.', '1.5'],
        ['"id" must be a whole number.', '"5"'],
        ['This eval has no "id": give it a whole number no other eval of the file has.', '{\n      "prompt": "e'],
      ],
    );
    assert.deepEqual(
      parsed.evals.map((e) => e.prompt),
      ['a'],
    );
  });

  it('refuses expectations that are not statements, and warns of an eval with none', () => {
    const text = evalsFile([
      { id: 1, prompt: 'a', expectations: 'It works' },
      { id: 2, prompt: 'b', expectations: ['ok', '', 3] },
      { id: 3, prompt: 'c' },
      { id: 4, prompt: 'd', expectations: [] },
      { id: 5, prompt: 'e', expected_output: 42, expectations: ['x'] },
    ]);
    const parsed = parseQualityEvals(text);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, p.message, at(text, p.span)]),
      [
        ['error', '"expectations" must be an array of statements.', '"It works"'],
        ['error', 'Each of "expectations" must be a non-empty string a grader can check.', '""'],
        ['error', 'Each of "expectations" must be a non-empty string a grader can check.', '3'],
        [
          'warning',
          'Eval 3 has no expectations, so it cannot pass or fail: add statements a grader can check in the answer or the files.',
          '"c"',
        ],
        [
          'warning',
          'Eval 4 has no expectations, so it cannot pass or fail: add statements a grader can check in the answer or the files.',
          '[]',
        ],
        ['error', '"expected_output" must be a string.', '42'],
      ],
    );
    assert.deepEqual(
      parsed.evals.map((e) => [e.id, e.expectations.length]),
      [
        [3, 0],
        [4, 0],
      ],
      'a warning does not keep an eval from running',
    );
  });

  it('refuses input paths that leave the folder or collide on their file name', () => {
    const paths = ['/etc/passwd', 'C:/x.txt', '~/x', 'a\\b.txt', '../up.txt', 'evals/../../x', '', 7];
    const text = evalsFile([
      ...paths.map((p, i) => ({ id: i + 1, prompt: 'p', files: [p], expectations: ['x'] })),
      { id: 20, prompt: 'p', files: ['evals/files/data.csv', 'other/DATA.csv'], expectations: ['x'] },
      { id: 21, prompt: 'p', files: 'evals/files/data.csv', expectations: ['x'] },
    ]);
    const parsed = parseQualityEvals(text);
    assert.deepEqual(
      parsed.problems.map((p) => p.message.replace("This input file's path ", '')),
      [
        'must be relative to the skill folder.',
        'must be relative to the skill folder.',
        'must be relative to the skill folder.',
        'must use forward slashes.',
        'must stay inside the skill folder (no "..").',
        'must stay inside the skill folder (no "..").',
        'is empty.',
        'must be a string.',
        '"other/DATA.csv" and "evals/files/data.csv" have the same file name: in the container only the name is kept, so one would hide the other. Rename one.',
        '"files" must be an array of paths relative to the skill folder, e.g. ["evals/files/input.csv"].',
      ],
    );
    assert.equal(at(text, parsed.problems[8].span), '"other/DATA.csv"');
    assert.deepEqual(parsed.evals, []);
  });

  it('says when the file is not JSON, not strict JSON, or not of the shape', () => {
    const broken = '{"evals": [ {"id": 1, } ]}';
    const notJson = parseQualityEvals(broken);
    assert.ok(notJson.problems.length >= 1);
    assert.match(notJson.problems[0].message, /not valid JSON .*Comments and trailing commas are not allowed/);
    assert.equal(notJson.problems[0].span.offset, broken.indexOf('}'));

    const comment = parseQualityEvals('// evals\n{"evals": []}');
    assert.match(comment.problems[0].message, /not valid JSON/);

    assert.deepEqual(messages(parseQualityEvals('[]').problems), ['error: evals.json must be a JSON object.']);
    assert.deepEqual(messages(parseQualityEvals('').problems).length, 1);
    const noList = '{"skill_name": 3, "evals": {}}';
    assert.deepEqual(
      parseQualityEvals(noList).problems.map((p) => [p.message, at(noList, p.span)]),
      [
        ['"skill_name" must be a string: the frontmatter name of the skill.', '3'],
        ['evals.json needs an "evals" array: [{"id": 1, "prompt": "…", "expectations": ["…"]}].', '{}'],
      ],
    );
    assert.deepEqual(messages(parseQualityEvals('{"evals": [3]}').problems), [
      'error: Each eval must be an object: {"id": 1, "prompt": "…", "expectations": ["…"]}.',
    ]);
    assert.deepEqual(messages(parseQualityEvals('{"evals": []}').problems), [
      'warning: There are no evals yet: add one with a prompt and its expectations.',
    ]);
  });

  it('reads at most MAX_ENTRIES evals and says so', () => {
    const many = Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => ({ id: i, prompt: 'p', expectations: ['x'] }));
    const parsed = parseQualityEvals(evalsFile(many));
    assert.equal(parsed.evals.length, MAX_ENTRIES);
    assert.deepEqual(messages(parsed.problems), [
      `error: Only the first ${MAX_ENTRIES} evals are read: split the file, or remove some.`,
    ]);
  });
});

describe('eval files: evals/trigger-eval.json', () => {
  it('reads queries in order, each located, with its index as its name', () => {
    const text = JSON.stringify(
      [
        { query: 'Fill in this PDF form for me', should_trigger: true },
        { query: 'Write a poem about forms', should_trigger: false },
      ],
      null,
      2,
    );
    const parsed = parseTriggerQueries(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.queries.map((q) => [q.index, q.query, q.shouldTrigger]),
      [
        [0, 'Fill in this PDF form for me', true],
        [1, 'Write a poem about forms', false],
      ],
    );
    assert.ok(at(text, parsed.queries[1].span).includes('poem'));
    assert.ok(!at(text, parsed.queries[1].span).includes('PDF'));
  });

  it('says what to fix for a query without should_trigger, an empty one, a repeated one', () => {
    const text = JSON.stringify(
      [
        { query: 'no answer' },
        { query: 'wrong type', should_trigger: 'yes' },
        { query: '', should_trigger: true },
        { should_trigger: true },
        'just text',
        { query: 'twice', should_trigger: true },
        { query: 'twice', should_trigger: false },
      ],
      null,
      1,
    );
    const parsed = parseTriggerQueries(text);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, p.message, at(text, p.span).replace(/\s+/g, ' ')]),
      [
        [
          'error',
          'This query has no "should_trigger": say true if the skill should be used for it, false if not.',
          '{ "query": "no answer" }',
        ],
        ['error', '"should_trigger" must be true or false.', '"yes"'],
        ['error', '"query" must be a non-empty string: a realistic request from a user.', '""'],
        ['error', '"query" must be a non-empty string: a realistic request from a user.', '{ "should_trigger": true }'],
        ['error', 'Each query must be an object: {"query": "…", "should_trigger": true}.', '"just text"'],
        ['warning', 'The same query is listed twice: it counts twice.', '"twice"'],
      ],
    );
    assert.deepEqual(
      parsed.queries.map((q) => [q.index, q.shouldTrigger]),
      [
        [5, true],
        [6, false],
      ],
    );
  });

  it('wants an array, and warns of an empty one', () => {
    assert.deepEqual(messages(parseTriggerQueries('{"queries": []}').problems), [
      'error: The trigger queries file must be a JSON array.',
    ]);
    assert.deepEqual(messages(parseTriggerQueries('[]').problems), [
      'warning: There are no queries yet: add some that should trigger the skill and some near misses that should not.',
    ]);
    assert.match(
      parseTriggerQueries('[{"query": "a", "should_trigger": true},]').problems[0].message,
      /not valid JSON/,
    );
  });
});

describe('eval files: positions', () => {
  it('counts lines and characters in UTF-16 units, clamped to the text', () => {
    const text = 'ab\ncdé\n\nx';
    assert.deepEqual(positionAt(text, 0), { line: 0, character: 0 });
    assert.deepEqual(positionAt(text, 2), { line: 0, character: 2 });
    assert.deepEqual(positionAt(text, 3), { line: 1, character: 0 });
    assert.deepEqual(positionAt(text, 8), { line: 3, character: 0 });
    assert.deepEqual(positionAt(text, 99), { line: 3, character: 1 });
    assert.deepEqual(positionAt(text, -4), { line: 0, character: 0 });
  });
});

describe('skill_name against the frontmatter name', () => {
  it('warns at skill_name when it is not SKILL.md’s name, and says what to write', () => {
    const text = JSON.stringify({ skill_name: 'old-name', evals: [{ id: 1, prompt: 'p', expectations: ['x'] }] });
    const quality = parseQualityEvals(text);
    const problem = skillNameProblem(quality, 'new-name')!;
    assert.equal(problem.severity, 'warning');
    assert.equal(text.slice(problem.span.offset, problem.span.offset + problem.span.length), '"old-name"');
    assert.match(
      problem.message,
      /^"skill_name" is "old-name", but SKILL\.md's name is "new-name": write "new-name" here/,
    );
    assert.equal(skillNameProblem(quality, 'old-name'), undefined);
    assert.equal(
      skillNameProblem(parseQualityEvals('{"evals": []}'), 'new-name'),
      undefined,
      'no skill_name, nothing to say',
    );
  });
});

// Every quick fix the checks offer, applied to the text it was offered for and checked again: the problem
// it is for is gone, and it made no new one. Also the messages that say which consumer refuses what.
import * as assert from 'node:assert/strict';
import { bodyProblems } from '../../../src/skill/bodyRules';
import { parseSkillMd } from '../../../src/skill/frontmatter';
import type { LintTarget } from '../../../src/skill/lintTargets';
import type { ProblemFix, SkillProblem } from '../../../src/skill/problems';
import { validateFrontmatter } from '../../../src/skill/rules';
import { applyEdits, LineIndex } from '../../../src/skill/textRegions';

interface Check {
  targets?: LintTarget[];
  folderName?: string;
  files?: Set<string>;
}

const problemsOf = (text: string, check: Check = {}): SkillProblem[] => [
  ...validateFrontmatter(parseSkillMd(text), check),
  ...bodyProblems(text, check.files ?? new Set(['SKILL.md'])),
];

/** The one problem of `rule` in `text`, its fix titled `title` applied, and what the checks say then. */
function fixed(text: string, rule: string, title: string, check: Check = {}) {
  const problems = problemsOf(text, check).filter((p) => p.rule === rule);
  assert.equal(problems.length, 1, `one ${rule} problem in:\n${text}\n${JSON.stringify(problems, null, 1)}`);
  const fix: ProblemFix | undefined = problems[0].fixes?.find((f) => f.title === title);
  assert.ok(fix, `fix "${title}" among ${JSON.stringify(problems[0].fixes?.map((f) => f.title))}`);
  const after = applyEdits(text, fix.edits ?? []);
  const files = new Set(check.files ?? ['SKILL.md']);
  if (fix.createFile) files.add(fix.createFile);
  const folderName = fix.renameFolder ?? check.folderName;
  return { text: after, problems: problemsOf(after, { ...check, files, folderName }), fix };
}

const skill = (frontmatter: string, body = '\n# Body\n') => `---\n${frontmatter}---\n${body}`;

describe('quick fixes, each applied and checked again', () => {
  it('an invalid name becomes the suggested slug, quoted or not; the folder rename is offered apart', () => {
    for (const value of ['My Skill!', '"My Skill!"', "'My  Skill'"]) {
      const text = skill(`name: ${value}\ndescription: Does things.\n`);
      const result = fixed(text, 'name', 'Change "name" to "my-skill"', { folderName: 'notes' });
      assert.equal(result.text, skill('name: my-skill\ndescription: Does things.\n'));
      assert.deepEqual(result.problems, []);
    }
    const renamed = fixed(
      skill('name: My Skill\ndescription: d\n'),
      'name',
      'Change "name" to "my-skill" and rename the folder to match',
      { folderName: 'notes', targets: ['agentskills'] },
    );
    assert.equal(renamed.fix.renameFolder, 'my-skill');
    assert.deepEqual(renamed.problems, [], 'name and folder agree, as the Agent Skills format wants');
    const noRename = problemsOf(skill('name: My Skill\ndescription: d\n'), { folderName: 'my-skill' });
    assert.deepEqual(
      noRename[0].fixes?.map((f) => f.title),
      ['Change "name" to "my-skill"'],
      'no rename when the folder already has the name',
    );
  });

  it('the reserved word is removed from the name', () => {
    const result = fixed(skill('name: claude-helper\ndescription: d\n'), 'name', 'Change "name" to "helper"');
    assert.match(result.text, /^name: helper$/m);
    assert.deepEqual(result.problems, []);
    assert.equal(problemsOf(skill('name: claude\ndescription: d\n'))[0].fixes, undefined, 'no name is left to offer');
  });

  it('an unknown key is renamed to its known spelling, or removed with its whole value', () => {
    const text = skill('name: notes\ndescription: d\nuser-invokable: false\n');
    const renamed = fixed(text, 'unknown-key', 'Rename "user-invokable" to "user-invocable"', {
      targets: ['claude-code'],
    });
    assert.match(renamed.text, /^user-invocable: false$/m);
    assert.deepEqual(renamed.problems, []);

    const block = skill(
      'name: notes\nhooks:\n  PreToolUse:\n    - matcher: Bash # who runs\n  Stop: []\ndescription: d\n',
    );
    const removed = fixed(block, 'unknown-key', 'Remove "hooks"', { targets: ['agentskills'] });
    assert.equal(removed.text, skill('name: notes\ndescription: d\n'));
    assert.deepEqual(removed.problems, []);

    const last = fixed(skill('name: notes\ndescription: d\nauthor: me\n'), 'unknown-key', 'Remove "author"');
    assert.equal(last.text, skill('name: notes\ndescription: d\n'));
  });

  it('a rename is not offered onto a key that is there already', () => {
    const [problem] = problemsOf(skill('name: n\ndescription: d\ndesciption: e\n'));
    assert.equal(problem.rule, 'unknown-key');
    assert.deepEqual(
      problem.fixes?.map((f) => f.title),
      ['Remove "desciption"'],
    );
  });

  it('a frontmatter that is never closed is closed after its last key, with the text’s line breaks', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['---', 'name: notes', 'description: >-', '  Folded', '  text.', '', '# Title', ''].join(eol);
      const result = fixed(text, 'frontmatter', 'Close the frontmatter with "---"');
      assert.equal(
        result.text,
        ['---', 'name: notes', 'description: >-', '  Folded', '  text.', '---', '', '# Title', ''].join(eol),
      );
      assert.deepEqual(result.problems, []);
    }
    const noEnd = fixed('---\nname: notes\ndescription: d', 'frontmatter', 'Close the frontmatter with "---"');
    assert.equal(noEnd.text, '---\nname: notes\ndescription: d\n---\n');
    const [unsure] = problemsOf('---\n# Title\nname: notes\n');
    assert.equal(unsure.rule, 'frontmatter');
    assert.equal(unsure.fixes, undefined, 'no fix where the YAML’s end is a guess that would not parse');
  });

  it('a closing line with more on it is split; Unicode separators become line breaks', () => {
    const split = fixed(
      '---\nname: n\ndescription: d\n--- # end\nBody\n',
      'frontmatter',
      'Move what follows "---" to a line of its own',
    );
    assert.equal(split.text, '---\nname: n\ndescription: d\n---\n# end\nBody\n');
    assert.deepEqual(split.problems, []);
    const separators = fixed(
      '---\nname: n\u2028description: d\n---\nA\u2029B\n',
      'skill-md',
      'Replace the Unicode separators with line breaks',
    );
    assert.equal(separators.text, '---\nname: n\ndescription: d\n---\nA\nB\n');
    assert.deepEqual(separators.problems, []);
  });

  it('a missing referenced file is created; a folder or a hidden path is not offered', () => {
    const text = skill('name: n\ndescription: d\n', '\nSee [the guide](references/guide.md#setup).\n');
    const result = fixed(text, 'reference-missing', 'Create "references/guide.md"');
    assert.equal(result.fix.createFile, 'references/guide.md');
    assert.deepEqual(result.problems, []);
    const [folder] = problemsOf(skill('name: n\ndescription: d\n', '\nSee [docs](docs/).\n'));
    assert.equal(folder.fixes, undefined);
    const [hidden] = problemsOf(skill('name: n\ndescription: d\n', '\nSee [env](.secrets/x.md).\n'));
    assert.equal(hidden.fixes, undefined);
  });

  it('a name that is not the folder’s is an error for the Agent Skills format only, fixed either way', () => {
    const text = skill('name: notes\ndescription: d\n');
    assert.deepEqual(problemsOf(text, { folderName: 'my-notes' }), [], 'the Skills API names the upload by name');
    const toFolder = fixed(text, 'name-folder', 'Change "name" to "my-notes"', {
      folderName: 'my-notes',
      targets: ['api', 'agentskills'],
    });
    assert.deepEqual(toFolder.problems, []);
    const renamed = fixed(text, 'name-folder', 'Rename the folder to "notes"', {
      folderName: 'my-notes',
      targets: ['agentskills'],
    });
    assert.equal(renamed.text, text, 'the file is left as it is');
    assert.deepEqual(renamed.problems, []);
  });
});

describe('messages that name the consumers', () => {
  it('checked for the Skills API alone, a message is as a publish says it', () => {
    const [problem] = problemsOf(skill('name: claude-notes\ndescription: d\n'));
    assert.equal(problem.message, '"name" cannot contain the reserved word "claude". Try "notes".');
    assert.equal(problem.severity, 'error');
    assert.deepEqual(problem.targets, ['api']);
  });

  it('for several, it says who refuses, who takes it and whose documentation is silent', () => {
    const text = skill('name: claude-notes\ndescription: d\n');
    const [both] = problemsOf(text, { targets: ['api', 'claude-code'] });
    assert.equal(
      both.message,
      '"name" cannot contain the reserved word "claude". Try "notes". The Skills API refuses it. The documentation of Claude Code does not say.',
    );
    assert.equal(both.severity, 'error');
    const [codeOnly] = problemsOf(text, { targets: ['claude-code'] });
    assert.equal(codeOnly.severity, 'warning', 'no target checked refuses it');
    const [missing] = problemsOf(skill('description: d\n'), { targets: ['agentskills', 'claude-code'] });
    assert.match(missing.message, /The Agent Skills format \(skills-ref\) refuses it\. Claude Code takes it\.$/);
    assert.deepEqual(missing.targets, ['agentskills']);
  });

  it('places a problem exactly: the key and its value, in lines and columns from 1', () => {
    const text = skill('name: notes\ndescription: "<b>"\n');
    const [xml] = problemsOf(text);
    assert.deepEqual(xml.region, { line: 3, column: 1, endLine: 3, endColumn: 19 });
    const index = new LineIndex(text);
    const { region } = xml;
    assert.ok(region);
    assert.equal(
      text.slice(index.offset(region.line, region.column), index.offset(region.endLine, region.endColumn)),
      'description: "<b>"',
    );
    const [reference] = problemsOf(skill('name: n\ndescription: d\n', '\nRead [x](nowhere.md) now.\n'));
    assert.deepEqual(reference.region, { line: 6, column: 10, endLine: 6, endColumn: 20 });
  });
});

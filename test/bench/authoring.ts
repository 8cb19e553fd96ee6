// The authoring checks: every rule for every target over one 500-line SKILL.md with 50 references (what
// runs at each pause in typing), against the YAML parse alone; over a workspace of 200 skill folders the
// collision rule, and a validation of every folder without the secret scan (the work `skill-check` does)
// against skill-check 1.2's own analysis of the same folders in this process, with the full validation
// (secret scan included, cold) beside it.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { bodyProblems } from '../../src/skill/bodyRules';
import { findCollisions } from '../../src/skill/collisions';
import { parseSkillMd } from '../../src/skill/frontmatter';
import { LINT_TARGETS } from '../../src/skill/lintTargets';
import { validateFrontmatter } from '../../src/skill/rules';
import { inspectSkillFolder } from '../../src/skill/skillFolder';
import { RUNS, figure, ms, row, timed, times } from './support';

const FOLDERS = 200;
/** Runs of the while-typing path per sample: one is a fraction of a millisecond. */
const TYPING_REPEATS = 50;

const WORDS = (
  'invoice ledger deploy kubernetes schema migrate review lint format commit release notes digest slack ' +
  'incident postmortem budget forecast tender contract summary translate french spanish diagram chart ' +
  'spreadsheet pivot report audit security token rotate backup restore archive search index crawl scrape ' +
  'email draft reply meeting agenda minutes roadmap sprint ticket triage label changelog version tag'
).split(' ');

/** A description of its own for folder `i`: ten words the others mostly do not share. */
function description(i: number): string {
  const pick = (k: number) => WORDS[(i * 7 + k * 13 + Math.floor(i / WORDS.length) * k) % WORDS.length];
  return `Handles ${Array.from({ length: 10 }, (_, k) => pick(k)).join(', ')} tasks. Use when asked about ${pick(3)}.`;
}

function skillMd(name: string, text: string, lines: number, references: number): string {
  const body: string[] = [`# ${name}`, ''];
  for (let i = 0; body.length < lines; i++) {
    body.push(
      i < references
        ? `- Step ${i}: read [the guide, part ${i}](references/part-${i % 10}.md#step-${i}) and run \`scripts/step-${i % 5}.py\`.`
        : `Line ${i} of the instructions: ${text}`,
    );
  }
  return [
    '---',
    `name: ${name}`,
    `description: ${text}`,
    'license: Apache-2.0',
    'allowed-tools: Read Grep',
    'metadata:',
    '  author: bench',
    '  version: "1.0"',
    'user-invokable: true',
    '---',
    ...body,
    '',
  ].join('\n');
}

function makeWorkspace(root: string): { folders: string[]; files: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  const write = (file: string, content: string) => (writeFileSync(file, content), files.push(file));
  for (let i = 0; i < FOLDERS; i++) {
    const name = `skill-${i}`;
    const dir = join(root, 'authoring', name);
    mkdirSync(join(dir, 'references'), { recursive: true });
    mkdirSync(join(dir, 'scripts'), { recursive: true });
    write(join(dir, 'SKILL.md'), skillMd(name, description(i), 80, 8));
    for (let p = 0; p < 10; p++) write(join(dir, 'references', `part-${p}.md`), `# Part ${p}\n\nDetail.\n`);
    for (let s = 0; s < 5; s++) write(join(dir, 'scripts', `step-${s}.py`), `print(${s})\n`);
    folders.push(dir);
  }
  return { folders, files };
}

async function samples(fn: () => unknown, before?: () => void): Promise<ReturnType<typeof figure>> {
  const all: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    before?.();
    all.push(await timed(async () => fn()));
  }
  return figure(all);
}

export async function benchAuthoring(root: string): Promise<void> {
  const text = skillMd('typed-skill', description(1), 500, 50);
  const files = new Set([
    'SKILL.md',
    ...Array.from({ length: 10 }, (_, p) => `references/part-${p}.md`),
    ...Array.from({ length: 4 }, (_, s) => `scripts/step-${s}.py`),
  ]);
  const perRun = (f: ReturnType<typeof figure>) => ({
    median: f.median / TYPING_REPEATS,
    min: f.min / TYPING_REPEATS,
    max: f.max / TYPING_REPEATS,
  });
  const typing = perRun(
    await samples(() => {
      for (let i = 0; i < TYPING_REPEATS; i++) {
        validateFrontmatter(parseSkillMd(text), { targets: LINT_TARGETS, folderName: 'typed-skill' });
        bodyProblems(text, files);
      }
    }),
  );
  const yamlOnly = perRun(
    await samples(() => {
      for (let i = 0; i < TYPING_REPEATS; i++) parseDocument(text.slice(4, text.indexOf('\n---\n')));
    }),
  );
  row('authoring', 'all rules, all targets: 500-line SKILL.md, 50 references', ms(typing), 'budget 5 ms');
  row('authoring', 'its frontmatter parsed by yaml alone', ms(yamlOnly), `rules ÷ parse ${times(typing, yamlOnly)}`);

  const { folders, files: allFiles } = makeWorkspace(root);
  const described = folders.map((dir, i) => ({ key: dir, slug: `skill-${i}`, description: description(i) }));
  const collisions = await samples(() => findCollisions(described));
  row('authoring', `trigger collisions across ${FOLDERS} folders`, ms(collisions), 'budget 50 ms');

  const checkAll = (scanContents: boolean) =>
    Promise.all(folders.map((dir) => inspectSkillFolder(dir, { targets: LINT_TARGETS, scanContents })));
  const ourCheck = await samples(() => checkAll(false));
  // skill-check is an ES module: imported as one, not through the CommonJS require TypeScript emits.
  const skillCheck = (await new Function('m', 'return import(m)')('skill-check/dist/index.js')) as {
    analyze(cwd: string, target: string, options: object): Promise<{ diagnostics: unknown[] }>;
  };
  const theirs = await samples(() => skillCheck.analyze(root, join(root, 'authoring'), {}));
  row(
    'authoring',
    `validation of ${FOLDERS} folders, no secret scan`,
    ms(ourCheck),
    `÷ skill-check ${times(ourCheck, theirs)}`,
  );
  row('authoring', `skill-check 1.2 on the same ${FOLDERS} folders`, ms(theirs));
  let stamp = Date.now() / 1000;
  // Every file touched first, so that the scan is cold: unchanged files are remembered, not scanned again.
  const touchAll = () => {
    stamp += 10;
    for (const file of allFiles) utimesSync(file, stamp, stamp);
  };
  const full = await samples(() => checkAll(true), touchAll);
  row('authoring', `full validation of ${FOLDERS} folders, scan cold`, ms(full), `÷ no scan ${times(full, ourCheck)}`);
}

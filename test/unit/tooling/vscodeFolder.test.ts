// F5 must work on a fresh clone: every task a launch waits for exists, every npm script named exists,
// and the extension that provides a problem matcher is recommended.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { repoRoot } from '../../support/vscodeServer';

interface Task {
  label?: string;
  type?: string;
  script?: string;
  problemMatcher?: string | string[];
  dependsOn?: string | string[];
}
interface LaunchConfiguration {
  name: string;
  preLaunchTask?: string;
  postDebugTask?: string;
  program?: string;
  runtimeExecutable?: string;
  runtimeArgs?: string[];
}

/** The problem matchers VS Code itself defines, and the extensions that contribute the others. */
const BUILT_IN_MATCHERS = new Set(['$tsc', '$tsc-watch', '$eslint-compact', '$eslint-stylish', '$go', '$gcc']);
const MATCHER_EXTENSIONS: Record<string, string> = {
  $esbuild: 'connor4312.esbuild-problem-matchers',
  '$esbuild-watch': 'connor4312.esbuild-problem-matchers',
};

function readJsonc<T>(file: string): T {
  const errors: ParseError[] = [];
  const value = parse(readFileSync(join(repoRoot, '.vscode', file), 'utf8'), errors, { allowTrailingComma: true });
  assert.deepEqual(
    errors.map((e) => `${printParseErrorCode(e.error)} at offset ${e.offset}`),
    [],
    `.vscode/${file} is not valid JSONC`,
  );
  return value as T;
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('.vscode: F5 and the recommended extensions', () => {
  const { tasks } = readJsonc<{ tasks: Task[] }>('tasks.json');
  const { configurations } = readJsonc<{ configurations: LaunchConfiguration[] }>('launch.json');
  const { recommendations } = readJsonc<{ recommendations: string[] }>('extensions.json');
  const scripts: Record<string, string> = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
  // An npm task without a label is known by "npm: <script>", as VS Code names it.
  const labels = new Set(tasks.map((t) => t.label ?? (t.type === 'npm' ? `npm: ${t.script}` : undefined)));

  it('has a Run Extension launch that builds first, and a Unit Tests launch', () => {
    const names = configurations.map((c) => c.name);
    assert.ok(names.includes('Run Extension'), names.join(', '));
    assert.ok(names.includes('Unit Tests'), names.join(', '));
    assert.ok(configurations.find((c) => c.name === 'Run Extension')?.preLaunchTask);
  });

  it('names only tasks that exist in every preLaunchTask, postDebugTask and dependsOn', () => {
    const named = [
      ...configurations.flatMap((c) => [c.preLaunchTask, c.postDebugTask]),
      ...tasks.flatMap((t) => asList(t.dependsOn)),
    ].filter((n): n is string => n !== undefined);
    assert.ok(named.length > 0);
    assert.deepEqual(
      named.filter((n) => !labels.has(n)),
      [],
    );
  });

  it('names only npm scripts that package.json has', () => {
    const named = [
      ...tasks.filter((t) => t.type === 'npm').map((t) => t.script),
      ...configurations
        .filter((c) => c.runtimeExecutable === 'npm')
        .map((c) => c.runtimeArgs?.[(c.runtimeArgs?.indexOf('run') ?? -2) + 1]),
    ];
    assert.ok(named.length > 0);
    assert.deepEqual(
      named.filter((s) => s === undefined || !(s in scripts)),
      [],
    );
  });

  it('launches programs that exist', () => {
    for (const { name, program } of configurations) {
      if (program) assert.ok(existsSync(program.replace('${workspaceFolder}', repoRoot)), `${name}: ${program}`);
    }
  });

  it('recommends the extension behind every problem matcher, plus ESLint and Prettier', () => {
    const matchers = tasks.flatMap((t) => asList(t.problemMatcher));
    assert.ok(matchers.includes('$esbuild-watch'), 'the watch task reads esbuild.mjs with $esbuild-watch');
    for (const matcher of matchers) {
      if (BUILT_IN_MATCHERS.has(matcher)) continue;
      const extension = MATCHER_EXTENSIONS[matcher];
      assert.ok(extension, `no known extension provides ${matcher}`);
      assert.ok(recommendations.includes(extension), `${matcher} needs ${extension} recommended`);
    }
    for (const id of ['dbaeumer.vscode-eslint', 'esbenp.prettier-vscode']) assert.ok(recommendations.includes(id), id);
  });

  it("prints, in esbuild.mjs's watch mode, the lines $esbuild-watch waits for", () => {
    const script = readFileSync(join(repoRoot, 'esbuild.mjs'), 'utf8');
    for (const line of ['[watch] build started', '[watch] build finished']) assert.ok(script.includes(line), line);
  });
});

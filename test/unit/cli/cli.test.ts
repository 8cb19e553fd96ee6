// `claude-skills` in plain Node: its commands and flags, exit codes, the documented `--json` shapes, GitHub
// annotations that a skill's text cannot forge, and the key printed nowhere; `list` against the emulator.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeAnnotationData, escapeAnnotationProperty } from '../../../src/cli/output';
import { seed } from '../../emulator/scenario';
import { startEmulator, type SkillsEmulator } from '../../emulator/server';
import { HOSTILE_KEY, json, startHostileServer } from '../../support/hostileServer';
import { startRecordingProxy } from '../../support/proxy';
import { repoRoot } from '../../support/vscodeServer';
import { runCli, sarifErrors, schemaErrors } from './cliRun';

const FIXTURES = 'test/fixtures/workspace/skills';
const KEY = 'sk-ant-api03-cli-test-key-abcdefghij';
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

function skillFolder(root: string, name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}
const skillMd = (name: string, description = 'Does one thing. Use when testing the command line.') =>
  `---\nname: ${name}\ndescription: ${description}\n---\n\n# ${name}\n`;

describe('claude-skills: the command line', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'claude-skills-cli-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('says its version and its commands; no command, an unknown one or an unknown flag is a usage error', async () => {
    assert.deepEqual(await runCli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
    const helpText = await runCli(['--help']);
    assert.equal(helpText.code, 0);
    assert.match(helpText.stdout, /^ {2}validate {2}/m);
    assert.match(helpText.stdout, /^ {2}list {6}/m);
    assert.match(helpText.stdout, /0 ok, 1 findings or failures, 2 usage, 3 API or network error/);
    assert.equal((await runCli([])).code, 2);
    const unknown = await runCli(['publsh']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command "publsh"/);
    const flag = await runCli(['validate', '--frobnicate']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--frobnicate/);
    assert.match(flag.stderr, /Usage: claude-skills validate/);
    assert.match((await runCli(['validate', '--help'])).stdout, /^claude-skills validate \[paths…\]/);
  });

  it('validate: each folder under a root, its problems with file and line, exit 1 on an error', async () => {
    const result = await runCli(['validate', FIXTURES]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^test\/fixtures\/workspace\/skills\/broken-skill {2}2 errors$/m);
    assert.match(
      result.stdout,
      /^ {2}error {2}test\/fixtures\/workspace\/skills\/broken-skill\/SKILL\.md:2 {2}"name" cannot contain the reserved word "claude"\. Try "helper"\. {2}\[name\]$/m,
    );
    assert.match(
      result.stdout,
      /^test\/fixtures\/workspace\/skills\/hello-world {2}ready to publish \(1 file, 158 B\)$/m,
    );
    assert.match(result.stdout, /^3 skill folders checked: 2 errors, 0 warnings\.$/m);
    assert.ok(!result.stdout.includes('\u001b['), 'no colour off a terminal');

    const good = await runCli(['validate', `${FIXTURES}/hello-world`, `${FIXTURES}/release-notes/SKILL.md`]);
    assert.equal(good.code, 0, good.stdout);
    assert.match(good.stdout, /2 skill folders checked: 0 errors, 0 warnings/);
  });

  it('validate --json: the documented shape, with the eval files’ problems at their lines', async () => {
    const folder = skillFolder(scratch, 'with-evals', {
      'SKILL.md': skillMd('with-evals'),
      'evals/evals.json': JSON.stringify(
        {
          skill_name: 'with-evals',
          evals: [
            { id: 1, prompt: 'a' },
            { id: 1, prompt: 'b' },
          ],
        },
        null,
        2,
      ),
      'evals/trigger-eval.json': '[{"query": "q"}]',
    });
    const result = await runCli(['validate', '--json', folder], { cwd: scratch });
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as {
      folders: {
        path: string;
        problems: { rule: string; severity: string; file: string; line: number; message: string }[];
      }[];
      summary: { folders: number; errors: number; warnings: number };
    };
    assert.deepEqual(schemaErrors('validate', report), []);
    assert.equal(report.folders[0].path, 'with-evals');
    const evalProblems = report.folders[0].problems.filter((p) => p.rule === 'evals-file');
    const duplicate = evalProblems.find((p) => /already has the id 1/.test(p.message));
    assert.equal(duplicate?.file, 'with-evals/evals/evals.json');
    assert.equal(duplicate?.line, 9, 'the second id');
    assert.ok(
      evalProblems.some((p) => p.file === 'with-evals/evals/trigger-eval.json' && /should_trigger/.test(p.message)),
      JSON.stringify(evalProblems),
    );
    const noExpectations = evalProblems.find((p) => /has no expectations/.test(p.message));
    assert.equal(noExpectations?.severity, 'warning');
    assert.deepEqual(report.summary, { folders: 1, errors: evalProblems.length - 1, warnings: 1 });
  });

  it('validate --format sarif: a SARIF 2.1.0 log that its schema accepts, each problem at its region', async () => {
    const result = await runCli(['validate', '--format', 'sarif', FIXTURES]);
    assert.equal(result.code, 1);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    assert.deepEqual(sarifErrors(log), []);
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'claude-skills');
    assert.equal(run.tool.driver.version, version);
    assert.equal(run.results.length, 2);
    for (const r of run.results) {
      assert.equal(r.level, 'error');
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, `${FIXTURES}/broken-skill/SKILL.md`);
      assert.equal(r.locations[0].physicalLocation.region.startLine, 2);
    }
    assert.deepEqual(sarifErrors({ version: '2.1.0', runs: [{ results: [] }] }).length > 0, true, 'the schema bites');
    const wrong = await runCli(['validate', '--format', 'xml', FIXTURES]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--format is one of text, json, sarif, not xml/);
  });

  it('validate --target: the consumers checked for; an unknown one is a usage error', async () => {
    const folder = skillFolder(scratch, 'hinted', {
      'SKILL.md': '---\nname: hinted\ndescription: Does one thing. Use when testing.\nargument-hint: "[file]"\n---\n',
    });
    const forApi = JSON.parse((await runCli(['validate', '--json', folder])).stdout) as {
      folders: { problems: { rule: string }[] }[];
    };
    const forCode = JSON.parse((await runCli(['validate', '--json', '--target', 'claude-code', folder])).stdout) as {
      targets: string[];
      folders: { problems: { rule: string }[] }[];
    };
    assert.ok(
      forApi.folders[0].problems.some((p) => p.rule === 'unknown-key'),
      'the API does not know argument-hint',
    );
    assert.deepEqual(forCode.targets, ['claude-code']);
    assert.ok(!forCode.folders[0].problems.some((p) => p.rule === 'unknown-key'), 'Claude Code does');
    const wrong = await runCli(['validate', '--target', 'vscod', folder]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /Unknown target vscod: the targets are /);
  });

  it('a path that does not exist, or a tree without a skill, is a usage error that names it', async () => {
    const missing = await runCli(['validate', join(scratch, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope does not exist/);
    const empty = await runCli(['validate', scratch]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /No skill folder \(a folder holding a SKILL\.md\) under /);
  });

  it('in GitHub Actions, each problem is an annotation whose text a skill cannot turn into a command', async () => {
    // An unknown key's problem quotes the key: here one that holds a line break and workflow commands.
    const hostileKey = JSON.stringify('x%0A::warning::forged\r\n::error::forged too');
    const folder = skillFolder(scratch, 'a,b:c', {
      'SKILL.md': `---\nname: a-b-c\ndescription: Does things. Use when testing.\n${hostileKey}: 1\n---\n`,
    });
    const result = await runCli(['validate', folder], { cwd: scratch, env: { GITHUB_ACTIONS: 'true' } });
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.ok(annotations.length > 0, result.stdout);
    for (const line of annotations) {
      assert.match(line, /^::(error|warning) file=a%2Cb%3Ac\/SKILL\.md,line=\d+(,col=\d+)?,title=[a-z-]+::/, line);
    }
    assert.ok(
      annotations.some((l) => l.includes('x%250A::warning::forged%0D%0A::error::forged too')),
      annotations.join('\n'),
    );
    assert.ok(!result.stdout.split('\n').some((l) => /^::(warning|error)::forged/.test(l)));
    assert.equal(escapeAnnotationData('100%\r\nnext'), '100%25%0D%0Anext');
    assert.equal(escapeAnnotationProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  });

  describe('list, against the emulator', () => {
    let emulator: SkillsEmulator;
    before(async () => {
      emulator = await startEmulator({ apiKeys: [KEY] });
      seed(emulator.store, {
        skills: [
          {
            id: 'skill_notes',
            name: 'release-notes',
            display_name: 'Release Notes',
            description: 'Notes.',
            versionCount: 3,
          },
          { id: 'skill_pdf', source: 'anthropic', name: 'pdf', display_name: 'pdf', description: 'PDF.' },
        ],
      });
    });
    after(() => emulator.close());
    const env = () => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: emulator.url });

    it('lists every skill with its latest version; --versions and --json in the documented shape', async () => {
      const text = await runCli(['list'], { env: env() });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^Release Notes {2}skill_notes {2}custom$/m);
      assert.match(text.stdout, /^pdf {2}skill_pdf {2}anthropic$/m);
      assert.match(text.stdout, /^2 skills$/m);

      const result = await runCli(['list', '--json', '--versions', '--source', 'custom'], { env: env() });
      const report = JSON.parse(result.stdout) as {
        skills: { id: string; latest_version_id: string; versions: { id: string }[] }[];
      };
      assert.deepEqual(schemaErrors('list', report), []);
      assert.deepEqual(
        report.skills.map((s) => s.id),
        ['skill_notes'],
      );
      assert.equal(report.skills[0].versions.length, 3);
      assert.equal(report.skills[0].versions[0].id, report.skills[0].latest_version_id, 'newest first');
      assert.ok(
        emulator.log.some((r) => r.path === '/v1/skills' && r.query.source === 'custom'),
        'the source is asked of the API',
      );
    });

    it('--workspace-id names the workspace for a key that acts on several', async () => {
      emulator.workspace = { id: 'wrkspc_team', required: true };
      try {
        const without = await runCli(['list'], { env: env() });
        assert.equal(without.code, 3);
        assert.match(without.stderr, /anthropic-workspace-id/);
        const withId = await runCli(['list', '--workspace-id', 'wrkspc_team'], { env: env() });
        assert.equal(withId.code, 0, withId.stderr);
        assert.equal(emulator.log.at(-1)?.headers['anthropic-workspace-id'], 'wrkspc_team');
      } finally {
        emulator.workspace = undefined;
      }
    });

    it('goes through the proxy HTTP_PROXY names, and past it for a host NO_PROXY names', async () => {
      const proxy = await startRecordingProxy();
      try {
        const through = await runCli(['list'], { env: { ...env(), HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url } });
        assert.equal(through.code, 0, through.stderr);
        assert.equal(proxy.proxied.length, 1);
        assert.ok(proxy.proxied[0].includes(new URL(emulator.url).host), proxy.proxied[0]);
        proxy.proxied.length = 0;
        const past = await runCli(['list'], { env: { ...env(), HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } });
        assert.equal(past.code, 0, past.stderr);
        assert.deepEqual(proxy.proxied, []);
      } finally {
        proxy.close();
      }
    });

    it('needs ANTHROPIC_API_KEY, a base URL the key may go to, and says an API error with exit 3', async () => {
      const noKey = await runCli(['list'], { env: { ANTHROPIC_BASE_URL: emulator.url } });
      assert.equal(noKey.code, 2);
      assert.match(noKey.stderr, /Set ANTHROPIC_API_KEY/);
      const plain = await runCli(['list', '--base-url', 'http://api.example.com'], { env: env() });
      assert.equal(plain.code, 2);
      assert.match(plain.stderr, /plain http: is allowed only for localhost/);
      const refused = await runCli(['list'], { env: { ...env(), ANTHROPIC_API_KEY: 'sk-ant-api03-not-this-one-xyz' } });
      assert.equal(refused.code, 3);
      assert.match(refused.stderr, /claude-skills: /);
      assert.ok(!refused.stderr.includes('not-this-one'), refused.stderr);
    });
  });

  it('never prints the key, even when a server echoes it (text, --json and annotations alike)', async () => {
    const server = await startHostileServer();
    try {
      server.handle((req, res) =>
        json(
          res,
          { type: 'error', error: { type: 'invalid_request_error', message: `bad key ${req.headers['x-api-key']}` } },
          400,
        ),
      );
      for (const argv of [['list'], ['list', '--json']]) {
        const result = await runCli(argv, {
          env: { ANTHROPIC_API_KEY: HOSTILE_KEY, ANTHROPIC_BASE_URL: server.url, GITHUB_ACTIONS: 'true' },
        });
        assert.equal(result.code, 3, result.stderr);
        assert.ok(!`${result.stdout}${result.stderr}`.includes(HOSTILE_KEY), result.stderr);
      }
    } finally {
      await server.close();
    }
  });
});

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';
import { CommandIds, ContextKeys, WALKTHROUGH_ID, WALKTHROUGH_STEPS } from '../../../src/constants';
import { DEFAULT_EXCLUDES } from '../../../src/skill/files';
import { repoRoot } from '../../support/vscodeServer';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));

describe('package.json and the VSIX', () => {
  it('keeps the public names of the design', () => {
    assert.equal(manifest.name, 'claude-skills');
    assert.equal(nls[manifest.displayName.slice(1, -1)], 'Claude Skills');
    assert.equal(manifest.engines.vscode, '^1.95.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.95.0', '@types/vscode must match engines, never newer');
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, 'claudeSkills');
    assert.equal(manifest.contributes.views.claudeSkills[0].id, 'claudeSkills.skills');
  });

  it("defaults claudeSkills.exclude to the skill layer's own default list", () => {
    assert.deepEqual(manifest.contributes.configuration.properties['claudeSkills.exclude'].default, DEFAULT_EXCLUDES);
  });

  it('shows the Explorer entries only on skill folders and SKILL.md, and node-only commands nowhere in the palette', () => {
    for (const entry of manifest.contributes.menus['explorer/context']) {
      assert.match(entry.when, /resourcePath in claudeSkills\.skillFolders/, entry.command);
      assert.match(entry.when, /resourceFilename == SKILL\.md/, entry.command);
    }
    const palette = new Map<string, string>(
      manifest.contributes.menus.commandPalette.map((e: { command: string; when: string }) => [e.command, e.when]),
    );
    for (const nodeOnly of ['claudeSkills.copyId', 'claudeSkills.copyMessagesSnippet'])
      assert.equal(palette.get(nodeOnly), 'false');
  });

  it('gives every command a category and a codicon', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, '%category%', command.command);
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/, command.command);
    }
  });

  it('puts a when-clause on every menu entry', () => {
    for (const [menu, entries] of Object.entries<{ when?: string; command: string }[]>(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(entry.when, `${menu}: ${entry.command} has no when-clause`);
    }
  });

  it('defines every %string% it uses in package.nls.json', () => {
    const used = JSON.stringify(manifest).match(/"%[^"%]+%"/g) ?? [];
    const missing = used.map((u) => u.slice(2, -2)).filter((key) => !(key in nls));
    assert.deepEqual(missing, []);
  });

  it('scopes apiBaseUrl and workspaceId to the application, so a workspace cannot steer the key', () => {
    for (const key of ['claudeSkills.apiBaseUrl', 'claudeSkills.workspaceId'])
      assert.equal(manifest.contributes.configuration.properties[key].scope, 'application', key);
    const workspaceId = manifest.contributes.configuration.properties['claudeSkills.workspaceId'];
    assert.equal(workspaceId.default, '');
    const pattern = new RegExp(workspaceId.pattern);
    assert.ok(pattern.test('') && pattern.test('wrkspc_011CZkZaBF1tNoB5wlCeusgy'));
    assert.ok(!pattern.test('workspace-1') && !pattern.test('wrkspc_ x'));
  });

  it('packs only dist, media, the manifest, its strings (the l10n bundle in English alone) and the docs', () => {
    const listed = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean);
    const allowed =
      /^(dist\/(extension|skill)\.js|media\/.+|docs\/images\/[\w-]+\.png|package\.json|package\.nls\.json|l10n\/bundle\.l10n\.json|README\.md|CHANGELOG\.md|LICENSE)$/;
    assert.deepEqual(
      listed.filter((f) => !allowed.test(f)),
      [],
    );
    for (const required of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'l10n/bundle.l10n.json',
      'media/claude-skills.svg',
      'media/icon.png',
    ]) {
      assert.ok(listed.includes(required), `${required} is not packed`);
    }
  });

  it("runs where a skill author's files are: extensionKind workspace, and a 128×128 PNG icon", () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.icon, 'media/icon.png');
    const png = readFileSync(join(repoRoot, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('is listed as a free AI, testing and linting extension, with a banner, and links no made-up repository', () => {
    assert.deepEqual(manifest.categories, ['AI', 'Testing', 'Linters']);
    assert.equal(manifest.pricing, 'Free');
    assert.match(manifest.galleryBanner.color, /^#[0-9A-F]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    // The public URL is not known yet: until `repository` names it, no field may point anywhere.
    if (!manifest.repository) {
      assert.deepEqual(
        ['homepage', 'bugs', 'qna', 'sponsor'].filter((key) => key in manifest),
        [],
      );
    }
    assert.match(manifest.scripts['vscode:prepublish'], /^node scripts\/publish-check\.mjs && /);
  });

  it('walks a new user through key, folder, publish, try and evals, each step with an image, a button and a done key', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(`${manifest.publisher}.${manifest.name}#${walkthrough.id}`, WALKTHROUGH_ID);
    const steps = walkthrough.steps as {
      id: string;
      title: string;
      description: string;
      media: { image: string; altText: string };
      completionEvents: string[];
    }[];
    assert.deepEqual(
      steps.map((s) => s.completionEvents),
      [
        ContextKeys.hasKey,
        ContextKeys.hasSkillFolders,
        ContextKeys.hasPublished,
        ContextKeys.hasTried,
        ContextKeys.hasRunEvals,
      ].map((key) => [`onContext:${key}`]),
    );
    // What the extension marks done when VS Code would miss the key's change: the same steps, by the same keys.
    assert.deepEqual(
      Object.fromEntries(steps.map((s) => [s.completionEvents[0].replace(/^onContext:/, ''), s.id])),
      WALKTHROUGH_STEPS,
    );
    const ours = new Set<string>(Object.values(CommandIds));
    for (const step of steps) {
      const description = nls[step.description.slice(1, -1)];
      const buttons = [...description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(
        buttons.some((id) => ours.has(id)),
        `${step.id} has no button of ours: ${description}`,
      );
      assert.match(step.media.image, /^docs\/images\/[\w-]+\.png$/);
      assert.ok(existsSync(join(repoRoot, step.media.image)), step.media.image);
      assert.ok(nls[step.media.altText.slice(1, -1)], `${step.id} has no alt text`);
      assert.ok(nls[step.title.slice(1, -1)], `${step.id} has no title`);
    }
    // Reachable from both welcome views, by its id.
    const link = `command:workbench.action.openWalkthrough?${encodeURIComponent(JSON.stringify(WALKTHROUGH_ID))}`;
    for (const view of manifest.contributes.viewsWelcome) assert.ok(nls[view.contents.slice(1, -1)].includes(link));
  });

  it('installs on the Node the unit layer runs on without an engine warning', () => {
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
    const refused = Object.entries<{ engines?: { node?: string } | string[] }>(lock.packages)
      .filter(([, pkg]) => pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node)
      .filter(([, pkg]) => !satisfies(process.version, (pkg.engines as { node: string }).node))
      .map(([name, pkg]) => `${name} wants node ${(pkg.engines as { node: string }).node}`);
    assert.deepEqual(refused, []);
  });
});

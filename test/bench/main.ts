// `npm run bench`: the extension's own paths side by side with curl and the official SDK, in one run on
// this machine, against the project's emulator on loopback. Every figure is the median of several runs,
// with min and max; every comparison is a ratio of figures measured in the same run. Not part of npm test.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SkillsClient } from '../../src/api/skillsClient';
import { deleteSkill, deleteVersions } from '../../src/operations/deletes';
import { SkillNameMatches } from '../../src/operations/skillNameMatches';
import { plural } from '../../src/shared/words';
import { listCustomSkills, type SlugMemory } from '../../src/operations/skillLookup';
import { createNodeTransport } from '../../src/api/nodeHttp';
import { collectFiles } from '../../src/skill/files';
import { inspectSkillFolder, readUploadFiles } from '../../src/skill/skillFolder';
import { filesHashed, hashFiles } from '../../src/skill/fileHashes';
import { makeRecord, primeFromRecord, publishState } from '../../src/skill/publishState';
import { publishFiles } from '../../src/operations/publish';
import { scanForSecrets } from '../../src/skill/secrets';
import { unpackVersionZip } from '../../src/skill/versionArchive';
import { ALL_PAGES_LIMIT, PageLoader } from '../../src/tree/pageLoader';
import { seed, type ScenarioSkill } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { SkillStore } from '../emulator/store';
import { repoRoot } from '../support/vscodeServer';
import { benchAuthoring } from './authoring';
import { benchCli } from './cli';
import { benchEvals } from './evals';
import { KEY, RUNS, figure, ms, print, row, startEmulatorProcess, timed, times, type Figure } from './support';

/** A skill folder of `count` text files of `bytes` each (random, so neither compression nor scans cheat). */
function makeSkill(root: string, name: string, count: number, bytes: number): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'files'), { recursive: true });
  writeFileSync(join(dir, 'SKILL.md'), `---\nname: ${name}\ndescription: A benchmark skill.\n---\n\n# ${name}\n`);
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(dir, 'files', `f${i}.txt`),
      randomBytes(Math.ceil((bytes * 3) / 4))
        .toString('base64')
        .slice(0, bytes),
    );
  }
  return dir;
}

function client(emulator: { url: string }, transport = createNodeTransport()): SkillsClient {
  return new SkillsClient({ transport, baseUrl: () => emulator.url, apiKey: () => KEY });
}

async function ours(c: SkillsClient, skillId: string, dir: string): Promise<void> {
  const skill = await inspectSkillFolder(dir);
  if (skill.problems.some((p) => p.severity === 'error')) throw new Error(skill.problems[0].message);
  const files = await readUploadFiles(skill);
  const target = { kind: 'version' as const, skill: await c.getSkill(skillId) };
  await publishFiles(c, files, target, { settle: { readArchive: unpackVersionZip } });
}

function curl(emulator: { url: string }, skillId: string, name: string, files: { rel: string; abs: string }[]) {
  const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST'];
  args.push('-H', `x-api-key: ${KEY}`, '-H', 'anthropic-version: 2026-10-21');
  for (const f of files) args.push('-F', `files[]=@${f.abs};filename=${name}/${f.rel}`);
  args.push(`${emulator.url}/v1/skills/${skillId}/versions`);
  return new Promise<void>((resolve, reject) => {
    const child = spawn('curl', args);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => (out === '200' ? resolve() : reject(new Error(`curl: HTTP ${out}`))));
  });
}

async function sdk(emulator: { url: string }, skillId: string, name: string, files: { rel: string; abs: string }[]) {
  const { default: Anthropic, toFile } = await import('@anthropic-ai/sdk');
  const { createReadStream } = await import('node:fs');
  const anthropic = new Anthropic({ apiKey: KEY, baseURL: emulator.url, maxRetries: 0 });
  const parts = await Promise.all(files.map((f) => toFile(createReadStream(f.abs), `${name}/${f.rel}`)));
  await anthropic.skills.versions.create(skillId, { files: parts });
}

async function benchPublish(root: string): Promise<void> {
  const emulator = await startEmulatorProcess(root);
  const c = client(emulator);
  try {
    for (const [label, count, bytes] of [
      ['300 files, 7.5 MB', 300, 25_000],
      ['1 file', 0, 0],
      ['29 MB', 29, 1_000_000],
    ] as const) {
      const name = `bench-${count}-${bytes}`;
      const dir = makeSkill(root, name, count, bytes);
      const skillId = (await c.createSkill({ files: await readUploadFiles(await inspectSkillFolder(dir)) })).id;
      const listed = (await collectFiles(dir)).files.map((f) => ({ rel: f.relativePath, abs: f.absolutePath }));
      const samples = { ours: [] as number[], curl: [] as number[], sdk: [] as number[] };
      // Alternating, after one warm-up each, so that caches and the JIT favour none of them.
      for (let run = 0; run <= RUNS; run++) {
        const o = await timed(() => ours(c, skillId, dir));
        const u = await timed(() => curl(emulator, skillId, name, listed));
        const s = await timed(() => sdk(emulator, skillId, name, listed));
        if (run > 0) [samples.ours, samples.curl, samples.sdk].forEach((list, i) => list.push([o, u, s][i]));
        // Back to the first version alone (newest first), so that the emulator's memory does not grow.
        for (const v of (await c.listVersions(skillId, { limit: 100 })).data.slice(0, -1)) {
          await c.deleteVersion(skillId, v.id);
        }
      }
      const [o, u, s] = [figure(samples.ours), figure(samples.curl), figure(samples.sdk)];
      row('publish', `${label}: curl (the floor)`, ms(u), '1.00');
      row('publish', `${label}: official SDK 1.10`, ms(s), `${times(s, u)} curl`);
      row('publish', `${label}: ours (inspect, scan, upload)`, ms(o), `${times(o, u)} curl, ${times(o, s)} SDK`);
    }
    // The parts of ours on their own, for the 300-file skill.
    const dir = join(root, 'bench-300-25000');
    const { files } = await collectFiles(dir);
    const mb = files.reduce((sum, f) => sum + f.size, 0) / 1024 / 1024;
    const inspect: number[] = [];
    const coldScan: number[] = [];
    const warmScan: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      inspect.push(await timed(() => inspectSkillFolder(dir, { scanContents: false })));
      // A copy is new to the scan (results are remembered by path, size and mtime): a cold scan.
      const copy = join(root, `cold-${run}`);
      cpSync(dir, copy, { recursive: true });
      const copied = (await collectFiles(copy)).files;
      coldScan.push(await timed(() => scanForSecrets(copied)));
      warmScan.push(await timed(() => scanForSecrets(copied)));
    }
    row('publish', 'inspect 300 unchanged files (no scan)', ms(figure(inspect)));
    const [cold, warm] = [figure(coldScan), figure(warmScan)];
    row('publish', `secret scan of ${mb.toFixed(1)} MB, cold`, ms(cold), `${(cold.median / mb).toFixed(1)} ms/MB`);
    row('publish', `secret scan of the same files again (remembered)`, ms(warm));
  } finally {
    await emulator.close();
  }
}

/** Memory added by one of our publishes of the 300-file skill, in a process of its own (the emulator is not). */
async function benchMemory(root: string): Promise<void> {
  const dir = join(root, 'bench-300-25000');
  const payload = (await collectFiles(dir)).files.reduce((sum, f) => sum + f.size, 0);
  const emulator = await startEmulator({ apiKeys: [KEY], store: new SkillStore() });
  const skillId = (await client(emulator).createSkill({ files: await readUploadFiles(await inspectSkillFolder(dir)) }))
    .id;
  const script = `
    const out = (p) => require(${JSON.stringify(join(repoRoot, 'out'))} + '/' + p);
    const { SkillsClient } = out('src/api/skillsClient.js');
    const { createNodeTransport } = out('src/api/nodeHttp.js');
    const { inspectSkillFolder, readUploadFiles } = out('src/skill/skillFolder.js');
    const { publishFiles } = out('src/operations/publish.js');
    const { unpackVersionZip } = out('src/skill/versionArchive.js');
    (async () => {
      const c = new SkillsClient({ transport: createNodeTransport(), baseUrl: () => process.env.URL, apiKey: () => '${KEY}' });
      const skill = await c.getSkill(process.env.SKILL);
      await inspectSkillFolder(${JSON.stringify(dir)}); // the libraries load, and the scans are remembered
      global.gc();
      const before = process.memoryUsage().rss;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
      const files = await readUploadFiles(await inspectSkillFolder(${JSON.stringify(dir)}));
      await publishFiles(c, files, { kind: 'version', skill }, { settle: { readArchive: unpackVersionZip } });
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(JSON.stringify({ added: peak - before }));
      process.exit(0);
    })();`;
  const samples: number[] = [];
  try {
    for (let run = 0; run < 3; run++) {
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--expose-gc', '-e', script], {
          env: { ...process.env, URL: emulator.url, SKILL: skillId },
        });
        let text = '';
        child.stdout.on('data', (d) => (text += d));
        child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`memory run: exit ${code}`))));
      });
      samples.push(JSON.parse(out.trim().split('\n').pop()!).added);
    }
  } finally {
    await emulator.close();
  }
  const added = figure(samples);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  row(
    'memory',
    `added during a publish of ${mb(payload)}`,
    `${mb(added.median)} (${mb(added.min)}–${mb(added.max)})`,
    `${(added.median / payload).toFixed(2)}× the payload`,
  );
}

/**
 * The Workspace Skills state of the 300-file folder after one file changed: the folder walked again, the
 * changed file alone hashed, the state worked out. What a save costs before its row updates.
 */
async function benchWorkspaceState(root: string): Promise<void> {
  const dir = join(root, 'bench-300-25000');
  const first = await inspectSkillFolder(dir, { scanContents: false });
  const digests = await hashFiles(first.files);
  const record = makeRecord('skill_bench', 'skver_bench', 'published', digests, first.files, digests);
  const samples: number[] = [];
  const hashed: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    writeFileSync(join(dir, 'files', 'f7.txt'), `changed ${run}\n`);
    const before = filesHashed();
    samples.push(
      await timed(async () => {
        const skill = await inspectSkillFolder(dir, { scanContents: false });
        primeFromRecord(record, skill.files);
        const state = publishState({
          errors: 0,
          targetId: 'skill_bench',
          record,
          current: await hashFiles(skill.files),
        });
        if (state.changes?.changed.join() !== 'files/f7.txt') throw new Error(`unexpected state: ${state.kinds}`);
      }),
    );
    hashed.push(filesHashed() - before);
  }
  row(
    'workspace',
    "a 300-file folder's state after one file changed",
    ms(figure(samples)),
    `${figure(hashed).max} file hashed`,
  );
}

async function benchBrowse(): Promise<void> {
  const store = new SkillStore();
  const skills: ScenarioSkill[] = [
    { id: 'skill_many', name: 'many', description: 'A thousand versions.', versionCount: 1000 },
    ...Array.from({ length: 999 }, (_, i) => ({ name: `s-${i}`, description: 'One of many.' })),
  ];
  seed(store, { skills });
  const emulator = await startEmulator({ apiKeys: [KEY], store, latencyMs: 20 });
  const c = client(emulator);
  const requests = () => emulator.log.length;
  try {
    const sample = async (label: string, fn: () => Promise<unknown>, budget?: string) => {
      const t: number[] = [];
      let count = 0;
      for (let run = 0; run < 5; run++) {
        emulator.resetLog();
        t.push(await timed(fn));
        count = requests();
      }
      row('browse', label, `${ms(figure(t))}, ${count} request${count === 1 ? '' : 's'}`, budget ?? '');
    };
    await sample('show the root (first page of 20)', () =>
      new PageLoader((r, s) => c.listSkills({ ...r, source: 'custom' }, s)).loadMore(20),
    );
    await sample('expand a skill (first page of 20 versions)', () =>
      new PageLoader((r, s) => c.listVersions('skill_many', r, s)).loadMore(20),
    );
    await sample('every page of 1,000 versions, 100 a page (10 pages)', () =>
      new PageLoader((r, s) => c.listVersions('skill_many', r, s)).loadAll(100),
    );
    await sample('filter: the rest of 1,000 skills after the first page', async () => {
      const loader = new PageLoader((r, s) => c.listSkills({ ...r, source: 'custom' }, s));
      await loader.loadMore(20);
      emulator.resetLog();
      await loader.loadAll(ALL_PAGES_LIMIT);
    });
  } finally {
    await emulator.close();
  }
}

/**
 * Workspace Skills finding 20 folders' skills by name among 100 (5 names are no skill's), as a script would
 * (for each folder, list the skills and read latest versions until one's name is the folder's), and ours:
 * one list, each slug read at most once, and none once remembered (the view shown again, another window).
 */
async function benchNameMatching(): Promise<void> {
  const store = new SkillStore();
  seed(store, { skills: Array.from({ length: 100 }, (_, i) => ({ name: `skill-${i}`, description: 'One.' })) });
  const emulator = await startEmulator({ apiKeys: [KEY], store, latencyMs: 20 });
  const names = [...Array.from({ length: 15 }, (_, i) => `skill-${i * 6}`), ...['a', 'b', 'c', 'd', 'e']];
  const c = client(emulator);
  const memory = new Map<string, string>();
  const slugs: SlugMemory = {
    get: (id) => memory.get(id),
    remember: (read) => read.forEach(([id, slug]) => memory.set(id, slug)),
  };
  const ours = async () => {
    const matches = new SkillNameMatches({ client: c, slugs });
    const found = await Promise.all(names.map((name) => matches.match(name)));
    if (found.filter((m) => m.kind === 'matched').length !== 15) throw new Error('not every name matched');
  };
  const script = async () => {
    for (const name of names) {
      for (const skill of await listCustomSkills(c)) {
        if ((await c.getVersion(skill.id, skill.latestVersionId ?? 'latest')).name === name) break;
      }
    }
  };
  try {
    const measure = async (fn: () => Promise<void>, runs: number, before = () => {}) => {
      const t: number[] = [];
      let count = 0;
      for (let run = 0; run < runs; run++) {
        before();
        emulator.resetLog();
        t.push(await timed(fn));
        count = emulator.log.length;
      }
      return { time: figure(t), count };
    };
    // The script's thousand-odd sequential requests take half a minute: it runs once.
    const naive = await measure(script, 1);
    const first = await measure(ours, RUNS, () => memory.clear());
    const again = await measure(ours, RUNS);
    const cell = (m: { time: Figure; count: number }) => `${ms(m.time)}, ${plural(m.count, 'request')}`;
    const ratio = (m: { count: number }) => `${(naive.count / m.count).toFixed(0)}× fewer requests`;
    row('names', '20 folders among 100 skills: a script, per folder', cell(naive), '1.00');
    row('names', 'ours, the first time the view shows', cell(first), ratio(first));
    row('names', 'ours again, slugs remembered', cell(again), ratio(again));
  } finally {
    await emulator.close();
  }
}

async function benchDelete(): Promise<void> {
  const fresh = async () => {
    const store = new SkillStore();
    seed(store, { skills: [{ id: 'skill_del', name: 'del', description: 'To delete.', versionCount: 201 }] });
    const emulator = await startEmulator({ apiKeys: [KEY], store, latencyMs: 20 });
    const ids = store
      .listVersions('skill_del')
      .slice(0, 200)
      .map((v) => v.id);
    return { emulator, ids };
  };
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  const ourTimes: number[] = [];
  const sdkTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const a = await fresh();
    ourTimes.push(await timed(() => deleteVersions(client(a.emulator), 'skill_del', a.ids)));
    await a.emulator.close();
    const b = await fresh();
    const anthropic = new Anthropic({ apiKey: KEY, baseURL: b.emulator.url, maxRetries: 0 });
    sdkTimes.push(
      await timed(async () => {
        for (const id of b.ids) await anthropic.skills.versions.delete(id, { skill_id: 'skill_del' });
      }),
    );
    await b.emulator.close();
  }
  const [o, s] = [figure(ourTimes), figure(sdkTimes)];
  row('delete', '200 versions: sequential SDK loop (20 ms latency)', ms(s), '1.00');
  row('delete', '200 selected versions: ours, 4 in flight', ms(o), `${(s.median / o.median).toFixed(1)}× faster`);
  const whole = await fresh();
  const t = await timed(() => deleteSkill(client(whole.emulator), 'skill_del'));
  row('delete', 'a whole skill of 201 versions', `${t.toFixed(1)} ms, ${whole.emulator.log.length} request`);
  await whole.emulator.close();
}

/** activate()'s own duration in the real extension host, from the host suite's line for it. */
function benchActivation(): void {
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const out = execFileSync(process.execPath, [join(repoRoot, 'out/test/host/runInServer.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, HOST_TEST_GREP: 'activates in a few milliseconds' },
    });
    const match = /ACTIVATION-MS ([\d.]+)/.exec(out);
    if (!match) throw new Error(`the host suite printed no activation time:\n${out}`);
    samples.push(Number(match[1]));
  }
  row('start', 'activate() in the real extension host', ms(figure(samples)), 'budget 15 ms');
}

function benchBundles(): void {
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: 'ignore' });
  const kb = (path: string) => `${(statSync(join(repoRoot, path)).size / 1024).toFixed(0)} KB`;
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  row('size', 'dist/extension.js (loaded at start)', kb('dist/extension.js'));
  row('size', 'dist/skill.js (loaded on first use)', kb('dist/skill.js'));
  row('size', 'the VSIX', kb(`${name}-${version}.vsix`), 'budget 400 KB');
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'claude-skills-bench-'));
  try {
    console.error(`bench: ${RUNS} runs a figure; this takes a few minutes`);
    await benchPublish(root);
    await benchMemory(root);
    await benchWorkspaceState(root);
    await benchBrowse();
    await benchNameMatching();
    await benchDelete();
    await benchEvals(root);
    await benchAuthoring(root);
    benchBundles();
    benchCli(root);
    benchActivation();
    print();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

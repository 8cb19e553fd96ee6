// A repository checkout and an emulated workspace for the commands that call the API: a fresh temporary
// repository (with `.git`) and freshly seeded skills for each test, and a client that publishes the way a
// colleague's machine would.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeTransport } from '../../../src/api/nodeHttp';
import { SkillsClient } from '../../../src/api/skillsClient';
import { inspectSkillFolder, readUploadFiles } from '../../../src/skill/skillFolder';
import { seed, type ScenarioSkill } from '../../emulator/scenario';
import { startEmulator, type SkillsEmulator } from '../../emulator/server';

export interface CliCheckout {
  readonly emulator: SkillsEmulator;
  /** The repository's root: the commands' current folder. */
  readonly root: string;
  env(): NodeJS.ProcessEnv;
  /** `<root>/<parent>/<name>` with a SKILL.md of that name. */
  folderOf(name: string, body?: string, parent?: string): string;
  /** The folder as it is now, published as a new version of `skillId` (not through the command line). */
  publishAs(folder: string, skillId: string): ReturnType<SkillsClient['createVersion']>;
}

export function useCliCheckout(key: string, skills: ScenarioSkill[]): CliCheckout {
  const transport = createNodeTransport();
  let emulator: SkillsEmulator;
  let client: SkillsClient;
  let root: string;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [key] });
    client = new SkillsClient({ transport, baseUrl: () => emulator.url, apiKey: () => key });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'claude-skills-cli-'));
    mkdirSync(join(root, '.git'));
    emulator.store.clear();
    emulator.faults.length = 0;
    seed(emulator.store, { skills });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  return {
    get emulator() {
      return emulator;
    },
    get root() {
      return root;
    },
    env: () => ({ ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: emulator.url }),
    folderOf(name, body = 'Hello.', parent = 'skills') {
      const folder = join(root, parent, name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        join(folder, 'SKILL.md'),
        `---\nname: ${name}\ndescription: Says hello. Use to test.\n---\n\n${body}\n`,
      );
      return folder;
    },
    publishAs: async (folder, skillId) =>
      client.createVersion(skillId, await readUploadFiles(await inspectSkillFolder(folder))),
  };
}

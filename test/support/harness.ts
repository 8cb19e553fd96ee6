// Typed builders and a mocha harness for tests against the emulator: an emulator, an undici transport and a
// client whose sleeps are recorded instead of waited; after each test every request the emulator logged and
// every answer it gave is checked against the official OpenAPI document.
import * as assert from 'node:assert/strict';
import type { ApiOptions } from '../../src/api/apiCore';
import { SkillsClient } from '../../src/api/skillsClient';
import { createNodeTransport, type NodeTransport } from '../../src/api/nodeHttp';
import type { UploadFile } from '../../src/api/types';
import { seed, skillMd, type ScenarioSkill } from '../emulator/scenario';
import { startEmulator, type SkillsEmulator } from '../emulator/server';
import { SkillStore } from '../emulator/store';
import type { SlugMemory } from '../../src/operations/skillLookup';
import { requestProblems, responseProblems } from './openapi';

export const TEST_KEY = 'sk-ant-test-0123456789abcdef';

export interface SkillFilesOptions {
  description?: string;
  /** Extra files by path relative to the skill folder. */
  files?: Record<string, string | Uint8Array>;
  /** The top-level folder in the upload paths; the name by default. */
  folder?: string;
}

/** The upload list of a valid skill named `name`. */
export function skillFiles(name: string, options: SkillFilesOptions = {}): UploadFile[] {
  const folder = options.folder ?? name;
  const all = {
    'SKILL.md': skillMd(name, options.description ?? `Does ${name} things. Use when asked to.`),
    ...options.files,
  };
  return Object.entries(all).map(([path, content]) => ({
    path: `${folder}/${path}`,
    data: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  }));
}

/** `count` custom skills named skill-01…, each with one version. */
export function customSkills(count: number, extra: Partial<ScenarioSkill> = {}): ScenarioSkill[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `skill-${String(i + 1).padStart(2, '0')}`;
    return { name, display_name: `Skill ${i + 1}`, description: `Skill number ${i + 1}.`, ...extra };
  });
}

/** A memory of slugs that lasts the test, open to look into. */
export function slugMemory(entries: [string, string][] = []): SlugMemory & { slugs: Map<string, string> } {
  const slugs = new Map(entries);
  return { slugs, get: (id) => slugs.get(id), remember: (read) => read.forEach(([id, s]) => slugs.set(id, s)) };
}

export interface ApiHarness {
  emulator: SkillsEmulator;
  transport: NodeTransport;
  client: SkillsClient;
  /** Delays the client asked to sleep, in ms (the sleeps themselves return at once). */
  sleeps: number[];
  /** Reseeds the emulator's store with these skills. */
  seed(skills: ScenarioSkill[]): void;
  /** A client on the same emulator with other options. */
  clientWith(options: Partial<ApiOptions>): SkillsClient;
  /** The options those clients get, for the Messages and Files clients. */
  apiOptions(options?: Partial<ApiOptions>): ApiOptions;
}

/** Registers before/after hooks for a suite; the returned object is filled in before the first test. */
export function useEmulator(): ApiHarness {
  const harness = { sleeps: [] as number[] } as ApiHarness;
  before(async () => {
    harness.emulator = await startEmulator({ apiKeys: [TEST_KEY], store: new SkillStore() });
    harness.transport = createNodeTransport();
    harness.apiOptions = (options = {}) => ({
      transport: harness.transport,
      baseUrl: () => harness.emulator.url,
      apiKey: () => TEST_KEY,
      random: () => 0,
      sleep: async (ms) => {
        harness.sleeps.push(ms);
      },
      ...options,
    });
    harness.clientWith = (options) => new SkillsClient(harness.apiOptions(options));
    harness.client = harness.clientWith({});
    harness.seed = (skills) => {
      harness.emulator.store.clear();
      seed(harness.emulator.store, { skills });
    };
  });
  beforeEach(() => {
    harness.emulator.store.clear();
    harness.emulator.resetLog();
    harness.emulator.faults.length = 0;
    harness.emulator.containers.clear();
    harness.emulator.files.clear();
    harness.emulator.latencyMs = 0;
    harness.sleeps.length = 0;
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') return;
    // A connection dropped before processing left the body unread: there is nothing to check in it.
    // The document covers the Skills API alone: the models a try lists are the Models API's.
    const readRequests = harness.emulator.log.filter(
      (r) =>
        r.path.startsWith('/v1/skills') &&
        !(r.status === 'reset' && r.contentType?.startsWith('multipart/') && r.files.length === 0),
    );
    const problems = readRequests.flatMap((r) =>
      [...requestProblems(r), ...responseProblems(r)].map((p) => `${r.method} ${r.path}: ${p}`),
    );
    assert.deepEqual(problems, [], 'every request and answer must match the OpenAPI document');
  });
  after(async () => {
    await harness.transport?.close();
    await harness.emulator?.close();
  });
  return harness;
}

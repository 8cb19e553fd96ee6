// Seeds an emulator's store from a JSON scenario (see scenarios/*.json).
import { readFileSync } from 'node:fs';
import type { SkillSourceType, SkillStore } from './store';
import type { CheckedUpload } from './upload';

export interface ScenarioVersion {
  /** A fixed `skver_…` id; generated when absent. */
  id?: string;
  /** The legacy beta surface's version string (Anthropic's are dates), for legacy-shaped answers. */
  legacyVersion?: string;
  description?: string;
}

export interface ScenarioSkill {
  id?: string;
  /** Derived from `name` when absent or null, as the API does. */
  display_name?: string | null;
  source?: SkillSourceType;
  /** Frontmatter `name` of every version. */
  name: string;
  description: string;
  /** Extra files beside SKILL.md, by relative path. */
  files?: Record<string, string>;
  versions?: ScenarioVersion[];
  /** Shorthand for that many generated versions. */
  versionCount?: number;
  /** When the first version was made, relative to now. */
  daysAgo?: number;
}

export interface Scenario {
  apiKeys?: string[];
  skills: ScenarioSkill[];
}

export function loadScenario(path: string): Scenario {
  return JSON.parse(readFileSync(path, 'utf8')) as Scenario;
}

export function skillMd(
  name: string,
  description: string,
  body = `# ${name}\n\nInstructions for Claude go here.\n`,
): string {
  return `---\nname: ${name}\ndescription: ${JSON.stringify(description)}\n---\n\n${body}`;
}

function upload(skill: ScenarioSkill, description: string): CheckedUpload {
  const files = { 'SKILL.md': skillMd(skill.name, description), ...skill.files };
  return {
    name: skill.name,
    description,
    files: Object.entries(files).map(([path, text]) => ({ path, data: Buffer.from(text) })),
  };
}

const HOUR = 3_600_000;

/** Creates the scenario's skills, their versions an hour apart, in the past. */
export function seed(store: SkillStore, scenario: Scenario): void {
  const realNow = store.now;
  const start = realNow().getTime();
  try {
    scenario.skills.forEach((skill, index) => {
      const versions: ScenarioVersion[] = skill.versions ?? Array.from({ length: skill.versionCount ?? 1 }, () => ({}));
      let time = start - (skill.daysAgo ?? scenario.skills.length - index) * 24 * HOUR - versions.length * HOUR;
      store.now = () => new Date(time);
      const [first, ...more] = versions;
      const created = store.createSkill(
        upload(skill, first.description ?? skill.description),
        skill.display_name ?? null,
        {
          id: skill.id,
          source: skill.source,
          versionId: first.id,
          legacyVersion: first.legacyVersion,
        },
      );
      for (const version of more) {
        time += HOUR;
        store.addVersion(created, upload(skill, version.description ?? skill.description), {
          versionId: version.id,
          legacyVersion: version.legacyVersion,
        });
      }
    });
  } finally {
    store.now = realNow;
  }
}

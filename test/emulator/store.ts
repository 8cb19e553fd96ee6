// The emulator's workspace: skills, their versions and files, and the rules the GA server enforces on them.
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { ApiFailure, notFound } from './failure';
import type { CheckedUpload, UploadedFile } from './upload';

export type SkillSourceType = 'custom' | 'anthropic' | 'anthropic_example' | 'plugin';

export interface VersionRecord {
  /** `skver_…`: what addresses the version in GA paths. */
  id: string;
  skillId: string;
  /** The legacy beta surface's epoch (or date) string, answered only in legacy shapes. */
  legacyVersion: string;
  name: string;
  description: string;
  createdAt: Date;
  /** Paths relative to the skill's folder. */
  files: UploadedFile[];
}

export interface SkillRecord {
  id: string;
  displayName: string;
  source: SkillSourceType;
  /** The immutable kebab-case `name` of every version, set by the first upload. */
  slug: string;
  createdAt: Date;
  updatedAt: Date;
  /** Oldest first. */
  versions: VersionRecord[];
}

/** What answers look like: GA (current), or the legacy beta names a gateway may still send. */
export type Shape = 'ga' | 'legacy';

export interface ListPage<T> {
  data: T[];
  next_page: string | null;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  return prefix + Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** The API's timestamps: ISO 8601 with microseconds. */
export function isoMicros(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function skillJson(skill: SkillRecord, shape: Shape = 'ga') {
  const latest = latestVersion(skill);
  const common = {
    id: skill.id,
    type: 'skill',
    created_at: isoMicros(skill.createdAt),
    updated_at: isoMicros(skill.updatedAt),
  };
  return shape === 'ga'
    ? { ...common, display_name: skill.displayName, latest_version_id: latest.id, source: { type: skill.source } }
    : { ...common, display_title: skill.displayName, latest_version: latest.legacyVersion, source: skill.source };
}

export function versionJson(version: VersionRecord, shape: Shape = 'ga') {
  const common = {
    id: version.id,
    type: 'skill_version',
    skill_id: version.skillId,
    name: version.name,
    description: version.description,
    created_at: isoMicros(version.createdAt),
  };
  return shape === 'ga' ? common : { ...common, version: version.legacyVersion, directory: version.name };
}

/** The newest version; every skill has one. */
export function latestVersion(skill: SkillRecord): VersionRecord {
  return skill.versions[skill.versions.length - 1];
}

/** The largest display_name the API takes; it is one line. */
const MAX_DISPLAY_NAME = 255;

export class SkillStore {
  private readonly skills = new Map<string, SkillRecord>();
  private lastVersionMicros = 0n;
  /** The emulator's clock; tests and seeds may move it. */
  now: () => Date = () => new Date();
  /**
   * Whether a new skill may take a `name` another skill has. The GA API's answer is UNVERIFIED: shared by
   * default (the beta's uniqueness rule is gone), refused when a test sets this.
   */
  uniqueSlugs = false;

  /** Forgets every skill (tests reseed between cases), and the knobs with them. */
  clear(): void {
    this.skills.clear();
    this.uniqueSlugs = false;
  }

  all(): SkillRecord[] {
    return [...this.skills.values()];
  }

  skill(id: string): SkillRecord {
    const skill = this.skills.get(id);
    if (!skill) throw notFound(`Skill '${id}'`);
    return skill;
  }

  /**
   * A version by its id (the older prefix `skill_version_` accepted), `latest`, or its legacy version
   * string (what a client reading legacy-shaped answers addresses it by).
   */
  version(skillId: string, ref: string): VersionRecord {
    const skill = this.skill(skillId);
    const found =
      ref === 'latest'
        ? latestVersion(skill)
        : skill.versions.find((v) => v.id === ref.replace(/^skill_version_/, 'skver_') || v.legacyVersion === ref);
    if (!found) throw notFound(`Version '${ref}' of skill '${skillId}'`);
    return found;
  }

  /**
   * Skills newest first, then by id, so a page cursor stays valid across inserts and deletes. Which list
   * holds examples and plugins' skills is not documented: here `custom` brings plugins' and `anthropic`
   * the examples, so that clients must place skills by their own source.
   */
  listSkills(source: string | undefined): SkillRecord[] {
    const sources: Record<string, SkillSourceType[]> = {
      custom: ['custom', 'plugin'],
      anthropic: ['anthropic', 'anthropic_example'],
    };
    return this.all()
      .filter((s) => source === undefined || sources[source].includes(s.source))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** Versions newest first, as the GA API lists them. */
  listVersions(skillId: string): VersionRecord[] {
    return [...this.skill(skillId).versions].reverse();
  }

  createSkill(
    upload: CheckedUpload,
    displayName: string | null,
    options: { id?: string; source?: SkillSourceType; legacyVersion?: string; versionId?: string } = {},
  ): SkillRecord {
    // Not unique: the beta's uniqueness rule is gone. Derived from the name when omitted.
    const title = displayName ?? upload.name;
    if (title.length > MAX_DISPLAY_NAME || /[\r\n]/.test(title) || title.trim() === '') {
      throw new ApiFailure(
        400,
        'invalid_request_error',
        `display_name: must be one non-empty line of at most ${MAX_DISPLAY_NAME} characters.`,
      );
    }
    if (this.uniqueSlugs && this.all().some((s) => s.slug === upload.name)) {
      throw new ApiFailure(400, 'invalid_request_error', `A skill with the name '${upload.name}' already exists.`);
    }
    const now = this.now();
    const skill: SkillRecord = {
      id: options.id ?? randomId('skill_01'),
      displayName: title,
      source: options.source ?? 'custom',
      slug: upload.name,
      createdAt: now,
      updatedAt: now,
      versions: [],
    };
    this.skills.set(skill.id, skill);
    this.addVersion(skill, upload, options);
    return skill;
  }

  createVersion(skillId: string, upload: CheckedUpload): VersionRecord {
    const skill = this.skill(skillId);
    this.requireWritable(skill);
    if (upload.name !== skill.slug) {
      // The real refusal's status and wording are not documented; a 400 is the likely answer.
      throw new ApiFailure(
        400,
        'invalid_request_error',
        `The skill's name is '${skill.slug}' and cannot change: the SKILL.md of a new version must say name: ${skill.slug} (it says '${upload.name}').`,
      );
    }
    return this.addVersion(skill, upload);
  }

  deleteVersion(skillId: string, ref: string): VersionRecord {
    const skill = this.skill(skillId);
    const record = this.version(skillId, ref);
    this.requireWritable(skill);
    if (skill.versions.length === 1) {
      throw new ApiFailure(
        400,
        'invalid_request_error',
        'Cannot delete the only version of a skill. Upload a replacement version first, or delete the skill.',
      );
    }
    skill.versions = skill.versions.filter((v) => v !== record);
    skill.updatedAt = this.now();
    return record;
  }

  /** Deletes the skill and every version with it. */
  deleteSkill(skillId: string): void {
    this.requireWritable(this.skill(skillId));
    this.skills.delete(skillId);
  }

  /** The version's files in one top-level folder named after the skill's slug. */
  async zip(skillId: string, ref: string): Promise<Buffer> {
    const record = this.version(skillId, ref);
    const zip = new JSZip();
    for (const file of record.files) zip.file(`${record.name}/${file.path}`, file.data);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  private requireWritable(skill: SkillRecord): void {
    if (skill.source !== 'custom') {
      throw new ApiFailure(403, 'permission_error', `Skill '${skill.id}' is read-only (source ${skill.source}).`);
    }
  }

  /** Adds a version without the read-only and slug checks: for seeding. */
  addVersion(
    skill: SkillRecord,
    upload: CheckedUpload,
    options: { legacyVersion?: string; versionId?: string } = {},
  ): VersionRecord {
    const now = this.strictlyLater(skill, this.now());
    const record: VersionRecord = {
      id: options.versionId ?? randomId('skver_01'),
      skillId: skill.id,
      legacyVersion: options.legacyVersion ?? this.nextLegacyVersion(now),
      name: skill.slug,
      description: upload.description,
      createdAt: now,
      files: upload.files,
    };
    skill.versions.push(record);
    skill.updatedAt = now;
    return record;
  }

  /** A skill's versions are ordered by creation time: a second version in the same millisecond is 1 ms on. */
  private strictlyLater(skill: SkillRecord, now: Date): Date {
    const last = skill.versions.at(-1)?.createdAt.getTime() ?? -Infinity;
    return now.getTime() > last ? now : new Date(last + 1);
  }

  /** Epoch microseconds, strictly increasing even within one millisecond. */
  private nextLegacyVersion(now: Date): string {
    const micros = BigInt(now.getTime()) * 1000n;
    this.lastVersionMicros = micros > this.lastVersionMicros ? micros : this.lastVersionMicros + 1n;
    return this.lastVersionMicros.toString();
  }
}

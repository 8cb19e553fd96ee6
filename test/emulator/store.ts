// The emulator's workspace: skills, their versions and files, and the rules the server enforces on them.
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { ApiFailure, notFound } from './failure';
import type { CheckedUpload, UploadedFile } from './upload';

export interface VersionRecord {
  id: string;
  skillId: string;
  version: string;
  name: string;
  description: string;
  directory: string;
  createdAt: Date;
  files: UploadedFile[];
}

export interface SkillRecord {
  id: string;
  displayTitle: string | null;
  source: 'custom' | 'anthropic';
  createdAt: Date;
  updatedAt: Date;
  versions: VersionRecord[];
}

export interface ListPage<T> {
  data: T[];
  has_more: boolean;
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

export function skillJson(skill: SkillRecord) {
  return {
    id: skill.id,
    type: 'skill',
    display_title: skill.displayTitle,
    latest_version: latestVersion(skill)?.version ?? null,
    source: skill.source,
    created_at: isoMicros(skill.createdAt),
    updated_at: isoMicros(skill.updatedAt),
  };
}

export function versionJson(version: VersionRecord) {
  return {
    id: version.id,
    type: 'skill_version',
    skill_id: version.skillId,
    version: version.version,
    name: version.name,
    description: version.description,
    directory: version.directory,
    created_at: isoMicros(version.createdAt),
  };
}

function latestVersion(skill: SkillRecord): VersionRecord | undefined {
  let latest: VersionRecord | undefined;
  for (const v of skill.versions) if (!latest || BigInt(v.version) > BigInt(latest.version)) latest = v;
  return latest;
}

export class SkillStore {
  private readonly skills = new Map<string, SkillRecord>();
  private lastVersionMicros = 0n;
  /** The emulator's clock; tests and seeds may move it. */
  now: () => Date = () => new Date();

  /** Forgets every skill (tests reseed between cases). */
  clear(): void {
    this.skills.clear();
  }

  all(): SkillRecord[] {
    return [...this.skills.values()];
  }

  skill(id: string): SkillRecord {
    const skill = this.skills.get(id);
    if (!skill) throw notFound(`Skill '${id}'`);
    return skill;
  }

  version(skillId: string, version: string): VersionRecord {
    const found = this.skill(skillId).versions.find((v) => v.version === version);
    if (!found) throw notFound(`Version '${version}' of skill '${skillId}'`);
    return found;
  }

  /** Skills newest first, then by id, so a page cursor stays valid across inserts and deletes. */
  listSkills(source: string | undefined): SkillRecord[] {
    return this.all()
      .filter((s) => source === undefined || s.source === source)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** Versions in upload order; the API documents no order, so clients must sort. */
  listVersions(skillId: string): VersionRecord[] {
    return [...this.skill(skillId).versions];
  }

  createSkill(
    upload: CheckedUpload,
    displayTitle: string | null,
    options: { id?: string; source?: 'custom' | 'anthropic'; version?: string } = {},
  ): SkillRecord {
    if (displayTitle !== null && this.all().some((s) => s.displayTitle === displayTitle)) {
      throw new ApiFailure(400, 'invalid_request_error', 'Skill cannot reuse an existing display_title.');
    }
    const now = this.now();
    const skill: SkillRecord = {
      id: options.id ?? randomId('skill_01'),
      displayTitle,
      source: options.source ?? 'custom',
      createdAt: now,
      updatedAt: now,
      versions: [],
    };
    this.skills.set(skill.id, skill);
    this.addVersion(skill, upload, options.version);
    return skill;
  }

  createVersion(skillId: string, upload: CheckedUpload, version?: string): VersionRecord {
    const skill = this.skill(skillId);
    this.requireWritable(skill);
    return this.addVersion(skill, upload, version);
  }

  deleteVersion(skillId: string, version: string): void {
    const skill = this.skill(skillId);
    const record = this.version(skillId, version);
    this.requireWritable(skill);
    skill.versions = skill.versions.filter((v) => v !== record);
    skill.updatedAt = this.now();
  }

  deleteSkill(skillId: string): void {
    const skill = this.skill(skillId);
    this.requireWritable(skill);
    if (skill.versions.length > 0) {
      throw new ApiFailure(
        400,
        'invalid_request_error',
        'Cannot delete skill with existing versions. Delete all versions first.',
      );
    }
    this.skills.delete(skillId);
  }

  async zip(skillId: string, version: string): Promise<Buffer> {
    const record = this.version(skillId, version);
    const zip = new JSZip();
    for (const file of record.files) zip.file(file.path, file.data);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  private requireWritable(skill: SkillRecord): void {
    if (skill.source !== 'custom') {
      throw new ApiFailure(
        403,
        'permission_error',
        `Skill '${skill.id}' is managed by Anthropic and cannot be modified.`,
      );
    }
  }

  /** Adds a version without the read-only check: for seeding Anthropic's skills. */
  addVersion(skill: SkillRecord, upload: CheckedUpload, version?: string): VersionRecord {
    const now = this.now();
    const record: VersionRecord = {
      id: randomId('skillver_01'),
      skillId: skill.id,
      version: version ?? this.nextVersionString(now),
      name: upload.name,
      description: upload.description,
      directory: upload.directory,
      createdAt: now,
      files: upload.files,
    };
    skill.versions.push(record);
    skill.updatedAt = now;
    return record;
  }

  /** Epoch microseconds, strictly increasing even within one millisecond. */
  private nextVersionString(now: Date): string {
    const micros = BigInt(now.getTime()) * 1000n;
    this.lastVersionMicros = micros > this.lastVersionMicros ? micros : this.lastVersionMicros + 1n;
    return this.lastVersionMicros.toString();
  }
}

// Each skill folder's target, as the extension finds it: the skill claude-skills.json names for it, else
// the one whose slug is the folder's name (eval drafts never match). One list of the custom skills serves
// every folder; slugs are read from latest versions only for the names the manifest does not settle.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { SkillsClient } from '../api/skillsClient';
import type { Skill } from '../api/types';
import { listNameMatchableSkills, matchSlugs } from '../operations/skillLookup';
import { readAntLock } from '../skill/antLock';
import { hashFiles, sha256Hex } from '../skill/fileHashes';
import { publishState, type PublishRecord, type PublishState } from '../skill/publishState';
import { inspectSkillFolder, type SkillFolder } from '../skill/skillFolder';
import { manifestKey, recordOf, type ManifestEntry, type SkillsManifest } from '../skill/skillsManifest';
import { unpackVersionZip } from '../skill/versionArchive';

/** What finding folders' skills and their states asks of the API: one list, slugs, version archives. */
export type FolderStateClient = Pick<SkillsClient, 'skillPages' | 'getVersion' | 'downloadVersion'>;

export interface FolderTarget {
  folder: string;
  /** Its key in claude-skills.json. */
  key: string;
  skillFolder: SkillFolder;
  hashes: Map<string, string>;
  entry?: ManifestEntry;
  /** The skill it publishes to, as the list told it (with its latest version id). */
  skill?: Skill;
  /** Why no skill is known, when that is not certain to mean "never published". */
  unknown?: string;
  /** Listed in claude-lock.json: Anthropic's `ant apply` publishes it. */
  managed: boolean;
}

export async function folderTargets(
  folders: readonly string[],
  client: Pick<SkillsClient, 'skillPages' | 'getVersion'>,
  manifest: SkillsManifest,
  /** `scanContents`: the publish checks, secrets in every file included (status and diff need no scan). */
  options: { exclude?: readonly string[]; scanContents?: boolean } = {},
): Promise<FolderTarget[]> {
  const lock = await readAntLock(path.dirname(manifest.path));
  const skills = await listNameMatchableSkills(client);
  const byId = new Map(skills.map((s) => [s.id, s]));
  const targets: FolderTarget[] = [];
  for (const folder of folders) {
    const skillFolder = await inspectSkillFolder(folder, options);
    const key = manifestKey(manifest, folder);
    const entry = manifest.folders.get(key);
    const hashes = await hashFiles(skillFolder.files);
    const target: FolderTarget = { folder, key, skillFolder, hashes, entry, managed: lock?.manages(folder) ?? false };
    if (entry) {
      target.skill = byId.get(entry.skill_id);
      if (!target.skill) {
        target.unknown = l10n.t(
          'claude-skills.json names {0} for it, which is none of your skills (deleted, or in another workspace)',
          entry.skill_id,
        );
      }
    }
    targets.push(target);
  }
  const byName = targets.filter((t) => !t.entry && t.skillFolder.name !== undefined);
  if (byName.length > 0) {
    const slugs = new Map<string, string>();
    const memory = {
      get: (id: string) => slugs.get(id),
      remember: (pairs: ReadonlyArray<readonly [string, string]>) => pairs.forEach(([id, slug]) => slugs.set(id, slug)),
    };
    const { matches, unread } = await matchSlugs(
      client,
      skills,
      byName.map((t) => t.skillFolder.name!),
      memory,
    );
    for (const target of byName) {
      target.skill = matches.get(target.skillFolder.name!);
      if (!target.skill && unread > 0) {
        target.unknown = l10n.t('the names of {0} of your skills could not be read', unread);
      }
    }
  }
  return targets;
}

/** A version's files as SHA-256 digests, from its archive: what a folder is compared with. */
async function publishedRecord(
  client: Pick<SkillsClient, 'downloadVersion'>,
  skillId: string,
  versionId: string,
): Promise<PublishRecord> {
  const files = await unpackVersionZip(await client.downloadVersion(skillId, versionId));
  const digests = Object.fromEntries([...files].map(([path, data]) => [path, sha256Hex(data)]));
  return { skillId, versionId, origin: 'compared', files: digests, local: {} };
}

/**
 * Where a folder stands, as Workspace Skills works it out: against what claude-skills.json says it published
 * last, else (its skill matched by name) against that skill's latest version, downloaded.
 */
export async function folderState(
  target: FolderTarget,
  client: Pick<SkillsClient, 'downloadVersion'>,
): Promise<PublishState & { record?: PublishRecord; reason?: string }> {
  const { skill, entry, skillFolder } = target;
  if (target.unknown && !skill) return { kinds: ['unknown'], reason: target.unknown };
  let record = entry ? recordOf(entry) : undefined;
  if (!record && skill?.latestVersionId) record = await publishedRecord(client, skill.id, skill.latestVersionId);
  const state = publishState({
    errors: skillFolder.problems.filter((p) => p.severity === 'error').length,
    targetId: skill?.id,
    record,
    current: target.hashes,
    latestVersionId: skill?.latestVersionId,
  });
  return { ...state, record };
}

// Each skill folder's target, as the extension finds it: the skill claude-skills.json names for it, else
// the one whose slug is the folder's name (eval drafts never match). One list of the custom skills serves
// every folder; slugs are read from latest versions only for the names the manifest does not settle.
import * as l10n from '@vscode/l10n';
import type { SkillsClient } from '../api/skillsClient';
import type { Skill } from '../api/types';
import { listNameMatchableSkills, matchSlugs } from '../operations/skillLookup';
import { hashFiles } from '../skill/fileHashes';
import { inspectSkillFolder, type SkillFolder } from '../skill/skillFolder';
import { manifestKey, type ManifestEntry, type SkillsManifest } from '../skill/skillsManifest';

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
}

export async function folderTargets(
  folders: readonly string[],
  client: Pick<SkillsClient, 'skillPages' | 'getVersion'>,
  manifest: SkillsManifest,
  options: { exclude?: readonly string[] } = {},
): Promise<FolderTarget[]> {
  const skills = await listNameMatchableSkills(client);
  const byId = new Map(skills.map((s) => [s.id, s]));
  const targets: FolderTarget[] = [];
  for (const folder of folders) {
    const skillFolder = await inspectSkillFolder(folder, { exclude: options.exclude });
    const key = manifestKey(manifest, folder);
    const entry = manifest.folders.get(key);
    const target: FolderTarget = { folder, key, skillFolder, hashes: await hashFiles(skillFolder.files), entry };
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

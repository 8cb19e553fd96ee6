// A published version's files published again, as the skill's newest version: how an author rolls back
// (the API has no "set latest"). The versions in between stay.
import type { Skill, SkillVersion } from '../api/types';
import { publishFiles, type Published, type PublishClient, type SettleOptions } from './publish';

export function republishVersion(
  client: PublishClient,
  skill: Skill,
  version: Pick<SkillVersion, 'name'>,
  files: ReadonlyMap<string, Uint8Array>,
  options: { signal?: AbortSignal; settle: SettleOptions },
): Promise<Published> {
  // The upload's top-level folder is the skill's name, which each of its versions carries.
  const upload = [...files].map(([path, data]) => ({ path: `${version.name}/${path}`, data }));
  return publishFiles(client, upload, { kind: 'version', skill }, options);
}

// `claude-skills list`: the workspace's skills (yours and Anthropic's), each with its latest version, and
// with `--versions` every version of each. Pages are followed under the client's guards.
import * as l10n from '@vscode/l10n';
import { collectAll } from '../../api/paging';
import type { SkillsClient } from '../../api/skillsClient';
import type { Skill, SkillVersion } from '../../api/types';
import { plural } from '../../shared/words';
import { oneLine } from '../../shared/terminalText';
import type { ApiCommandRun } from '../commandRun';
import { ExitCode, UsageError } from '../output';

export interface ListFlags {
  source?: string;
  versions?: boolean;
}

export interface ListedSkill {
  id: string;
  display_name: string | null;
  source: string;
  latest_version_id: string | null;
  created_at: string;
  updated_at: string;
  /** With `--versions`: newest first. */
  versions?: { id: string; name: string; description: string; created_at: string }[];
}

export interface ListReport {
  command: 'list';
  version: 1;
  skills: ListedSkill[];
}

const SOURCES = ['all', 'custom', 'anthropic'] as const;

function listed(skill: Skill, versions: SkillVersion[] | undefined): ListedSkill {
  return {
    id: skill.id,
    display_name: skill.displayName,
    source: skill.source,
    latest_version_id: skill.latestVersionId,
    created_at: skill.createdAt,
    updated_at: skill.updatedAt,
    ...(versions
      ? {
          versions: versions.map((v) => ({
            id: v.id,
            name: v.name,
            description: v.description,
            created_at: v.createdAt,
          })),
        }
      : {}),
  };
}

export async function list({
  paths,
  flags,
  out,
  json,
  client,
}: ApiCommandRun<ListFlags, Pick<SkillsClient, 'skillPages' | 'versionPages'>>) {
  if (paths.length > 0) throw new UsageError(l10n.t('list takes no paths.'));
  const source = flags.source ?? 'all';
  if (!(SOURCES as readonly string[]).includes(source)) {
    throw new UsageError(l10n.t('--source is one of {0}, not {1}.', SOURCES.join(', '), source));
  }
  const skills = await collectAll(
    client.skillPages({ limit: 100, source: source === 'all' ? undefined : (source as 'custom' | 'anthropic') }),
  );
  const rows: ListedSkill[] = [];
  for (const skill of skills) {
    const versions = flags.versions ? await collectAll(client.versionPages(skill.id, { limit: 100 })) : undefined;
    rows.push(listed(skill, versions));
  }
  const report: ListReport = { command: 'list', version: 1, skills: rows };
  if (json) out.json(report);
  else {
    for (const skill of rows) {
      // Every field is the server's: shown on one line each, whatever it holds.
      const title = oneLine(skill.display_name ?? l10n.t('(untitled)'));
      out.line(`${out.paint('bold', title)}  ${oneLine(skill.id)}  ${out.paint('dim', oneLine(skill.source))}`);
      if (skill.versions) {
        for (const v of skill.versions) {
          const latest = v.id === skill.latest_version_id ? `  ${out.paint('green', l10n.t('latest'))}` : '';
          out.line(`  ${oneLine(`${v.id}  ${v.name}  ${v.created_at}`)}${latest}`);
        }
      } else if (skill.latest_version_id) out.line(`  ${l10n.t('latest: {0}', oneLine(skill.latest_version_id))}`);
    }
    out.line(plural(rows.length, 'skill'));
  }
  return ExitCode.ok;
}

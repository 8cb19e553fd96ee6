// `claude-skills status [paths…]`: each skill folder's state against its skill, as Workspace Skills shows it —
// in sync, modified (which files), a newer version published elsewhere, never published. claude-skills.json
// settles most folders without a download; a folder it does not know, but whose name matches a skill, is
// compared with that skill's latest version (one download).
import * as l10n from '@vscode/l10n';
import type { SkillsClient } from '../../api/skillsClient';
import type { FileChanges, StateKind } from '../../skill/publishState';
import { locateManifest } from '../../skill/skillsManifest';
import { formatList, plural } from '../../shared/words';
import { oneLine } from '../../shared/terminalText';
import { folderState, folderTargets, type FolderStateClient, type FolderTarget } from '../folderTargets';
import type { ApiCommandRun } from '../commandRun';
import { ExitCode, type CliIo } from '../output';
import { displayPath, skillFoldersOf } from '../skillFolderArgs';

export interface FolderStatus {
  path: string;
  name: string | null;
  /** The state shown first (as Workspace Skills orders them), then every other that holds. */
  state: StateKind;
  states: StateKind[];
  skill_id: string | null;
  /** The version the state is against: the last publish claude-skills.json records, or the latest compared. */
  version_id: string | null;
  latest_version_id: string | null;
  changes: FileChanges | null;
  /** Why the state is not known, or no skill is. */
  reason?: string;
  /** Set when claude-lock.json lists the folder: `ant apply` publishes it, not this tool. */
  managed_by?: 'ant apply';
}

export interface StatusReport {
  command: 'status';
  version: 1;
  manifest: string | null;
  folders: FolderStatus[];
}

async function statusOf(
  target: FolderTarget,
  client: Pick<SkillsClient, 'downloadVersion'>,
  io: CliIo,
): Promise<FolderStatus> {
  const { skill, entry, skillFolder } = target;
  const state = await folderState(target, client);
  return {
    path: displayPath(io, target.folder),
    name: skillFolder.name ?? null,
    skill_id: skill?.id ?? entry?.skill_id ?? null,
    latest_version_id: skill?.latestVersionId ?? null,
    state: state.kinds[0],
    states: state.kinds,
    version_id: state.record?.versionId ?? null,
    changes: state.changes ?? null,
    ...(state.reason ? { reason: state.reason } : {}),
    ...(target.managed ? { managed_by: 'ant apply' as const } : {}),
  };
}

function describe(status: FolderStatus): string {
  const changed = status.changes
    ? formatList([...status.changes.added, ...status.changes.removed, ...status.changes.changed].map(oneLine))
    : '';
  switch (status.state) {
    case 'unknown':
      return l10n.t('state not known: {0}', oneLine(status.reason ?? ''));
    case 'problems':
      return l10n.t('has problems: run claude-skills validate');
    case 'diverged':
      return l10n.t('diverged: changed here ({0}), and a newer version was published elsewhere', changed);
    case 'newerElsewhere':
      return l10n.t('a newer version ({0}) was published elsewhere', oneLine(status.latest_version_id ?? ''));
    case 'modified':
      return l10n.t('modified: {0}', changed);
    case 'notChecked':
      return l10n.t('not checked: its skill has no version yet');
    case 'inSync':
      return l10n.t('in sync with {0}', oneLine(status.version_id ?? ''));
    case 'neverPublished':
      return l10n.t('never published');
  }
}

const COLOURS: Partial<Record<StateKind, 'green' | 'yellow' | 'red'>> = {
  inSync: 'green',
  modified: 'yellow',
  newerElsewhere: 'yellow',
  neverPublished: 'yellow',
  diverged: 'red',
  problems: 'red',
  unknown: 'red',
};

export async function status({ paths, io, out, json, client }: ApiCommandRun<unknown, FolderStateClient>) {
  const folders = await skillFoldersOf(paths, io, out);
  const manifest = await locateManifest(io.cwd);
  const targets = await folderTargets(folders, client, manifest);
  const statuses: FolderStatus[] = [];
  for (const target of targets) statuses.push(await statusOf(target, client, io));
  const report: StatusReport = {
    command: 'status',
    version: 1,
    manifest: manifest.folders.size > 0 ? displayPath(io, manifest.path) : null,
    folders: statuses,
  };
  if (json) out.json(report);
  else {
    for (const s of statuses) {
      const colour = COLOURS[s.state];
      const said = s.managed_by
        ? l10n.t('{0} (managed by ant apply: claude-lock.json lists it)', describe(s))
        : describe(s);
      out.line(`${out.paint('bold', oneLine(s.path))}  ${colour ? out.paint(colour, said) : said}`);
    }
    out.line(plural(statuses.length, 'skill folder'));
  }
  return ExitCode.ok;
}

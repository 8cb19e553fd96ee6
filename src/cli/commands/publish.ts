// `claude-skills publish [paths…]`: publishes each folder whose files differ from its skill's latest version,
// after the extension's publish checks, with its settle of a lost answer; writes what it published into
// claude-skills.json. A new skill only with --create (a repository's test fixtures hold SKILL.md files too),
// a newer version published elsewhere is not overwritten without --force, --dry-run sends no write, and a
// run that cannot ask (no terminal) needs --yes.
import * as l10n from '@vscode/l10n';
import { describeError } from '../../api/errors';
import { publishFiles, type PublishClient } from '../../operations/publish';
import { forEachLimited } from '../../skill/concurrency';
import { recordOfUpload } from '../../skill/publishState';
import { readUploadFiles } from '../../skill/skillFolder';
import { locateManifest, writeManifest } from '../../skill/skillsManifest';
import { unpackVersionZip } from '../../skill/versionArchive';
import { oneLine } from '../../shared/terminalText';
import { plural } from '../../shared/words';
import { folderState, folderTargets, type FolderTarget } from '../folderTargets';
import type { ApiCommandRun } from '../commandRun';
import { ExitCode, UsageError, type CliIo, type Output } from '../output';
import { displayPath, skillFoldersOf } from '../skillFolderArgs';

/** Uploads in flight at once: enough to overlap the round trips, few enough to spare a rate limit. */
const UPLOADS_IN_FLIGHT = 4;

export interface PublishFlags {
  create?: boolean;
  force?: boolean;
  'dry-run'?: boolean;
  yes?: boolean;
  'include-managed'?: boolean;
}

export type PublishAction = 'version' | 'create' | 'unchanged' | 'skipped' | 'refused';

export interface FolderPublish {
  path: string;
  action: PublishAction;
  /** Why a folder is skipped or refused, or how a publish failed. */
  reason?: string;
  skill_id: string | null;
  /** The version made (absent in a dry run, or when nothing was published). */
  version_id?: string;
  /** The answer was lost, and looking again showed the publish happened. */
  settled?: boolean;
  /** Set when the publish was attempted and did not certainly happen. */
  error?: string;
}

export interface PublishReport {
  command: 'publish';
  version: 1;
  dry_run: boolean;
  folders: FolderPublish[];
  /** The versions made, in the order of `folders`. */
  published: string[];
}

async function plan(
  target: FolderTarget,
  client: PublishClient,
  flags: PublishFlags,
  io: CliIo,
): Promise<FolderPublish> {
  const path = displayPath(io, target.folder);
  const errors = target.skillFolder.problems.filter((p) => p.severity === 'error');
  const skillId = target.skill?.id ?? target.entry?.skill_id ?? null;
  if (errors.length > 0) {
    return {
      path,
      action: 'refused',
      skill_id: skillId,
      reason: l10n.t('{0}: run claude-skills validate', plural(errors.length, 'error')),
    };
  }
  if (target.managed && !flags['include-managed']) {
    return {
      path,
      action: 'skipped',
      skill_id: skillId,
      reason: l10n.t('managed by ant apply (claude-lock.json lists it): --include-managed publishes it here too'),
    };
  }
  const state = await folderState(target, client);
  const kinds = state.kinds;
  if (kinds.includes('unknown')) return { path, action: 'skipped', skill_id: skillId, reason: state.reason };
  if (!target.skill) {
    return flags.create
      ? { path, action: 'create', skill_id: null }
      : { path, action: 'skipped', skill_id: null, reason: l10n.t('never published: --create makes it a new skill') };
  }
  if ((kinds.includes('newerElsewhere') || kinds.includes('diverged')) && !flags.force) {
    return {
      path,
      action: 'skipped',
      skill_id: skillId,
      reason: l10n.t(
        'a newer version ({0}) was published elsewhere since {1}: compare them, or --force publishes over it',
        target.skill.latestVersionId ?? '?',
        state.record?.versionId ?? '?',
      ),
    };
  }
  if (kinds.includes('inSync')) return { path, action: 'unchanged', skill_id: skillId };
  return { path, action: 'version', skill_id: skillId };
}

async function ask(io: CliIo, question: string): Promise<boolean> {
  const answer = (await io.ask?.(question))?.trim().toLowerCase();
  return answer === 'y' || answer === 'yes';
}

export async function publish({ paths, flags, io, out, json, client }: ApiCommandRun<PublishFlags, PublishClient>) {
  const dryRun = flags['dry-run'] === true;
  if (!dryRun && !flags.yes && !(io.isTTY && io.ask)) {
    throw new UsageError(l10n.t('Publishing without a terminal to ask in needs --yes (or --dry-run to see the plan).'));
  }
  const folders = await skillFoldersOf(paths, io, out);
  const manifest = await locateManifest(io.cwd);
  const targets = await folderTargets(folders, client, manifest, { scanContents: true });
  const rows: FolderPublish[] = [];
  for (const target of targets) rows.push(await plan(target, client, flags, io));
  const writes = rows.flatMap((row, i) =>
    row.action === 'version' || row.action === 'create' ? [{ row, target: targets[i] }] : [],
  );
  if (!json) printPlan(rows, out, dryRun);
  if (!dryRun && writes.length > 0 && !flags.yes) {
    if (!(await ask(io, l10n.t('Publish {0}? [y/N] ', plural(writes.length, 'skill folder'))))) {
      out.note(l10n.t('Nothing was published.'));
      return ExitCode.findings;
    }
  }
  if (!dryRun) {
    await forEachLimited(writes, UPLOADS_IN_FLIGHT, async ({ row, target }) => {
      try {
        const upload = await readUploadFiles(target.skillFolder);
        const published = await publishFiles(
          client,
          upload,
          row.action === 'create'
            ? { kind: 'skill', displayName: target.skillFolder.name! }
            : { kind: 'version', skill: target.skill! },
          { settle: { readArchive: unpackVersionZip } },
        );
        const versionId = published.version?.id ?? published.skill.latestVersionId!;
        Object.assign(row, { skill_id: published.skill.id, version_id: versionId, settled: published.settled });
        const record = await recordOfUpload(target.skillFolder, upload, published.skill.id, versionId);
        manifest.folders.set(target.key, {
          skill_id: record.skillId,
          version_id: record.versionId,
          files: record.files,
        });
      } catch (err) {
        row.error = describeError(err);
      }
    });
    if (rows.some((r) => r.version_id)) await writeManifest(manifest);
  }
  const report: PublishReport = {
    command: 'publish',
    version: 1,
    dry_run: dryRun,
    folders: rows,
    published: rows.flatMap((r) => (r.version_id ? [r.version_id] : [])),
  };
  if (json) out.json(report);
  else if (!dryRun) printResults(rows, out);
  const failed = rows.some((r) => r.error);
  const held = rows.some((r) => r.action === 'refused' || r.action === 'skipped');
  return failed ? ExitCode.api : held ? ExitCode.findings : ExitCode.ok;
}

function actionWords(row: FolderPublish): string {
  switch (row.action) {
    case 'version':
      return l10n.t('a new version of {0}', row.skill_id ?? '?');
    case 'create':
      return l10n.t('a new skill');
    case 'unchanged':
      return l10n.t('unchanged: its latest version holds these files');
    case 'skipped':
      return l10n.t('skipped: {0}', oneLine(row.reason ?? ''));
    case 'refused':
      return l10n.t('refused: {0}', oneLine(row.reason ?? ''));
  }
}

function printPlan(rows: readonly FolderPublish[], out: Output, dryRun: boolean): void {
  if (dryRun) out.line(out.paint('bold', l10n.t('Dry run: nothing is sent.')));
  for (const row of rows) out.line(`${out.paint('bold', oneLine(row.path))}  ${actionWords(row)}`);
}

function printResults(rows: readonly FolderPublish[], out: Output): void {
  for (const row of rows) {
    if (row.error)
      out.line(out.paint('red', l10n.t('{0}: not published — {1}', oneLine(row.path), oneLine(row.error))));
    else if (row.version_id) {
      const said = row.settled
        ? l10n.t('{0}: published {1} (the answer was lost; looking again showed it)', oneLine(row.path), row.version_id)
        : l10n.t('{0}: published {1}', oneLine(row.path), row.version_id);
      out.line(out.paint('green', said));
    }
  }
}

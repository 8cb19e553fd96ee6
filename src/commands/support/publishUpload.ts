// The upload step shared by Publish as New Version and Publish as New Skill: one folder at a time, a
// confirmation naming what goes where, a progress with Cancel, and a report of what really happened.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ApiError, describeError } from '../../api/errors';
import { confirmPublish } from '../../config';
import { ContextKeys, setContext } from '../../constants';
import type { UploadFile } from '../../api/types';
import type { SkillFolder } from '../../skill/skillFolder';
import { publishFiles, type PublishClient, type Published, type PublishTarget } from '../../operations/publish';
import { skillTitle, versionLabel } from '../../tree/present';
import type { SkillsTreeNode } from '../../tree/nodes';
import type { SkillsModel } from '../../tree/skillsModel';
import { skillBundle } from '../../skillBundle';
import type { SlugMemory } from '../../operations/skillLookup';
import type { PublishTargets } from '../../workspace/publishTargets';
import { withCancellableProgress } from './cancellation';

export interface PublishDeps {
  client: PublishClient;
  model: Pick<SkillsModel, 'showPublished'>;
  reveal: (node: SkillsTreeNode) => Thenable<void>;
  targets: Pick<PublishTargets, 'remember' | 'record'>;
  /** What a publish tells of its skill's slug, kept: matching folders by name reads it no more. */
  slugs: Pick<SlugMemory, 'remember'>;
  log: Pick<vscode.LogOutputChannel, 'warn'>;
}

/** For automation and tests, after the arguments VS Code passes. */
export interface PublishOptions {
  /** Cancels like the progress's Cancel. */
  cancellation?: vscode.CancellationToken;
  /** The waits between looks after a lost answer (tests make them short). */
  settleDelaysMs?: readonly number[];
}

const inFlight = new Set<string>();

/** A folder is published only with a valid name; before that is known, its folder's name stands in. */
const nameOf = (skill: SkillFolder) => skill.name ?? path.basename(skill.folder);

/** Runs `publish` unless the same folder is being published already: a second click must not double it. */
export async function oncePerFolder<T>(folder: vscode.Uri, publish: () => Promise<T>): Promise<T | undefined> {
  if (inFlight.has(folder.fsPath)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is being published already. Wait for that publish to finish.', path.basename(folder.fsPath)),
    );
    return undefined;
  }
  inFlight.add(folder.fsPath);
  try {
    return await publish();
  } finally {
    inFlight.delete(folder.fsPath);
  }
}

/** The folder's warnings (unknown frontmatter keys and the like), for the confirmation. */
function skillWarnings(skill: SkillFolder): string[] {
  return skill.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
}

/**
 * The modal before an upload; shown even with confirmPublish off when the folder has warnings. Notes (such
 * as a title another skill shares) are said when the modal shows, but do not make it show.
 */
async function confirmUpload(skill: SkillFolder, target: PublishTarget, notes: readonly string[]): Promise<boolean> {
  const warnings = skillWarnings(skill);
  if (!confirmPublish() && warnings.length === 0) return true;
  const detail = [
    vscode.l10n.t(
      '{0}, from {1}.',
      skillBundle().describeFiles(skill),
      vscode.workspace.asRelativePath(skill.folder, true),
    ),
    ...warnings.map((w) => `⚠ ${w}`),
    ...notes,
  ].join('\n\n');
  const publish = vscode.l10n.t('Publish');
  const question =
    target.kind === 'version'
      ? vscode.l10n.t('Publish {0} as a new version of "{1}"?', nameOf(skill), skillTitle(target.skill))
      : vscode.l10n.t('Publish {0} as a new skill, "{1}"?', nameOf(skill), target.displayName);
  const choice = await vscode.window.showInformationMessage(question, { modal: true, detail }, publish);
  return choice === publish;
}

/**
 * Asks first (confirmUpload), then uploads in a cancellable progress and reports the outcome; undefined
 * when nothing was published.
 */
export async function confirmAndUpload(
  deps: PublishDeps,
  folder: vscode.Uri,
  skill: SkillFolder,
  target: PublishTarget,
  options: PublishOptions = {},
  notes: readonly string[] = [],
): Promise<Published | undefined> {
  if (!(await confirmUpload(skill, target, notes))) return undefined;
  const { readUploadFiles, tooLargeMessage, unpackVersionZip } = skillBundle();
  const files = await readUploadFiles(skill);
  let published: Published;
  try {
    published = await withCancellableProgress(
      target.kind === 'version'
        ? vscode.l10n.t('Publishing {0} as a new version of "{1}"', nameOf(skill), skillTitle(target.skill))
        : vscode.l10n.t('Publishing {0} as a new skill, "{1}"', nameOf(skill), target.displayName),
      options.cancellation,
      // The check after a lost answer is bounded, and runs whatever the Cancel: it is what tells the truth.
      (_progress, signal) =>
        publishFiles(deps.client, files, target, {
          signal,
          settle: { readArchive: unpackVersionZip, delaysMs: options.settleDelaysMs },
        }),
    );
  } catch (err) {
    if (err instanceof ApiError && err.kind === 'cancelled' && !err.mayHaveBeenProcessed) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Publishing {0} was cancelled before the upload was complete: nothing was published.',
          nameOf(skill),
        ),
      );
      return undefined;
    }
    if (err instanceof ApiError && err.kind === 'tooLarge') {
      throw new Error(
        vscode.l10n.t(
          'The Skills API refused the upload as too large. {0}',
          tooLargeMessage(skill.files, skill.totalBytes),
        ),
        { cause: err },
      );
    }
    throw err;
  }
  // The skill as it is now first, so what checks the folder again when its target is remembered sees it.
  const node = deps.model.showPublished(published.skill, published.version);
  await deps.targets.remember(folder, published.skill.id);
  if (published.version) deps.slugs.remember([[published.skill.id, published.version.name]]);
  await rememberPublish(deps, folder, skill, files, published);
  void setContext(vscode.commands, ContextKeys.hasPublished, true);
  void report(deps, skill, published, node);
  return published;
}

/** The version made and its files' digests, for the Workspace Skills view; a file that cannot be read again skips it. */
async function rememberPublish(
  deps: PublishDeps,
  folder: vscode.Uri,
  skill: SkillFolder,
  files: readonly UploadFile[],
  published: Published,
): Promise<void> {
  const versionId = published.version?.id ?? published.skill.latestVersionId;
  if (!versionId) return;
  try {
    await deps.targets.record(folder, await skillBundle().recordOfUpload(skill, files, published.skill.id, versionId));
  } catch (err) {
    deps.log.warn(`Remembering what ${skill.name} published: ${describeError(err)}`);
  }
}

async function report(
  deps: PublishDeps,
  skill: SkillFolder,
  published: Published,
  node: SkillsTreeNode,
): Promise<void> {
  const title = skillTitle(published.skill);
  const when = published.version && versionLabel(published.version, true, vscode.env.language);
  const message = published.settled
    ? when
      ? vscode.l10n.t(
          'The answer was lost, but checking again shows it worked: published {0} as a new version of "{1}" ({2}).',
          nameOf(skill),
          title,
          when,
        )
      : vscode.l10n.t(
          'The answer was lost, but checking again shows it worked: published {0} as a new skill, "{1}".',
          nameOf(skill),
          title,
        )
    : when
      ? vscode.l10n.t('Published {0} as a new version of "{1}" ({2}).', nameOf(skill), title, when)
      : vscode.l10n.t('Published {0} as a new skill, "{1}".', nameOf(skill), title);
  const copyId = vscode.l10n.t('Copy ID');
  const reveal = vscode.l10n.t('Reveal');
  const choice = await vscode.window.showInformationMessage(message, copyId, reveal);
  if (choice === copyId) {
    await vscode.env.clipboard.writeText(node.kind === 'version' ? node.version.id : published.skill.id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied'), 5000);
  }
  if (choice === reveal)
    await deps.reveal(node).then(undefined, (err: unknown) => deps.log.warn(`Reveal: ${describeError(err)}`));
}

// Restore as New Version: a published version's files published again as the skill's newest version. The
// API has no "set latest"; this is how an author rolls back, and the versions in between stay.
import * as vscode from 'vscode';
import type { Published, PublishClient } from '../operations/publish';
import { republishVersion } from '../operations/restore';
import { skillBundle } from '../skillBundle';
import type { SkillsModel } from '../tree/skillsModel';
import { describeSkill, skillTitle } from '../tree/present';
import type { VersionFileSystem } from '../documents/versionFileSystem';
import { withCancellableProgress } from './support/cancellation';
import { requireWritable } from './support/skillChoice';
import { requireVersionNode } from './support/versionNode';

export interface RestoreVersionDeps {
  client: PublishClient;
  versionFiles: Pick<VersionFileSystem, 'load'>;
  model: Pick<SkillsModel, 'showPublished'>;
}

export function restoreVersion(deps: RestoreVersionDeps) {
  return async (arg?: unknown): Promise<Published | undefined> => {
    const node = requireVersionNode(arg, vscode.l10n.t('Restore as New Version'));
    const { skill, version } = node;
    requireWritable(skill, vscode.l10n.t('only your own skills can have versions published.'));
    if (node.isLatest)
      throw new Error(vscode.l10n.t('This is the latest version of "{0}" already.', skillTitle(skill)));
    const what = describeSkill(skill, version, vscode.env.language);
    const restore = vscode.l10n.t('Restore');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Publish the files of {0} again, as the newest version?', what),
      {
        modal: true,
        detail: vscode.l10n.t(
          'The skill gets a new version holding exactly those files; the versions published since stay.',
        ),
      },
      restore,
    );
    if (choice !== restore) return undefined;
    const files = await deps.versionFiles.load(skill.id, version.id);
    const published = await withCancellableProgress(
      vscode.l10n.t('Restoring {0}', what),
      undefined,
      (_progress, signal) =>
        republishVersion(deps.client, skill, version, files, {
          signal,
          settle: { readArchive: skillBundle().unpackVersionZip },
        }),
    );
    deps.model.showPublished(published.skill, published.version);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Restored {0} as the newest version of "{1}".', what, skillTitle(published.skill)),
    );
    return published;
  };
}

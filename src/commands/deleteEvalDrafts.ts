// Delete Eval Drafts: the eval-draft skills of this workspace's folders (found by their marker and slug,
// as the runs find them), listed in a modal, then deleted each with its versions. Published skills are
// never among them: a draft is matched by no name, and only a skill with the marker is looked at.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import { describeError } from '../api/errors';
import type { Skill } from '../api/types';
import { deleteSkill, type SkillDeleteClient } from '../operations/deletes';
import { isEvalDraft, listCustomSkills, renamedDraftSlug, slugOf, type SlugMemory } from '../operations/skillLookup';
import { plural } from '../shared/words';
import { skillTitle } from '../tree/present';
import type { SkillsModel } from '../tree/skillsModel';
import type { WorkspaceSkills } from '../workspace/workspaceSkills';
import { withCancellableProgress } from './support/cancellation';

export interface DeleteEvalDraftsDeps {
  client: SkillDeleteClient & Pick<SkillsClient, 'skillPages' | 'getVersion'>;
  workspaceSkills: Pick<WorkspaceSkills, 'all'>;
  slugs: SlugMemory;
  model: Pick<SkillsModel, 'removeSkill'>;
}

/** The drafts whose slug is one of the workspace's folders' names (or its renamed form). */
async function workspaceDrafts(deps: DeleteEvalDraftsDeps, signal: AbortSignal): Promise<Skill[]> {
  const names = new Set<string>();
  for (const row of await deps.workspaceSkills.all()) {
    const name = row.frontmatterName ?? row.name;
    names.add(name).add(renamedDraftSlug(name));
  }
  const drafts = (await listCustomSkills(deps.client, signal)).filter(isEvalDraft);
  const mine: Skill[] = [];
  for (const draft of drafts) {
    const slug = await slugOf(deps.client, draft, deps.slugs, signal).catch(() => undefined);
    if (slug !== undefined && names.has(slug)) mine.push(draft);
  }
  return mine;
}

export function deleteEvalDrafts(deps: DeleteEvalDraftsDeps) {
  return async (): Promise<number | undefined> => {
    const drafts = await withCancellableProgress(vscode.l10n.t('Looking for eval drafts…'), undefined, (_p, signal) =>
      workspaceDrafts(deps, signal),
    );
    if (drafts.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t("No eval draft of this workspace's skill folders was found."),
      );
      return 0;
    }
    const remove = vscode.l10n.t('Delete');
    const confirmed = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete {0} and their versions?', plural(drafts.length, 'eval draft')),
      {
        modal: true,
        detail: [
          ...drafts.map((d) => `• ${skillTitle(d)} (${d.id})`),
          '',
          vscode.l10n.t(
            'They hold copies of your folders’ files that Skill Evals ran; no published skill is among them. The next eval run makes a draft again.',
          ),
        ].join('\n'),
      },
      remove,
    );
    if (confirmed !== remove) return undefined;
    const failures: string[] = [];
    await withCancellableProgress(vscode.l10n.t('Deleting eval drafts'), undefined, async (_p, signal) => {
      for (const draft of drafts) {
        const outcome = await deleteSkill(deps.client, draft.id, signal);
        if (outcome.status === 'deleted') deps.model.removeSkill(draft.id);
        else failures.push(`${skillTitle(draft)}: ${describeError(outcome.error)}`);
      }
    });
    const deleted = drafts.length - failures.length;
    if (failures.length) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Deleted {0}; not deleted: {1}', plural(deleted, 'eval draft'), failures.join('; ')),
      );
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('Deleted {0}.', plural(deleted, 'eval draft')));
    }
    return deleted;
  };
}

import * as vscode from 'vscode';
import { normalizeFilter } from '../tree/skillFilter';
import type { SkillsModel } from '../tree/skillsModel';
import type { SkillsView } from '../tree/skillsView';
import { withCancellableProgress } from './support/cancellation';

export interface FilterDeps {
  model: Pick<SkillsModel, 'filter' | 'loadAllSkills'>;
  view: Pick<SkillsView, 'setFilter'>;
}

/**
 * Asks for the text (or takes it as the argument), loads every skill in a cancellable progress so the
 * filter sees all pages, then applies it. A cancel leaves the previous filter in place.
 */
export function filterSkills({ model, view }: FilterDeps) {
  return async (given?: unknown) => {
    const text =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Claude Skills: Filter Skills'),
            prompt: vscode.l10n.t(
              'Show the skills whose title, ID or fetched version name contains this text. Leave it empty to show all.',
            ),
            placeHolder: vscode.l10n.t('e.g. pdf, release-notes, skill_01…'),
            value: model.filter ?? '',
          });
    if (text === undefined) return;
    const filter = normalizeFilter(text);
    if (filter !== undefined) {
      await withCancellableProgress(
        vscode.l10n.t('Loading every skill to filter by "{0}"…', filter),
        undefined,
        async (_progress, signal) => {
          await model.loadAllSkills(signal);
          if (signal.aborted) throw new vscode.CancellationError();
        },
      );
    }
    await view.setFilter(filter);
  };
}

// The model a run uses: the one named (a setting, or automation), else a pick from the models the key may
// use that run the code execution tool, the one picked last offered first (shared by Try in Claude and Skill
// Evals, so both remember one choice).
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import { collectAll } from '../api/paging';
import type { ModelInfo } from '../api/types';
import { StateKeys } from '../constants';
import { modelPicks } from '../runs/modelPicks';

export interface ModelChoiceDeps {
  client: Pick<SkillsClient, 'modelPages'>;
  state: vscode.Memento;
}

export async function chooseModel(
  deps: ModelChoiceDeps,
  wanted: string | undefined,
  title: string,
): Promise<{ id: string; info?: ModelInfo } | undefined> {
  const models = collectAll(deps.client.modelPages({ limit: 1000 }));
  if (wanted) {
    // The model's own cap is read when the list says it; a model it does not list is sent as named.
    const info = (await models.catch(() => [])).find((m) => m.id === wanted);
    return { id: wanted, info };
  }
  const items = models.then((all) => {
    const picks = modelPicks(all, deps.state.get<string>(StateKeys.lastTryModel));
    if (picks.length === 0)
      throw new Error(vscode.l10n.t('None of the models this key may use runs the code execution tool skills need.'));
    return picks;
  });
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Models that run the code execution tool skills need'),
    matchOnDescription: true,
    // A test run opens the Test Results view as it starts, which would close a pick that hides on blur.
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  await deps.state.update(StateKeys.lastTryModel, picked.model.id);
  return { id: picked.model.id, info: picked.model };
}

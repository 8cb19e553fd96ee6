// Which models Try in Claude and Skill Evals offer, and in what order, apart from VS Code: those that can run the code
// execution tool skills need (or do not say), the last one used first, active ones before deprecated ones
// (which are marked), never a retired one; and the `max_tokens` a try sends.
import type { ModelInfo } from '../api/types';
import * as l10n from '@vscode/l10n';

export interface ModelPick {
  model: ModelInfo;
  label: string;
  description: string;
}

export function modelPicks(models: readonly ModelInfo[], lastUsed?: string): ModelPick[] {
  const rank = (m: ModelInfo) => (m.id === lastUsed ? 0 : m.lifecycle === 'active' ? 1 : 2);
  return models
    .filter((m) => m.lifecycle !== 'retired' && m.codeExecution !== false)
    .map((model, order) => ({ model, order }))
    .sort((a, b) => rank(a.model) - rank(b.model) || a.order - b.order)
    .map(({ model }) => ({
      model,
      label: model.displayName,
      description: [
        model.id,
        model.id === lastUsed ? l10n.t('last used') : undefined,
        model.lifecycle === 'deprecated' ? l10n.t('deprecated') : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
    }));
}

/** The setting's `max_tokens`, no higher than the model takes. */
export function tryMaxTokens(setting: number, model: Pick<ModelInfo, 'maxTokens'> | undefined): number {
  // A model the list does not name is sent the setting: the API says if it is too much.
  const cap = model?.maxTokens;
  return cap === undefined || cap === null ? setting : Math.min(setting, cap);
}

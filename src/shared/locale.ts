// The display language and the translated messages, for the layers free of VS Code: each bundle (the
// extension's and the lazily loaded dist/skill.js hold a copy of this module each) is told them once, by the
// extension, from what VS Code loaded for it. Unconfigured (plain Node, the tests), messages read in English.
import * as l10n from '@vscode/l10n';

let language: string | undefined;

export interface LocaleOptions {
  /** `vscode.env.language`: `en`, `de`, `qps-ploc`… */
  language: string;
  /** `vscode.l10n.bundle`: the messages VS Code loaded for the display language, when it has any. */
  bundle?: l10n.l10nJsonFormat;
}

export function configureLocale(options: LocaleOptions): void {
  language = options.language;
  if (options.bundle) l10n.config({ contents: options.bundle });
}

/** The display language, for `Intl`; undefined: the runtime's. */
export const displayLanguage = (): string | undefined => language;

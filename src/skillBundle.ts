import * as vscode from 'vscode';
import type * as SkillBundle from './skillBundleEntry';

let loaded: typeof SkillBundle | undefined;

/**
 * The skill folder checks and packaging (yaml, ignore, jszip, the secret scanner: about 420 KB) and the evals engine, loaded
 * on first use so that VS Code's start does not pay for them. In the package, dist/skill.js sits next to dist/extension.js.
 */
export function skillBundle(): typeof SkillBundle {
  if (!loaded) {
    // A plain require, which esbuild leaves alone (./skill.js is external): the second bundle loads here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('./skill.js') as typeof SkillBundle;
    // Its own copy of the message layer: told the display language and messages too.
    loaded.configureLocale({ language: vscode.env.language, bundle: vscode.l10n.bundle });
  }
  return loaded;
}

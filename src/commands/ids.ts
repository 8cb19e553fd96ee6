/** Every command the extension contributes, declared once. package.json must list exactly these. */
export const CommandIds = {
  setApiKey: 'claudeSkills.setApiKey',
  clearApiKey: 'claudeSkills.clearApiKey',
  showLog: 'claudeSkills.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

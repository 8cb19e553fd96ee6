/** Ids the extension and package.json share, declared once. package.json must list exactly these commands. */
export const CommandIds = {
  setApiKey: 'claudeSkills.setApiKey',
  clearApiKey: 'claudeSkills.clearApiKey',
  refresh: 'claudeSkills.refresh',
  showLog: 'claudeSkills.showLog',
  filter: 'claudeSkills.filter',
  clearFilter: 'claudeSkills.clearFilter',
  copyId: 'claudeSkills.copyId',
  copyMessagesSnippet: 'claudeSkills.copyMessagesSnippet',
  publishNewVersion: 'claudeSkills.publishNewVersion',
  publishNewSkill: 'claudeSkills.publishNewSkill',
  forgetPublishTarget: 'claudeSkills.forgetPublishTarget',
  validateSkill: 'claudeSkills.validateSkill',
  packageSkill: 'claudeSkills.packageSkill',
  deleteVersion: 'claudeSkills.deleteVersion',
  deleteSkill: 'claudeSkills.deleteSkill',
  openVersion: 'claudeSkills.openVersion',
  downloadVersion: 'claudeSkills.downloadVersion',
  compareWithLocal: 'claudeSkills.compareWithLocal',
} as const;

/** Commands only tree items run (a click on "Load more…" or Retry): registered, never contributed. */
export const InternalCommandIds = {
  loadMore: 'claudeSkills.loadMore',
} as const;

export type CommandId =
  (typeof CommandIds)[keyof typeof CommandIds] | (typeof InternalCommandIds)[keyof typeof InternalCommandIds];

// What dist/skill.js holds, loaded on first use (skillBundle.ts): the skill layer's folder checks and
// packaging, and the evals engine, which builds on them (and on jsonc-parser and the secret scanner).
export * from './skill/index';
export { configureLocale } from './shared/locale';
export { positionAt } from './evals/evalFiles';
export { parseSkillMd } from './skill/frontmatter';
export { findCollisions } from './skill/collisions';
export { readFolderEvals } from './evals/folderEvals';
export { requestCount, runEvals } from './evals/evalRun';
export { defaultResultsFolder } from './evals/artifacts';
export { draftSubject } from './evals/evalSubject';
export { baselineLine, evalReportMarkdown } from './evals/evalReport';
export { qualityEvalsTemplate, triggerQueriesTemplate } from './evals/evalTemplates';

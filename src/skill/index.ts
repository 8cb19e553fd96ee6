// The skill layer's entry: bundled on its own (dist/skill.js) and loaded on first use, so VS Code's
// start does not pay for yaml, ignore and jszip.
export { DEFAULT_EXCLUDES, SKILLIGNORE, toRelativePath, type SkillFile } from './files';
export { SKILL_MD } from './frontmatter';
export { buildZip, formatBytes, inspectSkillFolder, MAX_UPLOAD_BYTES, readUploadFiles, SkillFolderError, tooLargeMessage, type InspectOptions, type SkillFolder } from './folder';
export { formatProblem, hasErrors, type SkillProblem } from './problems';
export { NotPublishedError, publishSkillFolder, PublishOutcomeUnknownError, type Published, type PublishTarget } from './publish';

// The skill layer's folder checks and packaging: bundled on their own (dist/skill.js) and loaded on first
// use, so VS Code's start does not pay for yaml, ignore and jszip. (publish.ts is light and not in here.)
export { DEFAULT_EXCLUDES, SKILLIGNORE, toRelativePath, type SkillFile } from './files';
export { SKILL_MD } from './frontmatter';
export { buildZip, formatBytes, inspectSkillFolder, MAX_UPLOAD_BYTES, readUploadFiles, SkillFolderError, tooLargeMessage, type InspectOptions, type PublishableSkillFolder, type SkillFolder } from './folder';
export { formatProblem, hasErrors, type SkillProblem } from './problems';

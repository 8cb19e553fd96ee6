// The skill layer's folder checks and packaging, as the extension uses them: bundled on their own
// (dist/skill.js) and loaded on first use, so VS Code's start does not pay for yaml, ignore and jszip.
// (The operations that call the API, src/operations, are light and stay in the main bundle.)
export {
  buildZip,
  describeFiles,
  inspectSkillFolder,
  readUploadFiles,
  slugMismatch,
  tooLargeMessage,
  type PublishableSkillFolder,
  type SkillFolder,
} from './skillFolder';
export { readRegularFileHead } from './files';
export { formatProblem } from './problems';
export { descriptionProblems, nameProblems } from './rules';
export { skillMdTemplate } from './template';
export { compareFiles, unpackVersionZip, type VersionComparison, type VersionFiles } from './versionArchive';
export { filesHashed, hashFiles, rememberDigest, sha256Hex } from './fileHashes';
export {
  changeCount,
  makeRecord,
  primeFromRecord,
  publishState,
  recordOfUpload,
  type FileChanges,
  type PublishRecord,
  type PublishState,
  type StateKind,
} from './publishState';
export { keyAt, keyCompletions, keyHover } from './keyAssist';
export { targetsOf } from './lintTargets';

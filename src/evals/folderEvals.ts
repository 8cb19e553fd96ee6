// One skill folder's eval files, read and checked: `evals/evals.json` (its entries, its input files, its
// `skill_name` against SKILL.md's) and the first trigger file there is. The Testing view and the command
// line's validate and eval read folders through this, so they find the same evals and the same problems;
// how a file's text is read is theirs (an editor's unsaved text counts in VS Code).
import * as l10n from '@vscode/l10n';
import { parseSkillMd } from '../skill/frontmatter';
import { checkInputFiles, type CheckedInputs } from './evalInputs';
import {
  parseQualityEvals,
  parseTriggerQueries,
  skillNameProblem,
  type EvalFileProblem,
  type QualityEvals,
  type TriggerQueries,
} from './evalFiles';
import { MAX_EVAL_FILE_BYTES, QUALITY_FILE, TRIGGER_FILES, type TooLarge } from './evalFileNames';

/** A file's text by its path relative to the folder (`/`); undefined when there is no such file. */
export type EvalTextReader = (relativePath: string) => Promise<string | TooLarge | undefined>;

export interface EvalFile<T> {
  /** Relative to the folder, with `/`. */
  path: string;
  /** The text it was parsed from, for ranges ('' past the bound). */
  text: string;
  parsed: T;
  problems: EvalFileProblem[];
}

export interface FolderEvalFiles {
  quality?: EvalFile<QualityEvals> & { inputs: CheckedInputs };
  triggers?: EvalFile<TriggerQueries>;
}

/** A file past the bound: one problem at its start, nothing to run. */
function tooLarge(): QualityEvals & TriggerQueries {
  return {
    evals: [],
    queries: [],
    problems: [
      {
        severity: 'error',
        message: l10n.t(
          'This file is over {0} MB: split it, or keep the inputs in evals/files/.',
          MAX_EVAL_FILE_BYTES / 1024 / 1024,
        ),
        span: { offset: 0, length: 0 },
      },
    ],
  };
}

export async function readFolderEvals(folder: string, read: EvalTextReader): Promise<FolderEvalFiles> {
  const found: FolderEvalFiles = {};
  const qualityText = await read(QUALITY_FILE);
  if (qualityText !== undefined) {
    const parsed = typeof qualityText === 'string' ? parseQualityEvals(qualityText) : tooLarge();
    const inputs = await checkInputFiles(folder, parsed.evals);
    const skillMd = await read('SKILL.md');
    const name = typeof skillMd === 'string' ? parseSkillMd(skillMd).data?.name : undefined;
    const mismatch = skillNameProblem(parsed, typeof name === 'string' ? name : undefined);
    found.quality = {
      path: QUALITY_FILE,
      text: typeof qualityText === 'string' ? qualityText : '',
      parsed,
      inputs,
      problems: [...parsed.problems, ...inputs.problems, ...(mismatch ? [mismatch] : [])],
    };
  }
  for (const name of TRIGGER_FILES) {
    const text = await read(name);
    if (text === undefined) continue;
    const parsed = typeof text === 'string' ? parseTriggerQueries(text) : tooLarge();
    found.triggers = { path: name, text: typeof text === 'string' ? text : '', parsed, problems: parsed.problems };
    break;
  }
  return found;
}

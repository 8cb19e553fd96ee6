// Where a skill folder's eval files are and how much of one is read: light on purpose (the extension's main
// bundle imports it; the parsers load with the evals engine).
export const QUALITY_FILE = 'evals/evals.json';
/** skill-creator's trigger file, and the name its review page exports the same array under. */
export const TRIGGER_FILES = ['evals/trigger-eval.json', 'evals/eval_set.json'];
/** Eval files read at most: a real one is kilobytes. */
export const MAX_EVAL_FILE_BYTES = 2 * 1024 * 1024;
/** What a reader answers for a file past MAX_EVAL_FILE_BYTES (an object, the same from either bundle). */
export const TOO_LARGE = { tooLarge: true } as const;
export type TooLarge = typeof TOO_LARGE;

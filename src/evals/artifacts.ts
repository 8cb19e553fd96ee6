// An eval run's files, in skill-creator's workspace layout (shared/evals.md), so that its viewer and its
// aggregate script read what we write: `<folder>-workspace/iteration-N/eval-<id>/<configuration>/run-K/`
// with transcript.md, outputs/, grading.json and timing.json, and per iteration benchmark.json and .md.
// The results folder holds a `.gitignore` of `*`: transcripts and outputs are not for the repository.
import * as l10n from '@vscode/l10n';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RunFile } from '../api/runFiles';
import { benchmarkMarkdown, type Benchmark, type Configuration, type Grading } from './benchmark';

export const RESULTS_FOLDER_SUFFIX = '-workspace';
/** Iterations looked for at most: a folder with more is someone else's, or needs clearing. */
const MAX_ITERATIONS = 10_000;

/** skill-creator's place for results: beside the skill folder, named after it. */
export function defaultResultsFolder(skillFolder: string): string {
  return join(dirname(skillFolder), `${basename(skillFolder)}${RESULTS_FOLDER_SUFFIX}`);
}

export interface Timing {
  total_tokens: number;
  duration_ms: number;
  total_duration_seconds: number;
}

export interface RunArtifacts {
  evalId: number;
  prompt: string;
  configuration: Configuration;
  runNumber: number;
  transcript: string;
  /** Absent when the run was not graded (an error, a cancel): then no grading.json, as the script expects. */
  grading?: Grading;
  timing: Timing;
  outputs: readonly RunFile[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The results folder, made when missing, with its `.gitignore` (an existing one is left as it is). */
export async function prepareResultsFolder(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  await writeFile(join(root, '.gitignore'), '*\n', { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

/** A new `iteration-N` folder, N one more than the highest there; made exclusively, so two runs never share one. */
export async function newIteration(root: string): Promise<{ number: number; folder: string }> {
  const names = await readdir(root);
  let highest = 0;
  for (const name of names.slice(0, MAX_ITERATIONS * 2)) {
    const n = /^iteration-(\d{1,6})$/.exec(name)?.[1];
    if (n !== undefined) highest = Math.max(highest, Number(n));
  }
  for (let number = highest + 1; number <= highest + 100; number++) {
    const folder = join(root, `iteration-${number}`);
    try {
      await mkdir(folder);
      return { number, folder };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(l10n.t('Could not make a new iteration folder in {0}: clear out old iterations.', root));
}

export const runFolder = (iteration: string, run: Pick<RunArtifacts, 'evalId' | 'configuration' | 'runNumber'>) =>
  join(iteration, `eval-${run.evalId}`, run.configuration, `run-${run.runNumber}`);

/**
 * One run's files; its folder is returned. Output names are the run's safe, unique names. The small files
 * are written synchronously: a thread-pool round trip per file costs several times the CPU of the write
 * itself, and a run writes four. Produced files, which may be megabytes, are written asynchronously.
 */
export async function writeRunArtifacts(iteration: string, run: RunArtifacts): Promise<string> {
  const evalFolder = join(iteration, `eval-${run.evalId}`);
  const folder = runFolder(iteration, run);
  mkdirSync(join(folder, 'outputs'), { recursive: true });
  writeFileSync(join(evalFolder, 'eval_metadata.json'), json({ eval_id: run.evalId, prompt: run.prompt }));
  writeFileSync(join(folder, 'transcript.md'), run.transcript);
  writeFileSync(join(folder, 'timing.json'), json(run.timing));
  if (run.grading) writeFileSync(join(folder, 'grading.json'), json(run.grading));
  for (const file of run.outputs) {
    if (file.data) await writeFile(join(folder, 'outputs', file.name), file.data);
  }
  return folder;
}

export interface TriggerResult {
  query: string;
  shouldTrigger: boolean;
  triggered: readonly boolean[];
  rate: number;
  passed: boolean;
  errors: number;
}

/**
 * `trigger_results.json`: the shape skill-creator's `run_eval.py` prints, so its description optimiser can
 * read ours; `errors` counts the runs that got no answer (they are left out of the rate).
 */
export async function writeTriggerResults(
  iteration: string,
  skill: { skillName: string; description: string },
  results: readonly TriggerResult[],
): Promise<void> {
  const passed = results.filter((r) => r.passed).length;
  await writeFile(
    join(iteration, 'trigger_results.json'),
    json({
      skill_name: skill.skillName,
      description: skill.description,
      results: results.map((r) => ({
        query: r.query,
        should_trigger: r.shouldTrigger,
        trigger_rate: r.rate,
        triggers: r.triggered.filter(Boolean).length,
        runs: r.triggered.length,
        pass: r.passed,
        errors: r.errors,
      })),
      summary: { total: results.length, passed, failed: results.length - passed },
    }),
  );
}

export async function writeBenchmark(iteration: string, benchmark: Benchmark): Promise<void> {
  await writeFile(join(iteration, 'benchmark.json'), json(benchmark));
  await writeFile(join(iteration, 'benchmark.md'), benchmarkMarkdown(benchmark));
}

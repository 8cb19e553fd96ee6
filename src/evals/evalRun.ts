// One run of a skill folder's evals: every quality eval `runs` times in each configuration (the skill, then
// the baseline: no skill or the published version), each run graded, and every trigger query
// `triggerRuns` times with the skill and its neighbours attached. All requests share one limiter, so the
// key sees a fixed number in flight and a rate limit pauses them all; give it clients whose core does not
// retry 429/529 itself (`retry: {maxRetries: 0}`), or each request waits alone before the shared pause.
// An eval's input files go up once for all its runs and are deleted when its last run is graded, whatever
// happened. Results are told as each eval or query completes, and written in skill-creator's layout when a
// results folder is given; a cancel keeps what finished. No `vscode` import: the CLI runs it too.
import * as l10n from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../api/errors';
import type { FilesClient } from '../api/filesClient';
import type { ContentBlock } from '../api/messageStream';
import { MAX_SKILLS_PER_REQUEST, type MessagesClient, type SkillAttachment } from '../api/messagesClient';
import type { RunFile } from '../api/runFiles';
import {
  CodeExecutionTools,
  runSkillWithFiles,
  type FinishedSkillRun,
  type SkillRunInput,
} from '../operations/skillRun';
import { renderRun } from '../runs/runMarkdown';
import type { SkillFile } from '../skill/files';
import { MIN_FILE_EXPIRY_SECONDS } from '../api/filesClient';
import {
  prepareResultsFolder,
  newIteration,
  writeBenchmark,
  writeRunArtifacts,
  writeTriggerResults,
  type Timing,
} from './artifacts';
import {
  buildBenchmark,
  gradingOf,
  type Benchmark,
  type Configuration,
  type Grading,
  type RunRecord,
} from './benchmark';
import type { QualityEval, TriggerQuery } from './evalFiles';
import { graderRequest, readGrades, refusesStrict, type ProducedFile } from './grader';
import { RequestLimiter, RunStopped } from './requestLimiter';
import { skillMdPattern, triggerVerdict } from './triggerDetection';
import { runTriggerQuery } from './triggerRun';

export interface EvalSubject {
  /** What runs as the skill: the folder's eval draft, or a published version. */
  attachment: SkillAttachment;
  /** The folder names its SKILL.md may be under in the container (its slug, the renamed draft's slug). */
  directories: string[];
  /** The draft carries another name than the folder's: its results may not be representative. */
  renamed?: boolean;
  /** Its SKILL.md's description, for trigger_results.json. */
  description?: string;
}

export type EvalBaseline = { configuration: 'without_skill' } | { configuration: 'old_skill'; skill: SkillAttachment };

export interface EvalPlan {
  skillName: string;
  description: string;
  skillPath: string;
  model: string;
  graderModel: string;
  maxTokens: number;
  runs: number;
  triggerRuns: number;
  subject: EvalSubject;
  baseline: EvalBaseline;
  /** Other published skills attached to trigger runs; past the request's limit they are left off. */
  neighbours: SkillAttachment[];
  evals: { entry: QualityEval; inputs: readonly SkillFile[] }[];
  queries: TriggerQuery[];
  turnBound?: SkillRunInput['turnBound'];
}

export interface EvalClients {
  messages: Pick<MessagesClient, 'streamMessage'>;
  files: Pick<FilesClient, 'getFile' | 'downloadFile' | 'uploadFile' | 'deleteFile'>;
  tools?: CodeExecutionTools;
}

export interface RequestCount {
  runs: number;
  graders: number;
  triggers: number;
  uploads: number;
  total: number;
}

/** What a plan sends at least (a paused turn's continuations come on top), for the cost modal. */
export function requestCount(plan: Pick<EvalPlan, 'evals' | 'queries' | 'runs' | 'triggerRuns'>): RequestCount {
  const runs = plan.evals.length * plan.runs * 2;
  const triggers = plan.queries.length * plan.triggerRuns;
  const uploads = plan.evals.reduce((n, e) => n + e.inputs.length, 0);
  return { runs, graders: runs, triggers, uploads, total: runs * 2 + triggers + uploads };
}

export interface QualityRunOutcome {
  configuration: Configuration;
  runNumber: number;
  /** The run as Markdown, its outputs whole; produced files linked under `outputs/`. */
  transcript: string;
  grading?: Grading;
  /** What kept it from a grade: a refused upload, the run's own error, the grader's. */
  error?: ApiError;
  failedAt?: 'upload' | 'run' | 'grader';
  timing: Timing;
  toolCalls: number;
  files: readonly RunFile[];
}

export type Verdict = 'passed' | 'failed' | 'errored';

export interface EvalOutcome {
  entry: QualityEval;
  runs: QualityRunOutcome[];
  /** Passed when every expectation passed in every with-skill run. */
  verdict: Verdict;
  /** Expectations that failed in a with-skill run, with the grader's evidence of the first such run. */
  failures: { index: number; text: string; evidence: string; runNumber: number }[];
  /** The first with-skill error, when the verdict is errored. */
  error?: ApiError;
}

export interface QueryOutcome {
  entry: TriggerQuery;
  triggered: boolean[];
  errors: ApiError[];
  rate: number;
  verdict: Verdict;
}

export interface EvalEvents {
  onEvalStarted?: (entry: QualityEval) => void;
  onQueryStarted?: (entry: TriggerQuery) => void;
  onRun?: (entry: QualityEval, run: QualityRunOutcome) => void;
  onEval?: (outcome: EvalOutcome) => void;
  onQuery?: (outcome: QueryOutcome) => void;
}

export interface EvalRunSummary {
  evals: EvalOutcome[];
  queries: QueryOutcome[];
  benchmark?: Benchmark;
  /** Where the artifacts went, when a results folder was given. */
  iteration?: { number: number; folder: string };
  /** What stopped the run early: the cancel, or the error no pause could help. */
  stopped?: unknown;
}

export interface EvalRunOptions {
  concurrency: number;
  /** Write the iteration here (skill-creator's `<folder>-workspace`). */
  resultsFolder?: string;
  signal?: AbortSignal;
  now?: () => Date;
}

const asError = (err: unknown): ApiError =>
  err instanceof ApiError
    ? err
    : new ApiError({ kind: 'server', message: err instanceof Error ? err.message : String(err), cause: err });

/** A failure the limiter must see: one that pauses every request, or stops them all. */
const sharedFailure = (err: ApiError | undefined): err is ApiError =>
  err !== undefined && ['rateLimited', 'overloaded', 'billing'].includes(err.kind);

function usageTokens(run: FinishedSkillRun): number {
  return run.turns.reduce((sum, turn) => {
    const usage = turn.message?.usage ?? {};
    return sum + (Number(usage.input_tokens) || 0) + (Number(usage.output_tokens) || 0);
  }, 0);
}

const toolCallsOf = (run: FinishedSkillRun) =>
  run.turns.reduce((n, t) => n + (t.message?.content ?? []).filter((b) => b.type === 'server_tool_use').length, 0);

/** A produced file as the grader reads it: its text when it is UTF-8 without NULs, else name and size. */
function forGrader(file: RunFile): ProducedFile {
  const size = file.sizeBytes ?? file.data?.byteLength ?? 0;
  if (!file.data) return { name: file.name, size };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.data);
    return { name: file.name, size, text: text.includes('\u0000') ? undefined : text };
  } catch {
    return { name: file.name, size };
  }
}

const timingOf = (startedAt: number, tokens: number): Timing => {
  const ms = Date.now() - startedAt;
  return { total_tokens: tokens, duration_ms: ms, total_duration_seconds: Math.round(ms / 100) / 10 };
};

/** The engine of one `runEvals` call: its limiter, its clients and what it has learned (strict grading). */
class EvalRunner {
  readonly limiter: RequestLimiter;
  private strict = true;
  readonly records: RunRecord[] = [];

  constructor(
    private readonly clients: EvalClients,
    private readonly plan: EvalPlan,
    options: EvalRunOptions,
    private readonly events: EvalEvents,
    private readonly iteration: string | undefined,
  ) {
    this.limiter = new RequestLimiter({ concurrency: options.concurrency }, options.signal);
  }

  get stopped(): boolean {
    return this.limiter.signal.aborted;
  }

  /** Uploads an eval's inputs; on a failure, those already up are deleted and the error is thrown. */
  private async upload(inputs: readonly SkillFile[]): Promise<string[]> {
    const ids: string[] = [];
    try {
      for (const input of inputs) {
        const data = new Uint8Array(await readFile(input.absolutePath));
        const file = { path: basename(input.relativePath), data };
        const info = await this.limiter.run((signal) =>
          this.clients.files.uploadFile(file, MIN_FILE_EXPIRY_SECONDS, signal),
        );
        ids.push(info.id);
      }
      return ids;
    } catch (err) {
      await this.deleteUploads(ids);
      throw err;
    }
  }

  /** Deletes uploads outside the limiter, so a cancel still clears them; an hour's expiry is the fallback. */
  async deleteUploads(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.clients.files.deleteFile(id, AbortSignal.timeout(30_000)).catch(() => {})));
  }

  private runInput(entry: QualityEval, configuration: Configuration, fileIds: readonly string[]): SkillRunInput {
    const prompt: ContentBlock[] = [
      { type: 'text', text: entry.prompt },
      ...fileIds.map((file_id) => ({ type: 'container_upload', file_id })),
    ];
    const skill =
      configuration === 'with_skill'
        ? this.plan.subject.attachment
        : this.plan.baseline.configuration === 'old_skill'
          ? this.plan.baseline.skill
          : undefined;
    return {
      model: this.plan.model,
      maxTokens: this.plan.maxTokens,
      prompt: fileIds.length ? prompt : entry.prompt,
      skill,
      turnBound: this.plan.turnBound,
    };
  }

  private async grade(entry: QualityEval, transcript: string, files: readonly RunFile[]) {
    const input = {
      model: this.plan.graderModel,
      prompt: entry.prompt,
      expectedOutput: entry.expectedOutput,
      transcript,
      files: files.map(forGrader),
      expectations: entry.expectations.map((e) => e.text),
    };
    return this.limiter.run(async (signal) => {
      const ask = (strict: boolean) =>
        this.clients.messages.streamMessage(graderRequest(input, strict), { ...this.plan.turnBound, signal });
      let answer;
      try {
        answer = await ask(this.strict);
      } catch (err) {
        if (!this.strict || !refusesStrict(err)) throw err;
        this.strict = false;
        answer = await ask(false);
      }
      return readGrades(answer.message, input.expectations, answer.requestId);
    });
  }

  /** One run of one configuration, then its grade. Never throws but for a stop of the whole run. */
  async qualityRun(
    entry: QualityEval,
    configuration: Configuration,
    runNumber: number,
    fileIds: readonly string[] | ApiError,
  ): Promise<QualityRunOutcome> {
    let started = Date.now();
    const none = { timing: timingOf(started, 0), toolCalls: 0, files: [] as RunFile[] };
    if (fileIds instanceof ApiError) {
      return { configuration, runNumber, transcript: '', error: fileIds, failedAt: 'upload', ...none };
    }
    const input = this.runInput(entry, configuration, fileIds);
    const run = await this.limiter.run(async (signal) => {
      // The run's own time, not its wait for a slot.
      started = Date.now();
      const result = await runSkillWithFiles(this.clients, input, { onTurns: () => {} }, signal);
      // Refused before anything ran: the limiter pauses (or stops) and sends it again.
      if (result.turns.length === 0 && sharedFailure(result.error)) throw result.error;
      return result;
    });
    if (run.error?.kind === 'cancelled' || this.stopped) throw new RunStopped(this.limiter.signal.reason);
    const timing = timingOf(started, usageTokens(run));
    const transcript = renderRun({
      heading: l10n.t('Eval {0}, {1} run {2}', entry.id, configuration, runNumber),
      title: this.plan.skillName,
      prompt: entry.prompt,
      model: this.plan.model,
      maxTokens: this.plan.maxTokens,
      skillId: input.skill?.skill_id,
      askedVersion: input.skill?.version,
      turns: run.turns,
      ended: { error: run.error, pausedAtLimit: run.pausedAtLimit, tool: run.tool },
      files: run.files,
      transcript: { filesFolder: 'outputs' },
    }).markdown;
    const outcome: QualityRunOutcome = {
      configuration,
      runNumber,
      transcript,
      timing,
      toolCalls: toolCallsOf(run),
      files: run.files,
    };
    if (run.error) return { ...outcome, error: run.error, failedAt: 'run' };
    try {
      return { ...outcome, grading: gradingOf(await this.grade(entry, transcript, run.files)) };
    } catch (err) {
      if (err instanceof RunStopped) throw err;
      return { ...outcome, error: asError(err), failedAt: 'grader' };
    }
  }

  async record(entry: QualityEval, run: QualityRunOutcome): Promise<void> {
    this.records.push({
      evalId: entry.id,
      configuration: run.configuration,
      runNumber: run.runNumber,
      grading: run.grading,
      timeSeconds: run.timing.total_duration_seconds,
      tokens: run.timing.total_tokens,
      toolCalls: run.toolCalls,
      errors: run.error ? 1 : 0,
      notes: [
        ...(run.error ? [`${run.failedAt ?? 'run'} error: ${run.error.message}`] : []),
        ...(this.plan.subject.renamed && run.configuration === 'with_skill'
          ? ['renamed: may not be representative']
          : []),
      ],
    });
    if (this.iteration) {
      await writeRunArtifacts(this.iteration, {
        evalId: entry.id,
        prompt: entry.prompt,
        configuration: run.configuration,
        runNumber: run.runNumber,
        transcript: run.transcript,
        grading: run.grading,
        timing: run.timing,
        outputs: run.files,
      });
    }
    this.events.onRun?.(entry, run);
  }

  /** Every run of one eval, uploads shared; its outcome once all are graded. */
  async quality(entry: QualityEval, inputs: readonly SkillFile[]): Promise<EvalOutcome> {
    const baseline = this.plan.baseline.configuration;
    let fileIds: string[] | ApiError = [];
    if (inputs.length > 0) {
      fileIds = await this.upload(inputs).catch((err: unknown) => {
        if (err instanceof RunStopped) throw err;
        return asError(err);
      });
    }
    this.events.onEvalStarted?.(entry);
    try {
      const runs = await Promise.all(
        (['with_skill', baseline] as const).flatMap((configuration) =>
          Array.from({ length: this.plan.runs }, async (_, i) => {
            const run = await this.qualityRun(entry, configuration, i + 1, fileIds);
            await this.record(entry, run);
            return run;
          }),
        ),
      );
      return outcomeOf(entry, runs);
    } finally {
      if (Array.isArray(fileIds)) await this.deleteUploads(fileIds);
    }
  }

  /** One trigger query, `triggerRuns` times; its outcome once all are done. */
  async trigger(entry: TriggerQuery, pattern: RegExp | undefined): Promise<QueryOutcome> {
    this.events.onQueryStarted?.(entry);
    const neighbours = this.plan.neighbours.slice(0, MAX_SKILLS_PER_REQUEST - 1);
    const results = await Promise.all(
      Array.from({ length: this.plan.triggerRuns }, () =>
        this.limiter
          .run((signal) => {
            if (!pattern) throw new ApiError({ kind: 'server', message: l10n.t('The skill has no name to look for.') });
            return runTriggerQuery(
              this.clients.messages,
              {
                model: this.plan.model,
                prompt: entry.query,
                skill: this.plan.subject.attachment,
                neighbours,
                turnBound: this.plan.turnBound,
              },
              pattern,
              signal,
              this.clients.tools,
            );
          })
          .catch((err: unknown) => {
            if (err instanceof RunStopped || this.stopped) throw new RunStopped(this.limiter.signal.reason);
            return asError(err);
          }),
      ),
    );
    const triggered = results.flatMap((r) => (r instanceof ApiError ? [] : [r.triggered]));
    const errors = results.filter((r): r is ApiError => r instanceof ApiError);
    const verdict = triggerVerdict(triggered, entry.shouldTrigger);
    return {
      entry,
      triggered,
      errors,
      rate: verdict.rate,
      verdict: errors.length > 0 ? 'errored' : verdict.passed ? 'passed' : 'failed',
    };
  }
}

export function outcomeOf(entry: QualityEval, runs: QualityRunOutcome[]): EvalOutcome {
  const withSkill = runs.filter((r) => r.configuration === 'with_skill');
  const error = withSkill.find((r) => r.error)?.error;
  const failures: EvalOutcome['failures'] = [];
  for (const run of withSkill) {
    run.grading?.expectations.forEach((e, index) => {
      if (!e.passed && !failures.some((f) => f.index === index)) {
        failures.push({ index, text: e.text, evidence: e.evidence, runNumber: run.runNumber });
      }
    });
  }
  const verdict: Verdict = error ? 'errored' : failures.length > 0 ? 'failed' : 'passed';
  return { entry, runs, verdict, failures: failures.sort((a, b) => a.index - b.index), error };
}

/** Runs the plan; never throws for a failed request (each is its item's result) nor for a cancel. */
export async function runEvals(
  clients: EvalClients,
  plan: EvalPlan,
  options: EvalRunOptions,
  events: EvalEvents = {},
): Promise<EvalRunSummary> {
  let iteration: EvalRunSummary['iteration'];
  if (options.resultsFolder && plan.evals.length + plan.queries.length > 0) {
    await prepareResultsFolder(options.resultsFolder);
    iteration = await newIteration(options.resultsFolder);
  }
  const runner = new EvalRunner(
    { ...clients, tools: clients.tools ?? new CodeExecutionTools() },
    plan,
    options,
    events,
    iteration?.folder,
  );
  const summary: EvalRunSummary = { evals: [], queries: [], iteration };
  const pattern = skillMdPattern(plan.subject.directories);
  const settle = async <T>(work: Promise<T>, done: (value: T) => void) => {
    try {
      done(await work);
    } catch (err) {
      if (!(err instanceof RunStopped)) throw err;
    }
  };
  await Promise.all([
    ...plan.evals.map(({ entry, inputs }) =>
      settle(runner.quality(entry, inputs), (outcome) => {
        summary.evals.push(outcome);
        events.onEval?.(outcome);
      }),
    ),
    ...plan.queries.map((entry) =>
      settle(runner.trigger(entry, pattern), (outcome) => {
        summary.queries.push(outcome);
        events.onQuery?.(outcome);
      }),
    ),
  ]);
  if (runner.stopped) summary.stopped = runner.limiter.signal.reason;
  summary.evals.sort((a, b) => a.entry.id - b.entry.id);
  summary.queries.sort((a, b) => a.entry.index - b.entry.index);
  if (plan.evals.length > 0) {
    summary.benchmark = buildBenchmark(
      {
        skill_name: plan.skillName,
        skill_path: plan.skillPath,
        executor_model: plan.model,
        grader_model: plan.graderModel,
        timestamp: (options.now?.() ?? new Date()).toISOString(),
        runs_per_configuration: plan.runs,
      },
      runner.records,
      plan.baseline.configuration,
    );
    if (plan.subject.renamed) summary.benchmark.notes.push('renamed: may not be representative');
    if (iteration) await writeBenchmark(iteration.folder, summary.benchmark);
  }
  if (iteration && summary.queries.length > 0) {
    await writeTriggerResults(
      iteration.folder,
      plan,
      summary.queries.map((q) => ({
        query: q.entry.query,
        shouldTrigger: q.entry.shouldTrigger,
        triggered: q.triggered,
        rate: q.rate,
        passed: q.verdict === 'passed',
        errors: q.errors.length,
      })),
    );
  }
  return summary;
}

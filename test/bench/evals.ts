// Skill Evals against the emulator in a process of its own, at 200 ms latency a request: the wall time of
// 20 evals × 2 configurations (graders included) at 4 in flight against the ideal (the requests' own time
// ÷ 4); the engine's own CPU time per eval (parse, request building, transcripts, grading, aggregation,
// artifacts: replayed on a real answer, without the HTTP client) as a share of the run's wall time per
// eval, and beside it this process's whole CPU time in the run (the HTTP client and stream reading too);
// and the bytes a trigger run reads when it stops at the skill's read, against the whole scripted answer.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FilesClient } from '../../src/api/filesClient';
import { MessagesClient, encodeRequest } from '../../src/api/messagesClient';
import type { StreamedMessage } from '../../src/api/messageStream';
import { newIteration, writeBenchmark, writeRunArtifacts } from '../../src/evals/artifacts';
import { buildBenchmark, gradingOf, type RunRecord } from '../../src/evals/benchmark';
import { graderRequest, readGrades } from '../../src/evals/grader';
import { renderRun } from '../../src/runs/runMarkdown';
import { createNodeTransport } from '../../src/api/nodeHttp';
import { parseQualityEvals } from '../../src/evals/evalFiles';
import { runEvals, type EvalPlan } from '../../src/evals/evalRun';
import { skillMdPattern } from '../../src/evals/triggerDetection';
import { runTriggerQuery } from '../../src/evals/triggerRun';
import { turnRequest } from '../../src/operations/skillRun';
import { KEY, figure, row, startEmulatorProcess } from './support';

const LATENCY_MS = 200;
const IN_FLIGHT = 4;
const EVALS = 20;
const SAMPLES = Number(process.env.BENCH_EVAL_RUNS ?? 3);
const MODEL = 'claude-emulated-opus-2';
const DESCRIPTION = 'Writes release notes from merged pull requests. Use when preparing a release.';

/** A transport that adds up each request's own time (sent to its body read or dropped) and the bytes read. */
function metered() {
  const inner = createNodeTransport();
  const stats = { busyMs: 0, bytes: 0 };
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const started = performance.now();
    let done = false;
    const finish = () => {
      if (!done) stats.busyMs += performance.now() - started;
      done = true;
    };
    init?.signal?.addEventListener('abort', finish, { once: true });
    const res = await inner.fetch(input, init);
    if (!res.body) {
      finish();
      return res;
    }
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          stats.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
        flush: finish,
      }),
    );
    return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
  }) as typeof globalThis.fetch;
  return { stats, transport: { fetch } };
}

export async function benchEvals(root: string): Promise<void> {
  const emulator = await startEmulatorProcess(root, {
    skills: [{ id: 'skill_bench', name: 'release-notes', description: DESCRIPTION }],
    latencyMs: LATENCY_MS,
  });
  try {
    const quality = parseQualityEvals(
      JSON.stringify({
        evals: Array.from({ length: EVALS }, (_, i) => ({
          id: i + 1,
          prompt: `Write the release notes for version ${i + 1}.0`,
          expectations: ['It names "Summary of release-notes"', 'It gives the "first heading"'],
        })),
      }),
    );
    const plan = (): EvalPlan => ({
      skillName: 'release-notes',
      description: DESCRIPTION,
      skillPath: join(root, 'release-notes'),
      model: MODEL,
      graderModel: MODEL,
      maxTokens: 2048,
      runs: 1,
      triggerRuns: 3,
      subject: {
        attachment: { type: 'custom', skill_id: 'skill_bench', version: 'latest' },
        directories: ['release-notes'],
      },
      baseline: { configuration: 'without_skill' },
      neighbours: [],
      evals: quality.evals.map((entry) => ({ entry, inputs: [] })),
      queries: [],
    });
    const ratios: number[] = [];
    const walls: number[] = [];
    const shares: number[] = [];
    const cpuPerEval: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      const { stats, transport } = metered();
      const options = { transport, baseUrl: () => emulator.url, apiKey: () => KEY, retry: { maxRetries: 0 } };
      const clients = { messages: new MessagesClient(options), files: new FilesClient(options) };
      const cpu = process.cpuUsage();
      const started = performance.now();
      const summary = await runEvals(clients, plan(), {
        concurrency: IN_FLIGHT,
        resultsFolder: join(root, `evals-bench-${sample}`),
      });
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (summary.evals.filter((o) => o.verdict === 'passed').length !== EVALS) {
        throw new Error(
          `the evals bench expected ${EVALS} passes: ${JSON.stringify(summary.evals.map((o) => o.verdict))}`,
        );
      }
      ratios.push(wall / (stats.busyMs / IN_FLIGHT));
      walls.push(wall);
      const cpuMs = (used.user + used.system) / 1000;
      shares.push((cpuMs / wall) * 100);
      cpuPerEval.push(cpuMs / EVALS);
    }
    const wallPerEval = figure(walls).median / EVALS;
    const engine = await replayEngine(
      root,
      emulator.url,
      plan(),
      JSON.stringify({
        evals: quality.evals.map((e) => ({
          id: e.id,
          prompt: e.prompt,
          expectations: e.expectations.map((x) => x.text),
        })),
      }),
    );
    row(
      'evals',
      'the engine’s own CPU per eval (replayed), as a share of the run’s wall time per eval',
      `${engine.toFixed(2)} ms of ${wallPerEval.toFixed(0)} ms`,
      `${((engine / wallPerEval) * 100).toFixed(2)}% (target < 1%)`,
    );
    const r = figure(ratios);
    row(
      'evals',
      `${EVALS} evals × 2 configurations + graders, ${IN_FLIGHT} in flight, ${LATENCY_MS} ms latency: wall ÷ ideal`,
      `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`,
      'target ≤ 1.15×',
    );
    const s = figure(shares);
    const c = figure(cpuPerEval);
    row(
      'evals',
      'all CPU of this process per eval in the run (the HTTP client and stream reading too), share of wall time',
      `${c.median.toFixed(1)} ms, ${s.median.toFixed(2)}% (${s.min.toFixed(2)}–${s.max.toFixed(2)}%)`,
      'for reference',
    );

    const { stats, transport } = metered();
    const messages = new MessagesClient({ transport, baseUrl: () => emulator.url, apiKey: () => KEY });
    const input = {
      model: MODEL,
      prompt: 'Draft the release notes for this sprint [long]',
      skill: plan().subject.attachment,
    };
    await messages.streamMessage(turnRequest({ ...input, maxTokens: 1024 }, []));
    const whole = stats.bytes;
    stats.bytes = 0;
    const result = await runTriggerQuery(
      messages,
      input,
      skillMdPattern(['release-notes'])!,
      new AbortController().signal,
    );
    if (!result.triggered || !result.stoppedEarly) throw new Error('the trigger bench expected an early stop');
    row(
      'evals',
      'a trigger run that reads the skill: bytes read ÷ the whole answer',
      `${stats.bytes} of ${whole} bytes`,
      `${((stats.bytes / whole) * 100).toFixed(1)}% (target < 25%)`,
    );
  } finally {
    await emulator.close();
  }
}

/**
 * The engine's own work for the plan's evals, timed in CPU without the network: the eval file parsed, each
 * eval's two runs' requests and their graders' built and encoded, their transcripts rendered, the grades
 * read, the artifacts written, the benchmark built and written. On a real answer and grade from the
 * emulator, so the sizes are those of the run. Milliseconds of CPU per eval, the median of RUNS.
 */
async function replayEngine(root: string, url: string, plan: EvalPlan, evalsText: string): Promise<number> {
  const messages = new MessagesClient({ transport: createNodeTransport(), baseUrl: () => url, apiKey: () => KEY });
  const first = plan.evals[0].entry;
  const runInput = { model: MODEL, maxTokens: 2048, prompt: first.prompt, skill: plan.subject.attachment };
  const answer: StreamedMessage = (await messages.streamMessage(turnRequest(runInput, []))).message;
  const expectations = first.expectations.map((e) => e.text);
  const gradeInput = { model: MODEL, prompt: first.prompt, transcript: '', files: [], expectations };
  const grade: StreamedMessage = (await messages.streamMessage(graderRequest(gradeInput))).message;
  const samples: number[] = [];
  for (let sample = 0; sample < 5; sample++) {
    const folder = join(root, `engine-replay-${sample}`);
    mkdirSync(folder, { recursive: true });
    const cpu = process.cpuUsage();
    const { evals } = parseQualityEvals(evalsText);
    const iteration = (await newIteration(folder)).folder;
    const records: RunRecord[] = [];
    for (const entry of evals) {
      for (const configuration of ['with_skill', 'without_skill'] as const) {
        const input = {
          ...runInput,
          prompt: entry.prompt,
          skill: configuration === 'with_skill' ? runInput.skill : undefined,
        };
        encodeRequest(turnRequest(input, []));
        const transcript = renderRun({
          heading: `Eval ${entry.id}, ${configuration} run 1`,
          title: plan.skillName,
          prompt: entry.prompt,
          model: MODEL,
          maxTokens: 2048,
          skillId: input.skill?.skill_id,
          turns: [{ message: answer, requestId: 'req_1' }],
          ended: { pausedAtLimit: false },
          files: [],
          transcript: { filesFolder: 'outputs' },
        }).markdown;
        encodeRequest(graderRequest({ ...gradeInput, prompt: entry.prompt, transcript }));
        const grading = gradingOf(
          readGrades(
            grade,
            entry.expectations.map((e) => e.text),
          ),
        );
        const timing = { total_tokens: 1000, duration_ms: 200, total_duration_seconds: 0.2 };
        await writeRunArtifacts(iteration, {
          evalId: entry.id,
          prompt: entry.prompt,
          configuration,
          runNumber: 1,
          transcript,
          grading,
          timing,
          outputs: [],
        });
        records.push({
          evalId: entry.id,
          configuration,
          runNumber: 1,
          grading,
          timeSeconds: 0.2,
          tokens: 1000,
          toolCalls: 1,
          errors: 0,
        });
      }
    }
    const metadata = {
      skill_name: plan.skillName,
      skill_path: plan.skillPath,
      executor_model: MODEL,
      grader_model: MODEL,
      timestamp: new Date().toISOString(),
      runs_per_configuration: 1,
    };
    await writeBenchmark(iteration, buildBenchmark(metadata, records, 'without_skill'));
    const used = process.cpuUsage(cpu);
    samples.push((used.user + used.system) / 1000 / evals.length);
  }
  return figure(samples).median;
}

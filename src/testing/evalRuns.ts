// Running Skill Evals from the Test Explorer: the items asked for, folder by folder, through the evals
// engine. What runs as the skill: the folder's eval draft (profile Run Evals) or a published version picked
// (Run Evals on a Published Version…); the baseline per claudeSkills.evalBaseline. Before anything is
// sent, a modal says what it costs (first in a session, and for every run past 20 requests). Results go to
// the items as each eval or query completes: failed expectations as messages at their lines, errors with
// the API's message and request id, transcripts in the run's output; then report.md beside the artifacts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import { describeError } from '../api/errors';
import { MAX_SKILLS_PER_REQUEST, type SkillAttachment } from '../api/messagesClient';
import { collectAll } from '../api/paging';
import { keyHint, type ApiKeyStore } from '../auth/apiKeyStore';
import { ContextKeys, setContext } from '../constants';
import { chooseModel } from '../ui/modelChoice';
import { tryMaxTokens } from '../runs/modelPicks';
import {
  evalBaseline,
  evalConcurrency,
  evalGraderModel,
  evalModel,
  evalRuns,
  evalTriggerNeighbours,
  evalTriggerRuns,
  excludePatterns,
  tryMaxTokensSetting,
  tryModel,
  tryTurnTimeoutMinutes,
} from '../config';
import type { EvalBaseline, EvalClients, EvalOutcome, EvalPlan, EvalSubject, QueryOutcome } from '../evals/evalRun';
import type { EvalDraft } from '../operations/evalDrafts';
import type { SlugMemory } from '../operations/skillLookup';
import { terminalText } from '../shared/terminalText';
import { skillBundle } from '../skillBundle';
import { skillTitle, versionPickItems } from '../tree/present';
import type { WorkspaceSkills } from '../workspace/workspaceSkills';
import { requireTrust } from '../workspace/workspaceTrust';
import { rangeOf, type EvalTests, type FolderEvals } from './evalTests';
import { RecordedRun, type ItemResult } from './recordedRun';
import { TRIGGER_MAX_TOKENS } from '../evals/triggerRun';
import { resultsFolderOf } from './resultsFolder';

/** Past this many requests a run asks again, even after "don't ask again". */
export const ASK_ABOVE_REQUESTS = 20;
const RUN = vscode.l10n.t('Run');
const RUN_QUIETLY = vscode.l10n.t("Run, Don't Ask Again This Session");

export type EvalProfile = 'draft' | 'published';

/** For automation and tests: the answers, instead of asking. */
export interface EvalRunOptions {
  /** The cost modal taken as read. */
  acceptCost?: boolean;
  /** For the published profile: the version to run. */
  version?: string;
}

export interface EvalRunDeps {
  tests: EvalTests;
  client: Pick<
    SkillsClient,
    | 'skillPages'
    | 'getSkill'
    | 'getVersion'
    | 'createSkill'
    | 'createVersion'
    | 'versionPages'
    | 'deleteVersion'
    | 'downloadVersion'
    | 'modelPages'
  >;
  /** On a core that leaves 429/529 to the engine's shared pause. */
  evalClients: EvalClients;
  keyStore: Pick<ApiKeyStore, 'get'>;
  state: vscode.Memento;
  workspaceSkills: Pick<WorkspaceSkills, 'all' | 'targetOf' | 'row'>;
  slugs: SlugMemory;
  log: Pick<vscode.LogOutputChannel, 'info' | 'warn'>;
}

/** What one folder's run needs, once its items are known. */
interface FolderRun {
  entry: FolderEvals;
  evalItems: Map<number, vscode.TestItem>;
  queryItems: Map<number, vscode.TestItem>;
  /** Items given a result, so a failure of the folder marks only the others. */
  done: Set<vscode.TestItem>;
}

/** The items a request asks for, by folder: a folder or group item stands for all under it. */
function selected(tests: EvalTests, request: vscode.TestRunRequest): FolderRun[] {
  const excluded = new Set((request.exclude ?? []).map((i) => i.id));
  const runs = new Map<string, FolderRun>();
  const add = (item: vscode.TestItem) => {
    if (excluded.has(item.id)) return;
    const kind = tests.kindOf(item);
    if (!kind) return;
    // The item as this controller holds it now (the request's may be an older object of the same id).
    const current = tests.itemOf(item.id) ?? item;
    const key = kind.folder.folder.toString();
    const run = runs.get(key) ?? { entry: kind.folder, evalItems: new Map(), queryItems: new Map(), done: new Set() };
    runs.set(key, run);
    if (kind.kind === 'eval') run.evalItems.set(kind.id, current);
    else if (kind.kind === 'query') run.queryItems.set(kind.index, current);
    else current.children.forEach(add);
  };
  if (request.include) request.include.forEach(add);
  else tests.controller.items.forEach(add);
  return [...runs.values()];
}

const evalsIn = (run: FolderRun) =>
  (run.entry.quality?.evals ?? [])
    .filter((e) => run.evalItems.has(e.id) && run.entry.inputs?.files.has(e.id))
    .map((entry) => ({ entry, inputs: run.entry.inputs!.files.get(entry.id)! }));
const itemsOf = (run: FolderRun) => [...run.evalItems.values(), ...run.queryItems.values()];
const queriesIn = (run: FolderRun) => (run.entry.triggers?.queries ?? []).filter((q) => run.queryItems.has(q.index));

export class EvalRuns {
  private costAcknowledged = false;
  /** The report of each folder's last run. */
  private readonly reports = new Map<string, vscode.Uri>();

  constructor(private readonly deps: EvalRunDeps) {}

  /** The report of the folder's last run: this session's, else the newest iteration's on disk. */
  async lastReport(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
    const known = this.reports.get(folder.toString());
    if (known) return known;
    const root = vscode.Uri.file(resultsFolderOf(folder));
    const entries = await vscode.workspace.fs.readDirectory(root).then(
      (e) => e,
      () => [] as [string, vscode.FileType][],
    );
    const iterations = entries
      .map(([name]) => Number(/^iteration-(\d{1,6})$/.exec(name)?.[1]))
      .filter((n) => Number.isInteger(n))
      .sort((a, b) => b - a);
    for (const n of iterations.slice(0, 50)) {
      const report = vscode.Uri.joinPath(root, `iteration-${n}`, 'report.md');
      const exists = await vscode.workspace.fs.stat(report).then(
        () => true,
        () => false,
      );
      if (exists) return report;
    }
    return undefined;
  }

  /** The run profiles' handler. */
  async run(
    request: vscode.TestRunRequest,
    token: vscode.CancellationToken,
    profile: EvalProfile,
    options: EvalRunOptions = {},
  ): Promise<Map<string, ItemResult>> {
    if (!requireTrust('evals')) return new Map();
    await this.deps.tests.discover();
    const folders = selected(this.deps.tests, request).filter((f) => evalsIn(f).length + queriesIn(f).length > 0);
    if (folders.length === 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Nothing to run: the evals asked for have problems (see the Problems panel), or were removed from their files.',
        ),
      );
      return new Map();
    }
    const model = await chooseModel(this.deps, evalModel() ?? tryModel(), vscode.l10n.t('Skill Evals: model')).catch(
      (err: unknown) => {
        // Before any item ran (no key, no network): said once, instead of VS Code's bare "an error occurred".
        void vscode.window.showErrorMessage(vscode.l10n.t('Skill Evals could not start: {0}', describeError(err)));
        return undefined;
      },
    );
    if (!model) return new Map();
    const run = new RecordedRun(this.deps.tests.controller.createTestRun(request, undefined, true));
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() =>
      abort.abort(new Error(vscode.l10n.t('Cancelled in the Test Explorer.'))),
    );
    try {
      for (const folder of folders) {
        if (abort.signal.aborted) break;
        await this.runFolder(
          run,
          folder,
          profile,
          {
            id: model.id,
            maxTokens: tryMaxTokens(tryMaxTokensSetting(), model.info),
          },
          abort.signal,
          options,
        ).catch((err: unknown) => {
          const message = new vscode.TestMessage(describeError(err));
          for (const item of itemsOf(folder)) if (!folder.done.has(item)) run.errored(item, message);
          run.appendOutput(
            terminalText(
              `${vscode.l10n.t('{0}: {1}', path.basename(folder.entry.folder.fsPath), describeError(err))}\n`,
            ),
          );
        });
      }
    } finally {
      cancel.dispose();
      run.end();
    }
    if ([...run.results.values()].some((r) => r.state === 'passed' || r.state === 'failed')) {
      void setContext(vscode.commands, ContextKeys.hasRunEvals, true);
    }
    return run.results;
  }

  private async baselineOf(
    folder: vscode.Uri,
    profile: EvalProfile,
  ): Promise<{ baseline: EvalBaseline; words: string }> {
    const none = { baseline: { configuration: 'without_skill' } as const, words: vscode.l10n.t('no skill') };
    const setting = profile === 'published' ? 'none' : evalBaseline();
    if (setting === 'none') return none;
    const target = await this.deps.workspaceSkills.targetOf(folder);
    if ('reason' in target) {
      if (setting === 'published') {
        throw new Error(
          vscode.l10n.t(
            'claudeSkills.evalBaseline is "published", but this folder has no published skill ({0}). Publish it, or set the baseline to auto or none.',
            target.reason,
          ),
        );
      }
      return none;
    }
    const skill = await this.deps.client.getSkill(target.skillId);
    if (!skill.latestVersionId) return none;
    return {
      baseline: {
        configuration: 'old_skill',
        skill: { type: 'custom', skill_id: skill.id, version: skill.latestVersionId },
      },
      words: vscode.l10n.t('the published latest version of "{0}" ({1})', skillTitle(skill), skill.latestVersionId),
    };
  }

  /** A published version of the folder's skill, picked (or given). */
  private async publishedSubject(
    folder: vscode.Uri,
    given?: string,
  ): Promise<{ subject: EvalSubject; words: string } | undefined> {
    const target = await this.deps.workspaceSkills.targetOf(folder);
    if ('reason' in target)
      throw new Error(vscode.l10n.t('This folder has no published skill to run: {0}', target.reason));
    const skill = await this.deps.client.getSkill(target.skillId);
    let versionId = given;
    if (!versionId) {
      const versions = collectAll(this.deps.client.versionPages(skill.id, { limit: 1000 })).then((all) =>
        versionPickItems(skill, all, vscode.env.language),
      );
      versionId = (
        await vscode.window.showQuickPick(versions, {
          title: vscode.l10n.t('Run Evals on a version of "{0}"', skillTitle(skill)),
          ignoreFocusOut: true,
        })
      )?.version.id;
    }
    if (!versionId) return undefined;
    const version = await this.deps.client.getVersion(skill.id, versionId);
    return {
      subject: {
        attachment: { type: 'custom', skill_id: skill.id, version: version.id },
        directories: [version.name],
        description: version.description,
      },
      words: vscode.l10n.t('version {0} of "{1}"', version.id, skillTitle(skill)),
    };
  }

  /** The workspace's other published skills (never drafts: they are matched by no name), up to the request's limit. */
  private async neighbours(folder: vscode.Uri, subject: SkillAttachment): Promise<SkillAttachment[]> {
    if (!evalTriggerNeighbours()) return [];
    const ids = new Set<string>();
    for (const row of await this.deps.workspaceSkills.all()) {
      if (row.folder.toString() === folder.toString() || !row.targetId || row.targetId === subject.skill_id) continue;
      ids.add(row.targetId);
    }
    return [...ids]
      .slice(0, MAX_SKILLS_PER_REQUEST - 1)
      .map((skill_id) => ({ type: 'custom', skill_id, version: 'latest' }));
  }

  /** The cost modal; true when the run may go. */
  private async acceptCost(lines: string[], total: number, options: EvalRunOptions): Promise<boolean> {
    if (options.acceptCost || (this.costAcknowledged && total <= ASK_ABOVE_REQUESTS)) return true;
    const key = await this.deps.keyStore.get();
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Run Skill Evals: at least {0} requests, billed to the API key in use ({1})?',
        total,
        key ? keyHint(key.key) : vscode.l10n.t('none set'),
      ),
      { modal: true, detail: lines.join('\n') },
      RUN,
      RUN_QUIETLY,
    );
    if (choice === RUN_QUIETLY) this.costAcknowledged = true;
    return choice !== undefined;
  }

  private async runFolder(
    run: RecordedRun,
    folder: FolderRun,
    profile: EvalProfile,
    model: { id: string; maxTokens: number },
    signal: AbortSignal,
    options: EvalRunOptions,
  ): Promise<void> {
    const { entry } = folder;
    const name = path.basename(entry.folder.fsPath);
    const row = await this.deps.workspaceSkills.row(entry.folder);
    const graderModel = evalGraderModel() ?? model.id;
    const evals = evalsIn(folder);
    const queries = queriesIn(folder);
    const planned = { evals, queries, runs: evalRuns(), triggerRuns: evalTriggerRuns() };
    const count = skillBundle().requestCount(planned);
    const lines = [
      vscode.l10n.t(
        '{0} evals × {1} runs × 2 configurations: {2} runs on {3} (up to {4} output tokens a turn; a paused turn continues up to 10 times), and {5} grader calls on {6}.',
        evals.length,
        planned.runs,
        count.runs,
        model.id,
        model.maxTokens,
        count.graders,
        graderModel,
      ),
      vscode.l10n.t(
        '{0} trigger queries × {1} runs: {2} requests of up to {3} output tokens, stopped once the skill is read.',
        queries.length,
        planned.triggerRuns,
        count.triggers,
        TRIGGER_MAX_TOKENS,
      ),
      ...(count.uploads
        ? [vscode.l10n.t('{0} input files uploaded through the Files API, deleted after the run.', count.uploads)]
        : []),
      ...(profile === 'draft'
        ? [
            vscode.l10n.t(
              'The folder\'s current files run as an eval draft: a separate custom skill, "{0} (eval draft)", created if none exists yet — visible to everyone in the Anthropic workspace — and given a new version when the files changed.',
              row.name,
            ),
          ]
        : []),
    ];
    if (!(await this.acceptCost(lines, count.total, options))) {
      for (const item of itemsOf(folder)) run.skipped(item);
      return;
    }
    for (const item of itemsOf(folder)) run.enqueued(item);

    let subject: EvalSubject;
    let subjectWords: string;
    let draft: EvalDraft | undefined;
    if (profile === 'draft') {
      const made = await skillBundle().draftSubject(this.deps.client, entry.folder.fsPath, {
        exclude: excludePatterns(),
        title: row.skill ? skillTitle(row.skill) : row.name,
        readArchive: skillBundle().unpackVersionZip,
        slugs: this.deps.slugs,
        signal,
      });
      ({ subject, draft } = made);
      subjectWords = draft.uploaded
        ? vscode.l10n.t("the folder's eval draft ({0}, uploaded now)", draft.versionId)
        : vscode.l10n.t("the folder's eval draft ({0}, unchanged)", draft.versionId);
      const said = draft.renamed
        ? vscode.l10n.t('{0}: {1}; renamed: may not be representative', name, subjectWords)
        : vscode.l10n.t('{0}: {1}', name, subjectWords);
      run.appendOutput(terminalText(`${said}\n`));
    } else {
      const picked = await this.publishedSubject(entry.folder, options.version);
      if (!picked) {
        for (const item of itemsOf(folder)) run.skipped(item);
        return;
      }
      ({ subject, words: subjectWords } = picked);
    }
    const { baseline, words: baselineWords } = await this.baselineOf(entry.folder, profile);
    const turnMinutes = tryTurnTimeoutMinutes();
    const plan: EvalPlan = {
      // The frontmatter's name: evals.json's skill_name may lag behind it (a Problem says so).
      skillName: row.frontmatterName ?? entry.quality?.skillName ?? row.name,
      description: subject.description ?? '',
      skillPath: entry.folder.fsPath,
      model: model.id,
      graderModel,
      maxTokens: model.maxTokens,
      runs: planned.runs,
      triggerRuns: planned.triggerRuns,
      subject,
      baseline,
      neighbours: await this.neighbours(entry.folder, subject.attachment),
      evals,
      queries,
      turnBound: { maxDurationMs: turnMinutes * 60_000, durationNote: 'claudeSkills.tryTurnTimeoutMinutes' },
    };
    const qualityText = entry.qualityUri ? (entry.texts.get(entry.qualityUri.toString()) ?? '') : '';
    const summary = await skillBundle().runEvals(
      this.deps.evalClients,
      plan,
      { concurrency: evalConcurrency(), resultsFolder: resultsFolderOf(entry.folder), signal },
      {
        onEvalStarted: (e) => run.started(folder.evalItems.get(e.id)!),
        onQueryStarted: (q) => run.started(folder.queryItems.get(q.index)!),
        onRun: (e, r) =>
          run.appendOutput(
            terminalText(
              `\n── ${vscode.l10n.t('Eval {0}, {1} run {2}', e.id, r.configuration, r.runNumber)} ──\n${r.transcript}`,
            ),
            undefined,
            folder.evalItems.get(e.id),
          ),
        onEval: (o) => this.reportEval(run, folder, o, qualityText),
        onQuery: (o) => this.reportQuery(run, folder, o),
      },
    );
    for (const [id, item] of folder.evalItems) if (!summary.evals.some((o) => o.entry.id === id)) run.skipped(item);
    for (const [index, item] of folder.queryItems)
      if (!summary.queries.some((o) => o.entry.index === index)) run.skipped(item);
    if (summary.iteration) {
      const report = vscode.Uri.file(path.join(summary.iteration.folder, 'report.md'));
      const markdown = skillBundle().evalReportMarkdown(summary, {
        skillName: plan.skillName,
        model: plan.model,
        graderModel,
        subject: subjectWords,
        baseline: baselineWords,
        renamed: subject.renamed,
      });
      await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(markdown));
      this.reports.set(entry.folder.toString(), report);
      run.appendOutput(
        terminalText(
          `\n${vscode.l10n.t('{0}: the report and artifacts are in {1}', name, summary.iteration.folder)}\n`,
        ),
      );
    }
  }

  private reportEval(run: RecordedRun, folder: FolderRun, outcome: EvalOutcome, text: string): void {
    const item = folder.evalItems.get(outcome.entry.id);
    if (!item) return;
    folder.done.add(item);
    const uri = folder.entry.qualityUri!;
    const baseline = skillBundle().baselineLine(outcome);
    const duration = outcome.runs.reduce((ms, r) => ms + r.timing.duration_ms, 0);
    if (outcome.verdict === 'errored') {
      const message = new vscode.TestMessage(describeError(outcome.error));
      message.location = new vscode.Location(uri, rangeOf(text, outcome.entry.span));
      run.errored(item, message, duration);
      return;
    }
    if (outcome.verdict === 'passed') {
      run.appendOutput(
        terminalText(
          `${baseline ? vscode.l10n.t('Eval {0} passed; {1}', outcome.entry.id, baseline) : vscode.l10n.t('Eval {0} passed', outcome.entry.id)}\n`,
        ),
        undefined,
        item,
      );
      run.passed(item, duration);
      return;
    }
    const messages = outcome.failures.map((f) => {
      const message = new vscode.TestMessage(
        vscode.l10n.t('{0}\n\nGrader (run {1}): {2}', f.text, f.runNumber, f.evidence),
      );
      const span = outcome.entry.expectations[f.index]?.span ?? outcome.entry.span;
      message.location = new vscode.Location(uri, rangeOf(text, span));
      return message;
    });
    if (baseline) {
      const message = new vscode.TestMessage(baseline);
      message.location = new vscode.Location(uri, rangeOf(text, outcome.entry.span));
      messages.push(message);
    }
    run.failed(item, messages, duration);
  }

  private reportQuery(run: RecordedRun, folder: FolderRun, outcome: QueryOutcome): void {
    const item = folder.queryItems.get(outcome.entry.index);
    if (!item) return;
    folder.done.add(item);
    const text = folder.entry.triggerUri ? (folder.entry.texts.get(folder.entry.triggerUri.toString()) ?? '') : '';
    const location = new vscode.Location(folder.entry.triggerUri!, rangeOf(text, outcome.entry.span));
    const read = outcome.triggered.filter(Boolean).length;
    const said = outcome.entry.shouldTrigger
      ? vscode.l10n.t('Read the skill in {0} of {1} runs (it should trigger).', read, outcome.triggered.length)
      : vscode.l10n.t('Read the skill in {0} of {1} runs (it should not trigger).', read, outcome.triggered.length);
    if (outcome.verdict === 'errored') {
      const message = new vscode.TestMessage(`${said} ${outcome.errors.map((e) => describeError(e)).join(' ')}`);
      message.location = location;
      run.errored(item, message);
    } else if (outcome.verdict === 'passed') {
      run.appendOutput(
        terminalText(`${vscode.l10n.t('Query {0}: {1}', outcome.entry.index, said)}\n`),
        undefined,
        item,
      );
      run.passed(item);
    } else {
      const message = new vscode.TestMessage(said);
      message.location = location;
      run.failed(item, message);
    }
  }
}

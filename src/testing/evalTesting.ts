// The Skill Evals test controller with its two run profiles, over the discovery (evalTests.ts) and the
// runs (evalRuns.ts).
import * as vscode from 'vscode';
import { EvalTesting } from '../constants';
import { EvalRuns, type EvalRunDeps } from './evalRuns';
import { EvalTests } from './evalTests';
import type { RulesTable } from '../workspace/rulesTable';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';

export interface EvalTesting {
  tests: EvalTests;
  runs: EvalRuns;
  disposable: vscode.Disposable;
}

export function registerEvalTesting(
  folders: Pick<SkillFolderWatcher, 'all' | 'onDidChange' | 'onDidTouch'>,
  deps: Omit<EvalRunDeps, 'tests'>,
  rules: Pick<RulesTable, 'load' | 'code'>,
): EvalTesting {
  const tests = new EvalTests(folders, rules);
  const runs = new EvalRuns({ ...deps, tests });
  const { controller } = tests;
  const profiles = [
    controller.createRunProfile(
      EvalTesting.runProfile,
      vscode.TestRunProfileKind.Run,
      async (request, token) => void (await runs.run(request, token, 'draft')),
      true,
    ),
    controller.createRunProfile(
      EvalTesting.publishedProfile,
      vscode.TestRunProfileKind.Run,
      async (request, token) => void (await runs.run(request, token, 'published')),
      false,
    ),
  ];
  return { tests, runs, disposable: vscode.Disposable.from(tests, ...profiles) };
}

// The ids src/constants.ts declares once are the ones package.json contributes and its when-clauses (and the
// walkthrough's completion events) read.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CommandIds,
  ContextKeys,
  ContextValues,
  InternalCommandIds,
  WALKTHROUGH_ID,
  setContext,
  SettingIds,
  StateKeys,
  ViewContainerId,
  ViewIds,
} from '../../../src/constants';
import { STATE_KINDS } from '../../../src/skill/publishState';
import { repoRoot } from '../../support/vscodeServer';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const { contributes } = manifest;
const whenClauses: string[] = [
  ...Object.values<{ when?: string }[]>(contributes.menus).flat(),
  ...contributes.viewsWelcome,
  ...Object.values<{ when?: string }[]>(contributes.views).flat(),
  // The walkthrough's steps complete on context keys too.
  ...contributes.walkthroughs.flatMap((w: { steps: { completionEvents: string[] }[] }) =>
    w.steps.flatMap((step) => step.completionEvents.map((event) => ({ when: event.replace(/^onContext:/, '') }))),
  ),
]
  .map((entry) => entry.when)
  .filter((when): when is string => when !== undefined);

describe('ids declared once in src/constants.ts', () => {
  it('contributes exactly the declared commands, and none of the internal ones', () => {
    const contributed = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
    const declared: string[] = Object.values(CommandIds);
    assert.deepEqual([...contributed].sort(), declared.sort());
    for (const id of Object.values(InternalCommandIds)) assert.ok(!contributed.has(id), id);
  });

  it('declares the container and the views package.json contributes', () => {
    assert.deepEqual(
      contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id),
      [ViewContainerId],
    );
    assert.deepEqual(
      contributes.views[ViewContainerId].map((v: { id: string }) => v.id),
      Object.values(ViewIds),
    );
  });

  it('declares every claudeSkills context key a when-clause reads, and each one is read', () => {
    const viewIds = new Set<string>(Object.values(ViewIds));
    const read = new Set(
      whenClauses.flatMap((when) => when.match(/claudeSkills\.\w+/g) ?? []).filter((key) => !viewIds.has(key)),
    );
    assert.deepEqual([...read].sort(), Object.values(ContextKeys).sort());
  });

  it('matches every viewItem test against a declared context value', () => {
    // A Workspace Skills row's value is composed: `workspaceSkill.<state>`, then `.published` when it
    // remembers its target or `.matched` when its name found one.
    const rows = STATE_KINDS.flatMap((kind) => [
      `${ContextValues.workspaceSkill}.${kind}`,
      `${ContextValues.workspaceSkill}.${kind}.published`,
      `${ContextValues.workspaceSkill}.${kind}.matched`,
    ]);
    const values: string[] = [...Object.values(ContextValues), ...rows];
    const tests = whenClauses.flatMap((when) => [...when.matchAll(/viewItem (==|=~) (\S+)/g)]);
    assert.ok(tests.length > 0);
    for (const [, operator, operand] of tests) {
      if (operator === '==') assert.ok(values.includes(operand), `viewItem == ${operand} is not declared`);
      else {
        const pattern = new RegExp(operand.slice(1, operand.lastIndexOf('/')));
        assert.ok(
          values.some((v) => pattern.test(v)),
          `viewItem =~ ${operand} matches no declared value`,
        );
      }
    }
  });

  it('names settings package.json declares, and keeps stored state apart from them', () => {
    for (const id of Object.values(SettingIds)) assert.ok(contributes.configuration.properties[id], id);
    const settings = new Set(Object.keys(contributes.configuration.properties));
    for (const key of Object.values(StateKeys)) assert.ok(!settings.has(key), key);
  });

  it("marks a walkthrough step done when its key turns true, once, with VS Code's own command", async () => {
    const ran: unknown[][] = [];
    const commands = { executeCommand: async (...args: unknown[]) => void ran.push(args) };
    await setContext(commands as never, ContextKeys.hasTried, true);
    await setContext(commands as never, ContextKeys.hasTried, true);
    await setContext(commands as never, ContextKeys.filtered, true);
    const marks = ran.filter(([id]) => id === 'welcome.markStepComplete');
    assert.deepEqual(marks, [['welcome.markStepComplete', `${WALKTHROUGH_ID}#try`]]);
    assert.equal(ran.filter(([id]) => id === 'setContext').length, 3);
  });
});

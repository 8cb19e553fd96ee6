// The emulator's stand-in for a grader: a request that forces one tool of its own (`tool_choice` of type
// `tool`) and runs no code is answered by a call of that tool, deterministically. It reads the request as
// our grader writes it: the expectations are the numbered lines (`0. …`) of the last `## ` section, and the
// evidence is everything before that section except the task (`<task>…</task>`) and the expected output
// (`<expected>…</expected>`), which are not the run's. An expectation passes when its first quoted phrase
// ("…" or “…”) appears in the evidence, case aside; one without a quoted phrase fails, saying why. A task
// holding `[grader-off-schema]` gets an answer that does not fit the schema (an index missing, a verdict
// that is not a boolean), for the engine's refusal of it. It is a test double: its evidence says so.
import type { ScriptedTurn } from './scriptedModel';

export interface GraderAsk {
  toolName: string;
  /** The user message's text. */
  text: string;
}

const between = (text: string, open: string, close: string) => {
  const start = text.indexOf(open);
  const end = text.indexOf(close, start + open.length);
  return start === -1 || end === -1 ? text : text.slice(0, start) + text.slice(end + close.length);
};

function expectationsOf(text: string): { lines: string[]; evidence: string } {
  const last = text.lastIndexOf('\n## ');
  const section = last === -1 ? '' : text.slice(last);
  const lines = section
    .split('\n')
    .map((line) => /^(\d+)\. (.*)$/.exec(line)?.[2])
    .filter((line): line is string => line !== undefined);
  const before = last === -1 ? text : text.slice(0, last);
  return { lines, evidence: between(between(before, '<task>', '</task>'), '<expected>', '</expected>') };
}

const quoted = (expectation: string) => /"([^"]+)"|“([^”]+)”/.exec(expectation)?.slice(1).find(Boolean);

export function gradedTurn(ask: GraderAsk, toolId: string): ScriptedTurn {
  const { lines, evidence } = expectationsOf(ask.text);
  const haystack = evidence.toLowerCase();
  let expectations: Record<string, unknown>[] = lines.map((line, index) => {
    const phrase = quoted(line);
    if (phrase === undefined) {
      return {
        index,
        passed: false,
        evidence: '[Emulator grader] No quoted phrase to look for: the emulator grades by quoted phrases.',
      };
    }
    const passed = haystack.includes(phrase.toLowerCase());
    return {
      index,
      passed,
      evidence: `[Emulator grader] "${phrase}" ${passed ? 'appears in' : 'appears nowhere in'} the transcript or the files.`,
    };
  });
  if (ask.text.includes('[grader-off-schema]')) {
    expectations = expectations.slice(1).map((e) => ({ ...e, passed: 'yes' }));
  }
  return {
    content: [{ type: 'tool_use', id: toolId, name: ask.toolName, input: { expectations } }],
    stopReason: 'tool_use',
    files: [],
    chunkBytes: 0,
    errorMidStream: false,
    stall: false,
  };
}

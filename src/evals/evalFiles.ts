// A skill folder's eval files, as skill-creator writes them (`evals/evals.json`: quality evals with
// expectations; `evals/trigger-eval.json`: queries for the description), read into what runs and where
// each entry sits in its file, so the editor can put a run button and a failure on its line. Every problem
// says what to fix; an entry with an error is left out of what runs, the rest still run. Strict JSON (no
// comments, no trailing commas): skill-creator's Python scripts read the same files.
import * as l10n from '@vscode/l10n';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { RuleId } from '../skill/problems';

/** Where something is in its file: offsets in UTF-16 code units, as editors count. */
export interface TextSpan {
  offset: number;
  length: number;
}

export interface EvalFileProblem {
  /** `evals-file` when absent. */
  rule?: Extract<RuleId, 'evals-skill-name'>;
  severity: 'error' | 'warning';
  message: string;
  span: TextSpan;
}

export interface Expectation {
  text: string;
  span: TextSpan;
}

/** An input file of an eval, relative to the skill folder with forward slashes, and where it is named. */
export interface InputFile {
  path: string;
  span: TextSpan;
}

export interface QualityEval {
  id: number;
  prompt: string;
  expectedOutput?: string;
  files: InputFile[];
  expectations: Expectation[];
  /** The whole entry. */
  span: TextSpan;
}

export interface QualityEvals {
  skillName?: string;
  /** Where `skill_name`'s value is, for a problem about it. */
  skillNameSpan?: TextSpan;
  evals: QualityEval[];
  problems: EvalFileProblem[];
}

export interface TriggerQuery {
  /** Its place in the file's array: what names it, since queries have no id. */
  index: number;
  query: string;
  shouldTrigger: boolean;
  span: TextSpan;
}

export interface TriggerQueries {
  queries: TriggerQuery[];
  problems: EvalFileProblem[];
}

/** Entries read at most from one file: far more than anyone runs, few enough that a huge file stays cheap. */
export const MAX_ENTRIES = 1000;
export const MAX_EXPECTATIONS = 100;

const spanOf = (node: Node): TextSpan => ({ offset: node.offset, length: node.length });
const isObject = (node: Node | undefined): node is Node => node?.type === 'object';

/** The value node of `key` in an object node, if the key is there. */
function field(node: Node, key: string): Node | undefined {
  return findNodeAtLocation(node, [key]);
}

/** The key's own node (its name in quotes), for a problem about a key being there at all. */
function keyNode(node: Node, key: string): Node | undefined {
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[0];
}

/** The parse, or the problems that stop it: a file that is not strict JSON, or not of the shape `expected`. */
function parseRoot(text: string, expected: 'object' | 'array', what: string): Node | EvalFileProblem[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    return errors.slice(0, 5).map((e) => ({
      severity: 'error',
      message: l10n.t(
        "This is not valid JSON ({0}): fix it here. Comments and trailing commas are not allowed, since skill-creator's scripts read the file too.",
        printParseErrorCode(e.error),
      ),
      span: { offset: e.offset, length: Math.max(e.length, 1) },
    }));
  }
  if (root?.type !== expected) {
    return [
      {
        severity: 'error',
        message: l10n.t('{0} must be a JSON {1}.', what, expected),
        span: root ? spanOf(root) : { offset: 0, length: Math.min(text.length, 1) },
      },
    ];
  }
  return root;
}

/** A path of an input file that stays in the skill folder on every system, or why it is not one. */
function inputPathProblem(path: string): string | undefined {
  if (path.trim() === '') return l10n.t('is empty');
  if (/^[\\/]|^[A-Za-z]:|^~/.test(path)) return l10n.t('must be relative to the skill folder');
  if (path.includes('\\')) return l10n.t('must use forward slashes');
  if (path.split('/').some((segment) => segment === '..')) return l10n.t('must stay inside the skill folder (no "..")');
  if (path.includes('\0')) return l10n.t('holds a NUL character');
  return undefined;
}

const baseName = (path: string) => path.split('/').filter(Boolean).pop() ?? path;

/** `evals/evals.json`: `{skill_name, evals: [{id, prompt, expected_output, files, expectations}]}`. */
export function parseQualityEvals(text: string): QualityEvals {
  const root = parseRoot(text, 'object', 'evals.json');
  if (Array.isArray(root)) return { evals: [], problems: root };
  const problems: EvalFileProblem[] = [];
  const problem = (node: Node, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, message, span: spanOf(node) });

  const skillNameNode = field(root, 'skill_name');
  let skillName: string | undefined;
  if (skillNameNode?.type === 'string') skillName = skillNameNode.value as string;
  else if (skillNameNode)
    problem(skillNameNode, l10n.t('"skill_name" must be a string: the frontmatter name of the skill.'));
  const skillNameSpan = skillNameNode ? spanOf(skillNameNode) : undefined;

  const list = field(root, 'evals');
  if (list?.type !== 'array') {
    problem(
      list ?? root,
      l10n.t('evals.json needs an "evals" array: [{"id": 1, "prompt": "…", "expectations": ["…"]}].'),
    );
    return { skillName, skillNameSpan, evals: [], problems };
  }
  const entries = list.children ?? [];
  if (entries.length > MAX_ENTRIES) {
    problem(
      entries[MAX_ENTRIES],
      l10n.t('Only the first {0} evals are read: split the file, or remove some.', MAX_ENTRIES),
    );
  }
  const evals: QualityEval[] = [];
  const ids = new Set<number>();
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    const parsed = parseQualityEval(entry, problem, ids);
    if (parsed) evals.push(parsed);
  }
  if (entries.length === 0)
    problem(list, l10n.t('There are no evals yet: add one with a prompt and its expectations.'), 'warning');
  return { skillName, skillNameSpan, evals, problems };
}

function parseQualityEval(
  entry: Node,
  problem: (node: Node, message: string, severity?: 'error' | 'warning') => void,
  ids: Set<number>,
): QualityEval | undefined {
  if (!isObject(entry)) {
    problem(entry, l10n.t('Each eval must be an object: {"id": 1, "prompt": "…", "expectations": ["…"]}.'));
    return undefined;
  }
  let ok = true;
  const fail = (node: Node, message: string) => {
    problem(node, message);
    ok = false;
  };

  const idNode = field(entry, 'id');
  const id = idNode?.value as unknown;
  if (!idNode) fail(entry, l10n.t('This eval has no "id": give it a whole number no other eval of the file has.'));
  else if (typeof id !== 'number' || !Number.isSafeInteger(id)) fail(idNode, l10n.t('"id" must be a whole number.'));
  else if (ids.has(id)) fail(idNode, l10n.t('Another eval already has the id {0}: ids must be unique.', id));
  else ids.add(id);
  const label = typeof id === 'number' ? l10n.t('Eval {0}', id) : l10n.t('This eval');

  const promptNode = field(entry, 'prompt');
  if (!promptNode) fail(entry, l10n.t('{0} has no "prompt": add the task a user would give.', label));
  else if (promptNode.type !== 'string' || !(promptNode.value as string).trim())
    fail(promptNode, l10n.t('"prompt" must be a non-empty string: the task a user would give.'));

  const expectedNode = field(entry, 'expected_output');
  if (expectedNode && expectedNode.type !== 'string') fail(expectedNode, l10n.t('"expected_output" must be a string.'));

  // skill-creator names them `expectations`; agentskills.io's guide, `assertions`. Either, not both.
  const expectationsNode = field(entry, 'expectations');
  const assertionsNode = field(entry, 'assertions');
  if (expectationsNode && assertionsNode) {
    fail(
      keyNode(entry, 'assertions') ?? assertionsNode,
      l10n.t('{0} has both "expectations" and "assertions": keep one list (they are the same thing).', label),
    );
  }
  const listNode = expectationsNode ?? assertionsNode;
  const listName = expectationsNode ? 'expectations' : 'assertions';
  const expectations: Expectation[] = [];
  if (listNode && listNode.type !== 'array') fail(listNode, l10n.t('"{0}" must be an array of statements.', listName));
  else if (listNode) {
    for (const item of (listNode.children ?? []).slice(0, MAX_EXPECTATIONS)) {
      if (item.type !== 'string' || !(item.value as string).trim())
        fail(item, l10n.t('Each of "{0}" must be a non-empty string a grader can check.', listName));
      else expectations.push({ text: item.value as string, span: spanOf(item) });
    }
    if ((listNode.children?.length ?? 0) > MAX_EXPECTATIONS)
      fail(listNode.children![MAX_EXPECTATIONS], l10n.t('An eval takes at most {0} expectations.', MAX_EXPECTATIONS));
  }
  if (ok && expectations.length === 0) {
    problem(
      listNode ?? promptNode ?? entry,
      l10n.t(
        '{0} has no expectations, so it cannot pass or fail: add statements a grader can check in the answer or the files.',
        label,
      ),
      'warning',
    );
  }

  const files = parseInputFiles(entry, fail);
  if (!ok || files === undefined) return undefined;
  return {
    id: id as number,
    prompt: promptNode!.value as string,
    ...(expectedNode ? { expectedOutput: expectedNode.value as string } : {}),
    files,
    expectations,
    span: spanOf(entry),
  };
}

/** `files`: paths relative to the skill folder; an upload keeps only a base name, so two may not share one. */
function parseInputFiles(entry: Node, fail: (node: Node, message: string) => void): InputFile[] | undefined {
  const node = field(entry, 'files');
  if (!node) return [];
  if (node.type !== 'array') {
    fail(
      node,
      l10n.t('"files" must be an array of paths relative to the skill folder, e.g. ["evals/files/input.csv"].'),
    );
    return undefined;
  }
  const files: InputFile[] = [];
  const bases = new Map<string, string>();
  let ok = true;
  for (const item of (node.children ?? []).slice(0, MAX_EXPECTATIONS)) {
    const path = item.value as unknown;
    const wrong = typeof path === 'string' ? inputPathProblem(path) : l10n.t('must be a string');
    if (wrong) {
      fail(item, l10n.t("This input file's path {0}.", wrong));
      ok = false;
      continue;
    }
    const clean = (path as string).replace(/^\.\//, '');
    const base = baseName(clean).toLowerCase();
    const other = bases.get(base);
    if (other !== undefined) {
      fail(
        item,
        l10n.t(
          '"{0}" and "{1}" have the same file name: in the container only the name is kept, so one would hide the other. Rename one.',
          clean,
          other,
        ),
      );
      ok = false;
      continue;
    }
    bases.set(base, clean);
    files.push({ path: clean, span: spanOf(item) });
  }
  return ok ? files : undefined;
}

/** `skill_name` against the frontmatter's `name`: skill-creator's scripts take the one for the other. */
export function skillNameProblem(
  quality: QualityEvals,
  frontmatterName: string | undefined,
): EvalFileProblem | undefined {
  if (quality.skillName === undefined || frontmatterName === undefined || quality.skillName === frontmatterName) {
    return undefined;
  }
  return {
    rule: 'evals-skill-name',
    severity: 'warning',
    message: l10n.t(
      '"skill_name" is "{0}", but SKILL.md\'s name is "{1}": write "{2}" here, as skill-creator\'s scripts expect.',
      quality.skillName,
      frontmatterName,
      frontmatterName,
    ),
    span: quality.skillNameSpan ?? { offset: 0, length: 0 },
  };
}

/** `evals/trigger-eval.json` (or skill-creator's exported `eval_set.json`): `[{query, should_trigger}]`. */
export function parseTriggerQueries(text: string): TriggerQueries {
  const root = parseRoot(text, 'array', l10n.t('The trigger queries file'));
  if (Array.isArray(root)) return { queries: [], problems: root };
  const problems: EvalFileProblem[] = [];
  const problem = (node: Node, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, message, span: spanOf(node) });
  const entries = root.children ?? [];
  if (entries.length > MAX_ENTRIES) {
    problem(entries[MAX_ENTRIES], l10n.t('Only the first {0} queries are read: remove some.', MAX_ENTRIES));
  }
  const queries: TriggerQuery[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.slice(0, MAX_ENTRIES).entries()) {
    if (!isObject(entry)) {
      problem(entry, l10n.t('Each query must be an object: {"query": "…", "should_trigger": true}.'));
      continue;
    }
    const queryNode = field(entry, 'query');
    const triggerNode = field(entry, 'should_trigger');
    let ok = true;
    if (queryNode?.type !== 'string' || !(queryNode.value as string).trim()) {
      problem(queryNode ?? entry, l10n.t('"query" must be a non-empty string: a realistic request from a user.'));
      ok = false;
    }
    if (!triggerNode) {
      problem(
        entry,
        l10n.t('This query has no "should_trigger": say true if the skill should be used for it, false if not.'),
      );
      ok = false;
    } else if (triggerNode.type !== 'boolean') {
      problem(triggerNode, l10n.t('"should_trigger" must be true or false.'));
      ok = false;
    }
    if (!ok) continue;
    const query = queryNode!.value as string;
    if (seen.has(query.trim()))
      problem(queryNode!, l10n.t('The same query is listed twice: it counts twice.'), 'warning');
    seen.add(query.trim());
    queries.push({ index, query, shouldTrigger: triggerNode!.value as boolean, span: spanOf(entry) });
  }
  if (entries.length === 0) {
    problem(
      root,
      l10n.t('There are no queries yet: add some that should trigger the skill and some near misses that should not.'),
      'warning',
    );
  }
  return { queries, problems };
}

/** 0-based line and character of an offset, for what shows problems without an editor (the CLI). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: end - lineStart };
}

// The command line run in-process, its streams captured: what a test asserts on.
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { repoRoot } from '../../support/vscodeServer';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; isTTY?: boolean; ask?: (question: string) => Promise<string> } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    // Not the test process's: no GITHUB_ACTIONS, no key, no proxy unless a test gives them.
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
    isTTY: options.isTTY ?? false,
    ask: options.ask,
  });
  return { code, stdout, stderr };
}

const ajv = new Ajv2020({ allErrors: true, strict: true });

/** The errors of `value` against docs/cli/<name>.schema.json, the documented `--json` shape. */
export function schemaErrors(name: string, value: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'docs', 'cli', `${name}.schema.json`), 'utf8')) as {
    $id: string;
  };
  const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * The errors of `log` against SARIF 2.1.0's JSON schema (OASIS's, as Microsoft's SARIF SDK ships it; one of
 * its patterns is no valid regular expression under the `u` flag, hence unicodeRegExp off).
 */
export function sarifErrors(log: unknown): string[] {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
    JSON.parse(readFileSync(path, 'utf8')),
  );
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

// The command line run in-process, its streams captured: what a test asserts on.
import Ajv2020 from 'ajv/dist/2020';
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
  options: { env?: NodeJS.ProcessEnv; cwd?: string; isTTY?: boolean } = {},
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

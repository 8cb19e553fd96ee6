// `claude-skills`: the extension's checks and its Skills API operations on the command line and in CI.
// main() takes the process whole (arguments, streams, environment), so tests run it in-process; it returns
// the exit code rather than exiting.
import * as l10n from '@vscode/l10n';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError, describeError } from '../api/errors';
import { version as packageVersion } from '../../package.json';
import { apiAccess, type ApiFlags } from './apiAccess';
import type { ApiCommand, CommandRun, LocalCommand } from './commandRun';
import { ExitCode, Output, UsageError, type CliIo } from './output';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
const API: Options = {
  'base-url': { type: 'string' },
  'workspace-id': { type: 'string' },
};

interface SpecText {
  summary: () => string;
  usage: string;
  options: Options;
}

/** A command, loaded when it runs: `--version` does not pay for yaml, jszip, secretlint or undici. */
type CommandSpec =
  | (SpecText & { api?: false; load: () => Promise<LocalCommand> })
  | (SpecText & { api: true; load: () => Promise<ApiCommand> });

const COMMANDS: Record<string, CommandSpec> = {
  validate: {
    summary: () => l10n.t("Check skill folders as the extension's Problems panel does; exit 1 on errors."),
    usage:
      'validate [paths…] [--target api|claude-code|vscode|…] [--exclude <pattern>] [--json | --format text|json|sarif]',
    options: {
      target: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      format: { type: 'string' },
    },
    load: async () => (await import('./commands/validate.js')).validate,
  },
  publish: {
    summary: () =>
      l10n.t(
        "Publish the folders that differ from their skill's latest version, after the checks; writes claude-skills.json.",
      ),
    usage:
      'publish [paths…] [--create] [--force] [--dry-run] [--yes] [--include-managed] [--json] [--base-url <url>] [--workspace-id <id>]',
    options: {
      ...API,
      create: { type: 'boolean' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      'include-managed': { type: 'boolean' },
    },
    api: true,
    load: async () => (await import('./commands/publish.js')).publish,
  },
  status: {
    summary: () =>
      l10n.t("Each skill folder's state against its skill: in sync, modified, newer elsewhere, never published."),
    usage: 'status [paths…] [--json] [--base-url <url>] [--workspace-id <id>]',
    options: { ...API },
    api: true,
    load: async () => (await import('./commands/status.js')).status,
  },
  diff: {
    summary: () =>
      l10n.t("A skill folder against its skill's latest version: files added, removed, changed, and their diffs."),
    usage: 'diff <path> [--json] [--base-url <url>] [--workspace-id <id>]',
    options: { ...API },
    api: true,
    load: async () => (await import('./commands/diff.js')).diff,
  },
  list: {
    summary: () => l10n.t('List the skills of the workspace, with their versions on --versions.'),
    usage: 'list [--source all|custom|anthropic] [--versions] [--json] [--base-url <url>] [--workspace-id <id>]',
    options: { ...API, source: { type: 'string' }, versions: { type: 'boolean' } },
    api: true,
    load: async () => (await import('./commands/list.js')).list,
  },
};

/** Runs a command; one that calls the API gets the client made from the environment, closed after. */
async function runCommand(spec: CommandSpec, run: CommandRun<never>, values: ApiFlags): Promise<ExitCode> {
  if (!spec.api) return (await spec.load())(run);
  const command = await spec.load();
  const access = apiAccess(run.io, values);
  try {
    return await command({ ...run, client: access.client });
  } finally {
    await access.close();
  }
}

function help(out: Output): void {
  out.line(`claude-skills ${packageVersion}`);
  out.line(l10n.t('Usage: claude-skills <command> [options]'));
  out.line();
  for (const [name, spec] of Object.entries(COMMANDS)) out.line(`  ${name.padEnd(10)}${spec.summary()}`);
  out.line();
  out.line(
    l10n.t(
      'The API key is read from ANTHROPIC_API_KEY only; ANTHROPIC_BASE_URL or --base-url names another API address. Exit codes: 0 ok, 1 findings or failures, 2 usage, 3 API or network error.',
    ),
  );
}

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const out = new Output(io);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help(out);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    out.line(packageVersion);
    return ExitCode.ok;
  }
  const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!spec) throw new UsageError(l10n.t('Unknown command "{0}". Run claude-skills --help for the commands.', name));
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: { ...COMMON, ...spec.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      out.line(`claude-skills ${spec.usage}`);
      out.line(spec.summary());
      return ExitCode.ok;
    }
    const run = {
      paths: positionals,
      flags: values as never,
      io,
      out,
      json: values.json === true,
      toolVersion: packageVersion,
    };
    return await runCommand(spec, run, values as ApiFlags);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.note(l10n.t('claude-skills: {0}', (err as Error).message));
      if (spec) out.note(l10n.t('Usage: claude-skills {0}', spec.usage));
      return ExitCode.usage;
    }
    out.note(l10n.t('claude-skills: {0}', describeError(err)));
    return err instanceof ApiError ? ExitCode.api : ExitCode.findings;
  }
}

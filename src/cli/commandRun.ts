// What main() hands a command: its paths and flags as parsed, the process, the writer, and for a command
// that calls the API the client. Every command takes this one shape and answers with its exit code.
import type { SkillsClient } from '../api/skillsClient';
import type { CliIo, ExitCode, Output } from './output';

export interface CommandRun<Flags> {
  paths: string[];
  flags: Flags;
  io: CliIo;
  out: Output;
  /** `--json`: the result as one documented JSON document. */
  json: boolean;
  toolVersion: string;
}

export type ApiCommandRun<Flags, Client = SkillsClient> = CommandRun<Flags> & { client: Client };

/** As main() calls them: the flags each command declares are the ones its spec's options parse. */
export type LocalCommand = (run: CommandRun<never>) => Promise<ExitCode>;
export type ApiCommand = (run: ApiCommandRun<never>) => Promise<ExitCode>;

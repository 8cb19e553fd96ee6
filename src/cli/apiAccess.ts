// The API as the command line reaches it: the key only from ANTHROPIC_API_KEY (never a flag, which shell
// history and process lists would keep), the base URL under the same rules as the extension's setting, and
// undici with an Agent of ours that honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
import * as l10n from '@vscode/l10n';
import { apiBaseUrlProblem } from '../api/baseUrl';
import { createNodeTransport, type NodeTransport } from '../api/nodeHttp';
import { SkillsClient } from '../api/skillsClient';
import { UsageError, type CliIo } from './output';

export const DEFAULT_BASE_URL = 'https://api.anthropic.com';

export interface ApiFlags {
  'base-url'?: string;
  'workspace-id'?: string;
}

export interface ApiAccess {
  client: SkillsClient;
  baseUrl: string;
  transport: NodeTransport;
  /** Closes the connections, so the process can end. */
  close(): Promise<void>;
}

export function apiAccess(io: CliIo, flags: ApiFlags): ApiAccess {
  const key = io.env.ANTHROPIC_API_KEY?.trim();
  if (!key) {
    throw new UsageError(
      l10n.t('Set ANTHROPIC_API_KEY to an API key of your Anthropic workspace: this command calls the API.'),
    );
  }
  const baseUrl = (flags['base-url'] ?? io.env.ANTHROPIC_BASE_URL ?? DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
  const problem = apiBaseUrlProblem(baseUrl);
  if (problem) throw new UsageError(l10n.t('The API base URL cannot be used: {0}', problem));
  const workspaceId = flags['workspace-id']?.trim() || undefined;
  const transport = createNodeTransport({ env: io.env });
  const client = new SkillsClient({
    transport,
    baseUrl: () => baseUrl,
    apiKey: () => key,
    workspaceId: () => workspaceId,
  });
  return { client, baseUrl, transport, close: () => transport.close() };
}

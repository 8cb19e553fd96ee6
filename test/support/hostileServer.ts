// A hostile or broken server, a few lines of node:http: each test gives the answer to every request, and
// the requests are counted. The emulator's fault knobs cover what a real API does; this covers what no
// real API should do.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiOptions } from '../../src/api/apiCore';
import { SkillsClient } from '../../src/api/client';
import { createNodeTransport } from '../../src/api/nodeHttp';

export type HostileHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface HostileServer {
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  handle(handler: HostileHandler): void;
  /** A client on this server whose retries sleep no time. */
  client(options?: Partial<ApiOptions>): SkillsClient;
  close(): Promise<void>;
}

export const HOSTILE_KEY = 'sk-ant-api03-hostile-test-key-0123456789';

/** Answers `body` as JSON with `status` (200 unless said). */
export function json(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startHostileServer(): Promise<HostileServer> {
  let handler: HostileHandler = (_req, res) => json(res, { data: [], next_page: null });
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    req.resume();
    void Promise.resolve(handler(req, res, url)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const transport = createNodeTransport();
  return {
    url,
    requests,
    handle: (next) => {
      handler = next;
      requests.length = 0;
    },
    client: (options = {}) =>
      new SkillsClient({
        transport,
        baseUrl: () => url,
        apiKey: () => HOSTILE_KEY,
        sleep: async () => undefined,
        random: () => 0,
        ...options,
      }),
    close: async () => {
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

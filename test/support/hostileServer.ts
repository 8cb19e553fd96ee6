// A hostile or broken server, a few lines of node:http: each test gives the answer to every request, and
// the requests are counted. The emulator's fault knobs cover what a real API does; this covers what no
// real API should do.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ApiOptions } from '../../src/api/apiCore';
import { SkillsClient } from '../../src/api/skillsClient';
import { createNodeTransport } from '../../src/api/nodeHttp';

export type HostileHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface HostileServer {
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  /** Every request's headers, in the same order. */
  headers: IncomingHttpHeaders[];
  handle(handler: HostileHandler): void;
  /** The options of a client on this server whose retries sleep no time. */
  apiOptions(options?: Partial<ApiOptions>): ApiOptions;
  client(options?: Partial<ApiOptions>): SkillsClient;
  close(): Promise<void>;
}

export const HOSTILE_KEY = 'sk-ant-api03-hostile-test-key-0123456789';

/** Answers `body` as JSON with `status` (200 unless said). */
export function json(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export interface HostileServerOptions {
  /** A loopback address of its own (127.0.0.1 unless said): another origin than the API's. */
  host?: string;
  /** Served over https with this key and certificate. */
  tls?: { key: string; cert: string };
}

export async function startHostileServer(options: HostileServerOptions = {}): Promise<HostileServer> {
  const host = options.host ?? '127.0.0.1';
  let handler: HostileHandler = (_req, res) => json(res, { data: [], next_page: null });
  const requests: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    requests.push(`${url.pathname}${url.search}`);
    headers.push(req.headers);
    req.resume();
    void Promise.resolve(handler(req, res, url)).catch(() => res.destroy());
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const url = `${options.tls ? 'https' : 'http'}://${host}:${(server.address() as AddressInfo).port}`;
  const transport = createNodeTransport();
  const apiOptions = (options: Partial<ApiOptions> = {}): ApiOptions => ({
    transport,
    baseUrl: () => url,
    apiKey: () => HOSTILE_KEY,
    sleep: async () => undefined,
    random: () => 0,
    ...options,
  });
  return {
    url,
    requests,
    headers,
    handle: (next) => {
      handler = next;
      requests.length = 0;
      headers.length = 0;
    },
    apiOptions,
    client: (options = {}) => new SkillsClient(apiOptions(options)),
    close: async () => {
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

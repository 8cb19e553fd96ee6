// The HTTP transport for plain Node (tests, benchmarks, the demo's tooling): undici's fetch bound to an
// Agent of ours. Only Node-side entry points import this module, so undici never enters the extension
// bundle, and it never sets undici's process-wide global dispatcher.
import { Agent, EnvHttpProxyAgent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { HttpTransport } from './apiCore';

export interface NodeTransportOptions {
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** An explicit proxy for every request; otherwise HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `env` apply. */
  proxyUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export interface NodeTransport extends HttpTransport {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  const env = options.env ?? process.env;
  const timeouts = {
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    headersTimeout: options.headersTimeoutMs ?? 60_000,
    bodyTimeout: options.bodyTimeoutMs ?? 60_000,
    keepAliveTimeout: 10_000,
  };
  const httpsProxy = env.HTTPS_PROXY || env.https_proxy;
  const httpProxy = env.HTTP_PROXY || env.http_proxy;
  const dispatcher: Dispatcher = options.proxyUrl
    ? new ProxyAgent({ uri: options.proxyUrl, ...timeouts })
    : httpsProxy || httpProxy
      ? // A ProxyAgent per scheme that honours NO_PROXY; a gateway on plain http uses HTTP_PROXY.
        new EnvHttpProxyAgent({ httpsProxy, httpProxy, noProxy: env.NO_PROXY ?? env.no_proxy, ...timeouts })
      : new Agent(timeouts);
  const boundFetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
  return {
    fetch: boundFetch,
    dispatcher,
    close: () => dispatcher.close(),
  };
}

// A real HTTP proxy (the `proxy` package) on loopback that records what it is asked to forward.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** `METHOD target` of every request and CONNECT it received, in order. */
  proxied: string[];
  close(): void;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const { createProxy } = await import('proxy');
  const server = createProxy(createServer());
  const proxied: string[] = [];
  // A client may tunnel with CONNECT even to an http: target (undici does), or send an absolute URL.
  for (const event of ['request', 'connect'])
    server.on(event, (req: IncomingMessage) => proxied.push(`${req.method} ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    proxied,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** The operations endpoints: `GET /healthz` (200 once the index is loaded, 503 before) and `GET /metrics`. */

import { createServer } from 'node:http';
import type { Registry } from 'prom-client';
import { listen } from './serve.ts';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves health and metrics on `port` (0: any free one). */
export async function startOpsServer(options: {
  port: number;
  host?: string;
  registry: Registry;
  ready: () => boolean;
}): Promise<OpsServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET') return void res.writeHead(405).end();
    if (req.url === '/healthz') {
      const ready = options.ready();
      return void res
        .writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' })
        .end(ready ? 'ok' : 'starting');
    }
    if (req.url === '/metrics') {
      options.registry
        .metrics()
        .then((text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text))
        .catch(() => res.writeHead(500).end());
      return;
    }
    res.writeHead(404).end();
  });
  await listen(server, options.port, options.host);
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The HTTP side of a graceful stop. Behind a platform that sends SIGTERM then waits (Heroku-like:
 * 30 s), the service must stop taking work, answer what it has, and exit well before the end.
 *
 * - `drain()`: from now on every response says `Connection: close` (those in flight too, when their
 *   headers are not sent yet), and idle keep-alive sockets are closed: clients reconnect elsewhere.
 * - `close(graceMs)`: stops accepting connections and waits for the requests in flight; after
 *   `graceMs` cuts what is left and resolves false (true when everything ended by itself).
 *
 * Long-lived streams (SSE, WebSockets) are ended by their owners before `close` (app.close()).
 */
import type { Server, ServerResponse } from 'node:http';

export interface HttpShutdown {
  drain(): void;
  close(graceMs: number): Promise<boolean>;
}

export function trackForShutdown(server: Server): HttpShutdown {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  server.on('request', (_req, res: ServerResponse) => {
    if (draining) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  return {
    drain() {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      server.closeIdleConnections();
    },

    async close(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const clean = await Promise.race([
        closed.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (!clean) {
        server.closeAllConnections();
        await closed;
      }
      return clean;
    },
  };
}

/** /metrics on a port of its own (METRICS_PORT), kept off the public port: nothing else is served there. */
import type { Server } from 'node:http';
import express from 'express';
import { createMetricsRouter, type MetricsSource } from './http';

export async function startMetricsServer(source: MetricsSource, options: { port: number; token: string | undefined }): Promise<{ server: Server; port: number }> {
  const app = express();
  app.disable('x-powered-by');
  app.use(createMetricsRouter(source, options.token));
  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  const server = app.listen(options.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : options.port };
}

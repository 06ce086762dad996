/**
 * METRICS_PORT: the service as main starts it (startService, real Redis), /metrics on a port of its
 * own and absent from the public port.
 */
import { loadEnv } from '../../src/config/env';
import { silentLogger } from '../../src/logging';
import { startService, type RunningService } from '../../src/main';
import { createStoreKeys } from '../../src/storage/keys';
import { TEST_REDIS_URL, uniqueTestNamespace } from '../storage/redis-test-env';
import { TEST_REDIS_TARGET } from '../support/redisTarget';
import { parseExposition, valueOf } from './exposition';

/** On the suites' Redis (test/support/redisTarget.ts): the Cluster when there is one, else the server. */
const REDIS: Record<string, string> =
  TEST_REDIS_TARGET.kind === 'cluster'
    ? { REDIS_CLUSTER_NODES: TEST_REDIS_TARGET.nodes.map((node) => `${node.host}:${node.port}`).join(',') }
    : { REDIS_URL: TEST_REDIS_URL };

async function serviceWith(variables: Record<string, string>): Promise<RunningService> {
  const env = loadEnv({ PORT: '0', ...REDIS, LOG_LEVEL: 'silent', ...variables });
  return startService(env, silentLogger(), { keys: createStoreKeys(uniqueTestNamespace('metrics-port')) });
}

describe('/metrics on a port of its own', () => {
  it('When METRICS_PORT is set, then /metrics answers there without a token and the public port does not serve it', async () => {
    const service = await serviceWith({ METRICS_PORT: '0' });
    try {
      expect(service.metricsPort).toEqual(expect.any(Number));
      expect(service.metricsPort).not.toBe(service.port);
      const publicSide = await fetch(`http://127.0.0.1:${service.port}/metrics`, { headers: { authorization: 'Bearer dev-metrics-token-not-a-secret' } });
      expect(publicSide.status).toBe(404);
      expect(await publicSide.text()).not.toContain('o360_');
      const own = await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`);
      expect(own.status).toBe(200);
      const samples = parseExposition(await own.text());
      expect(valueOf(samples, 'o360_calls_started_total')).toBe(0);
      expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
      expect((await fetch(`http://127.0.0.1:${service.metricsPort}/voice/incoming`, { method: 'POST' })).status).toBe(404);
    } finally {
      await service.stop();
    }
  });

  it('When METRICS_PORT and METRICS_TOKEN are both set, then the own port asks for the token too', async () => {
    const service = await serviceWith({ METRICS_PORT: '0', METRICS_TOKEN: 'own-port-metrics-token-0123' });
    try {
      expect((await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).status).toBe(401);
      const allowed = await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`, { headers: { authorization: 'Bearer own-port-metrics-token-0123' } });
      expect(allowed.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${service.port}/metrics`, { headers: { authorization: 'Bearer own-port-metrics-token-0123' } })).status).toBe(404);
    } finally {
      await service.stop();
    }
  });

  it('When METRICS_PORT is not set, then the public port serves /metrics behind the token only', async () => {
    const service = await serviceWith({ METRICS_TOKEN: 'public-port-metrics-token-0123' });
    try {
      expect(service.metricsPort).toBeUndefined();
      expect((await fetch(`http://127.0.0.1:${service.port}/metrics`)).status).toBe(401);
      const allowed = await fetch(`http://127.0.0.1:${service.port}/metrics`, { headers: { authorization: 'Bearer public-port-metrics-token-0123' } });
      expect(allowed.status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});

/**
 * Which Redis the suites that use one run on: the Cluster named by REDIS_CLUSTER_NODES when it is set
 * (`REDIS_CLUSTER_NODES=127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003 npm test`), else the one server
 * at REDIS_URL (or 127.0.0.1:6379). Suites that put a TCP proxy in front of Redis stay on the server.
 */
import { parseRedisNodeList } from '../../src/config/env';
import type { RedisTarget } from '../../src/storage/redis-target';
import { TEST_REDIS_URL } from '../storage/redis-test-env';

function testRedisTarget(): RedisTarget {
  const list = process.env.REDIS_CLUSTER_NODES?.trim();
  if (!list) return { kind: 'standalone', url: TEST_REDIS_URL };
  const nodes = parseRedisNodeList(list);
  if (!nodes) throw new Error('REDIS_CLUSTER_NODES must be a list of host:port');
  return { kind: 'cluster', nodes };
}

export const TEST_REDIS_TARGET: RedisTarget = testRedisTarget();

/** For test names: where the suite runs. */
export const TEST_REDIS_LABEL = TEST_REDIS_TARGET.kind === 'cluster' ? `cluster ${process.env.REDIS_CLUSTER_NODES}` : TEST_REDIS_URL;

/**
 * How long a suite's store or bus waits for the suites' Redis to answer at connect: generous, because
 * a busy CI machine once kept a first connect past the service's own default (1 s) and failed a file.
 */
export const TEST_CONNECT_TIMEOUT_MS = 10_000;

/**
 * The store's wait for replicas on Redis (Sentinel: a ticket is answered once the replica holds it):
 * WAIT on the node of each key written, bounded; after a shortfall (a replica gone, e.g. the old
 * primary after a failover) the writes stand on the primary, the log says so once, and writes stop
 * waiting for a while before trying again.
 */
import type { KeyValueStore } from '../domain/ports';
import type { Logger } from '../logging/logger';
import type { RunCommand } from './redis-connection';
import type { RedisHandle } from './redis-target';

/** After replicas failed to confirm a write, how long writes go without waiting for them. */
const REPLICATION_RETRY_MS = 5000;

export interface ReplicaWaitOptions {
  /** Wait for this many replicas, at most `timeoutMs`; absent: no replica to wait for (resolves true at once). */
  replication?: { replicas: number; timeoutMs: number };
  commandTimeoutMs: number;
  logger?: Logger;
}

export function replicaWaiter(handle: RedisHandle, run: RunCommand, options: ReplicaWaitOptions): KeyValueStore['waitForReplicas'] {
  const { replication, commandTimeoutMs, logger } = options;
  const where = handle.where;
  /** Whether the last WAIT fell short: logged once until replicas confirm again. */
  let unreplicated = false;
  /** Before this time (after a shortfall), waitForReplicas does not wait. */
  let waitAgainAt = 0;

  return async (keys) => {
    if (!replication || replication.replicas < 1 || keys.length === 0) return true;
    // WAIT holds its connection (every command behind it) until it times out: after a shortfall (a
    // replica gone, e.g. the old primary after a failover), try again only once in a while.
    if (Date.now() < waitAgainAt) return false;
    // One connection per node: one WAIT covers every earlier write on it (Cluster: per slot's master).
    const waitOn = handle.kind === 'cluster' ? [...new Set(keys)] : [keys[0]!];
    const counts = await Promise.all(
      waitOn.map((key) =>
        run('WAIT', () => handle.waitForReplicas(key, replication.replicas, Math.max(1, Math.min(replication.timeoutMs, Math.floor(commandTimeoutMs / 2))))),
      ),
    );
    const held = counts.every((count) => count >= replication.replicas);
    if (!held && !unreplicated) logger?.warn({ redis: where }, 'Redis replicas did not confirm a write in time: it stands on the primary only');
    if (held && unreplicated) logger?.info({ redis: where }, 'Redis replicas confirm writes again');
    unreplicated = !held;
    waitAgainAt = held ? 0 : Date.now() + REPLICATION_RETRY_MS;
    return held;
  };
}

/**
 * Runs a command with a local three-master Redis Cluster up, named in REDIS_CLUSTER_NODES, and
 * stops the cluster afterwards: `npx tsx test/support/withRedisCluster.ts npx jest test/storage`.
 * Exits with the command's status.
 */
import { spawn } from 'node:child_process';
import { startRedisCluster } from './redisServers';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    process.stderr.write('usage: tsx test/support/withRedisCluster.ts <command> [args…]\n');
    return 2;
  }
  const cluster = await startRedisCluster();
  process.stdout.write(`Redis Cluster up: REDIS_CLUSTER_NODES=${cluster.nodeList}\n`);
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, REDIS_CLUSTER_NODES: cluster.nodeList } });
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      child.once('error', () => resolve(127));
    });
  } finally {
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);

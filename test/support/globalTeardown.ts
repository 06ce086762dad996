/** Jest global teardown: stops the redis-server globalSetup.ts started (never one it found running). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__o360TestRedis?.stop();
  globalThis.__o360TestRedis = undefined;
}

/** Both stores accept the same TTLs: a whole number of seconds, at least 1 (Redis rejects EX 0). */
export function assertTtlSeconds(ttlSeconds: number): void {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new RangeError(`TTL must be a whole number of seconds >= 1, got ${ttlSeconds}`);
  }
}

/**
 * A fixed-window counter per key (an IP address, a conversation), in this process's memory.
 * With several processes each counts on its own: the effective limit is `limit` × processes.
 */
export interface RateLimiter {
  /** Counts one hit; returns 0 when allowed, else the seconds until the window ends (for Retry-After). */
  hit(key: string, nowMs: number): number;
}

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 50_000;
  const windows = new Map<string, { start: number; count: number }>();

  function prune(nowMs: number): void {
    for (const [key, window] of windows) if (nowMs - window.start >= windowMs) windows.delete(key);
    // Still full (a flood of distinct keys): forget the oldest half rather than grow without bound.
    if (windows.size >= maxKeys) {
      let toDrop = Math.ceil(windows.size / 2);
      for (const key of windows.keys()) {
        if (toDrop-- <= 0) break;
        windows.delete(key);
      }
    }
  }

  return {
    hit(key, nowMs) {
      let window = windows.get(key);
      if (!window || nowMs - window.start >= windowMs) {
        if (!window && windows.size >= maxKeys) prune(nowMs);
        window = { start: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return 0;
      return Math.max(1, Math.ceil((window.start + windowMs - nowMs) / 1000));
    },
  };
}

/**
 * Sign-in attempts, counted per account and per client address in a sliding window. An attempt
 * is counted before the password is checked (so parallel attempts cannot slip past the limit) and
 * given back when it succeeds. Past the limit, further attempts are refused (429) until the window
 * has moved on — whether or not the password would be right. In memory: one instance per process
 * (see infra/README.md).
 */
export interface LoginLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before trying again, or 0 when an attempt may be made. */
  retryAfter(username: string, address: string): number {
    const wait = Math.max(this.waitFor(`u:${username}`, this.limits.perAccount), this.waitFor(`a:${address}`, this.limits.perAddress));
    return Math.ceil(wait / 1000);
  }

  recordFailure(username: string, address: string): void {
    for (const key of [`u:${username}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 50_000) this.prune();
  }

  /** A successful attempt: the account starts afresh, and the address gets this attempt back. */
  recordSuccess(username: string, address: string): void {
    this.failures.delete(`u:${username}`);
    const recent = this.recent(`a:${address}`);
    recent.pop();
    this.failures.set(`a:${address}`, recent);
  }

  private waitFor(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit]! + this.limits.windowMs - this.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of this.failures.keys()) if (this.recent(key).length === 0) this.failures.delete(key);
  }
}

import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

describe('LoginLimiter', () => {
  const limits = { windowMs: 60_000, perAccount: 3, perAddress: 5 };

  it('refuses an account after its limit of failures, until the window moves on', () => {
    let now = 0;
    const limiter = new LoginLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('wang', '1.1.1.1')).toBe(0);
      limiter.recordFailure('wang', '1.1.1.1');
      now += 1000;
    }
    expect(limiter.retryAfter('wang', '2.2.2.2')).toBe(57);
    expect(limiter.retryAfter('li', '2.2.2.2')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter('wang', '2.2.2.2')).toBe(0);
  });

  it('refuses an address that tries many accounts', () => {
    const limiter = new LoginLimiter(limits, () => 0);
    for (const user of ['a', 'b', 'c', 'd', 'e']) limiter.recordFailure(user, '9.9.9.9');
    expect(limiter.retryAfter('f', '9.9.9.9')).toBeGreaterThan(0);
    expect(limiter.retryAfter('f', '8.8.8.8')).toBe(0);
  });

  it('forgets an account’s failures after a successful sign-in', () => {
    const limiter = new LoginLimiter(limits, () => 0);
    limiter.recordFailure('wang', '1.1.1.1');
    limiter.recordFailure('wang', '1.1.1.1');
    limiter.recordSuccess('wang', '1.1.1.1');
    limiter.recordFailure('wang', '1.1.1.1');
    expect(limiter.retryAfter('wang', '1.1.1.1')).toBe(0);
  });
});

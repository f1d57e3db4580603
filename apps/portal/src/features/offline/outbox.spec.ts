import type { Site } from '@sitenet/domain';
import type { SiteCreateBody } from '@sitenet/domain/schemas';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES } from '#/api/client';
import { site as siteFactory, versionConflict } from '#/features/sites/test-factories';
import { createOutbox, isConnectionLost, type OutboxTransport, outboxKeyOf, type QueuedSave } from './outbox';

const ACCOUNT = 'acc-1';
const offlineError = () => new ApiError({ statusCode: 0, code: CLIENT_ERROR_CODES.network, message: '无法连接', messages: { 'zh-CN': '无法连接', en: 'offline' } });
const apiRefusal = (statusCode: number, code: string, extra: Record<string, unknown> = {}) =>
  new ApiError({ statusCode, code, message: code, messages: { 'zh-CN': code, en: code }, ...extra });

function edit(siteId: string, name: string, version = 3): Omit<QueuedSave, 'queuedAt' | 'state'> {
  return { key: `site:${siteId}`, accountId: ACCOUNT, operation: 'update', siteId, clientId: null, body: { version, name }, form: { kind: 'workshop', values: { name }, base: {}, version } };
}
function registration(clientId: string, name: string): Omit<QueuedSave, 'queuedAt' | 'state'> {
  return { key: `new:${clientId}`, accountId: ACCOUNT, operation: 'create', siteId: null, clientId, body: { kind: 'workshop', regionCode: '220102', name } as SiteCreateBody, form: { kind: 'workshop', values: { name }, base: {}, version: null } };
}

/** A fake API: answers what `next` says, records every call. */
function fakeTransport() {
  const calls: Array<{ op: 'create' | 'update'; id: string; body: unknown }> = [];
  let next: (call: (typeof calls)[number]) => Promise<Site> = (call) => Promise.resolve(siteFactory({ id: call.op === 'update' ? call.id : 'created-1', name: (call.body as { name: string }).name }));
  const transport: OutboxTransport = {
    create: (body, key) => {
      const call = { op: 'create' as const, id: key, body };
      calls.push(call);
      return next(call);
    },
    update: (id, body) => {
      const call = { op: 'update' as const, id, body };
      calls.push(call);
      return next(call);
    },
  };
  return { transport, calls, answer: (fn: typeof next) => (next = fn) };
}

describe('the outbox', () => {
  let online: boolean;
  let account: string | null;
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    online = false;
    account = ACCOUNT;
  });
  afterEach(() => vi.useRealTimers());

  const make = (transport: OutboxTransport, keepForm = vi.fn()) =>
    createOutbox({ transport, accountId: () => account, isOnline: () => online, retryDelaysMs: [1_000, 5_000], keepForm });

  it('keeps a queued save on the device per account; a second save of the same form replaces the first', () => {
    const { transport } = fakeTransport();
    const outbox = make(transport);
    outbox.queue(edit('s1', '第一次'));
    outbox.queue(registration('c1', '新网点'));
    outbox.queue(edit('s1', '第二次'));
    expect(outbox.waiting.value.map((entry) => [entry.key, (entry.body as { name: string }).name])).toEqual([
      ['new:c1', '新网点'],
      ['site:s1', '第二次'],
    ]);
    const stored = JSON.parse(localStorage.getItem(outboxKeyOf(ACCOUNT))!) as QueuedSave[];
    expect(stored).toHaveLength(2);
    // Another account sees nothing of it.
    account = 'acc-2';
    expect(make(transport).find('site:s1')).toBeUndefined();
  });

  it('sends nothing while offline, then each entry exactly once when the connection returns (a registration with its client id as Idempotency-Key)', async () => {
    const { transport, calls } = fakeTransport();
    const outbox = make(transport);
    const heard = vi.fn();
    outbox.onSent(heard);
    outbox.queue(registration('c1', '新网点'));
    outbox.queue(edit('s1', '改名'));
    expect(await outbox.flush()).toEqual([]);
    expect(calls).toHaveLength(0);

    online = true;
    // Two `online` events at once: one send of each entry.
    const [first, second] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect(first).toBe(second);
    expect(calls.map((call) => [call.op, call.id])).toEqual([
      ['create', 'c1'],
      ['update', 's1'],
    ]);
    expect(heard).toHaveBeenCalledTimes(2);
    expect(outbox.entries.value).toEqual([]);
    expect(localStorage.getItem(outboxKeyOf(ACCOUNT))).toBeNull();
    await outbox.flush();
    expect(calls).toHaveLength(2);
  });

  it('retries a send that met no connection with growing waits, keeping the entry until it goes through', async () => {
    const { transport, calls, answer } = fakeTransport();
    const outbox = make(transport);
    outbox.queue(edit('s1', '改名'));
    online = true; // navigator says online, but the request fails (a dead spot)
    answer(() => Promise.reject(offlineError()));
    await outbox.flush();
    expect(calls).toHaveLength(1);
    expect(outbox.waiting.value).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    answer((call) => Promise.resolve(siteFactory({ id: call.id })));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect(outbox.entries.value).toEqual([]);
  });

  it('tries by itself when the `online` event never comes (a page opened offline)', async () => {
    const { transport, calls } = fakeTransport();
    const outbox = make(transport);
    outbox.queue(edit('s1', '改名'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(0); // still offline: tried later
    online = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
    expect(outbox.entries.value).toEqual([]);
  });

  it('never overwrites a newer version: a 409 keeps the entry as a conflict with the latest site and hands the form back', async () => {
    const { transport, answer } = fakeTransport();
    const keepForm = vi.fn();
    const outbox = make(transport, keepForm);
    const latest = siteFactory({ id: 's1', version: 4, name: '别人改的' });
    answer(() => Promise.reject(new ApiError(versionConflict(latest) as never)));
    outbox.queue(edit('s1', '我改的', 3));
    online = true;
    expect(await outbox.flush()).toEqual([]);
    expect(outbox.find('site:s1')).toMatchObject({ state: 'conflict', latest: { version: 4, name: '别人改的' } });
    expect(keepForm).toHaveBeenCalledWith(expect.objectContaining({ key: 'site:s1', form: expect.objectContaining({ version: 3, values: { name: '我改的' } }) }));
    expect(outbox.waiting.value).toEqual([]);
  });

  it('keeps the entries when the session has ended (401) and sends them after the same account signs in again', async () => {
    const { transport, calls, answer } = fakeTransport();
    const outbox = make(transport);
    outbox.queue(edit('s1', '改名'));
    outbox.queue(edit('s2', '也改'));
    online = true;
    answer(() => Promise.reject(apiRefusal(401, 'auth.required')));
    await outbox.flush();
    expect(calls).toHaveLength(1); // the second waits for the sign-in too
    expect(outbox.entries.value.map((entry) => entry.state)).toEqual(['signed-out', 'waiting']);

    account = null; // signed out: nothing is sent, nothing lost
    await outbox.flush();
    expect(calls).toHaveLength(1);

    account = ACCOUNT;
    answer((call) => Promise.resolve(siteFactory({ id: call.id })));
    outbox.reload();
    const sent = await outbox.flush();
    expect(sent.map((item) => item.entry.key)).toEqual(['site:s1', 'site:s2']);
    expect(outbox.entries.value).toEqual([]);
  });

  it('keeps a refused save (400) for the form to show, and goes on with the others', async () => {
    const { transport, calls, answer } = fakeTransport();
    const keepForm = vi.fn();
    const outbox = make(transport, keepForm);
    outbox.queue(edit('s1', '坏'));
    outbox.queue(edit('s2', '好'));
    online = true;
    answer((call) => (call.id === 's1' ? Promise.reject(apiRefusal(400, 'validation.failed')) : Promise.resolve(siteFactory({ id: call.id }))));
    await outbox.flush();
    expect(calls).toHaveLength(2);
    expect(outbox.entries.value.map((entry) => [entry.key, entry.state])).toEqual([['site:s1', 'refused']]);
    expect(keepForm).toHaveBeenCalledTimes(1);
  });
});

describe('isConnectionLost', () => {
  it('is the client error for no connection, or any failure while the device says it is offline; not a server refusal', () => {
    expect(isConnectionLost(offlineError(), true)).toBe(true);
    expect(isConnectionLost(new TypeError('Failed to fetch'), true)).toBe(true);
    expect(isConnectionLost(apiRefusal(409, 'site.version_conflict'), true)).toBe(false);
    expect(isConnectionLost(apiRefusal(400, 'validation.failed'), false)).toBe(false);
  });
});

import type { Site } from '@sitenet/domain';
import type { SiteCreateBody, SiteUpdateBody } from '@sitenet/domain/schemas';
import { computed, type ComputedRef, type Ref, ref } from 'vue';
import { ApiError, AUTH_REQUIRED_CODE, CLIENT_ERROR_CODES } from '#/api/client';
import type { FormValues } from '#/features/sites/form-model';

/**
 * The outbox: site saves made while the connection was gone, kept on the device (localStorage,
 * one list per account: `sitenet.outbox:<account>`) and sent when it returns (issue 12, offline).
 *
 * - One entry per form: `site:<id>` for an edit, `new:<clientId>` for a registration. A second
 *   save of the same form replaces the queued one, so nothing is sent twice.
 * - A registration carries its client id as the `Idempotency-Key` of POST /api/sites: the API
 *   answers a repeated key with the site it already created, so a retry after a lost answer
 *   creates no second site.
 * - An edit carries the version it was made on: a 409 when it is finally sent is never
 *   overwritten; the entry is kept as `conflict` (with the latest site) and the form shows the
 *   conflict as after any 409 when it is opened.
 * - A 401 (the session ended) keeps the entry; it is sent after the same account signs in again.
 * - Sending starts on the `online` event (and when the page is shown again), and is tried again by
 *   itself with growing waits while anything waits (the event does not always come).
 */
export const OUTBOX_STORAGE_KEY = 'sitenet.outbox';
/** Waits between automatic retries of a send that met no connection (the last one repeats). */
export const OUTBOX_RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000];

export type QueuedSaveState = 'waiting' | 'signed-out' | 'conflict' | 'refused';

export interface QueuedSave {
  /** `site:<id>` (edit) or `new:<clientId>` (registration). */
  key: string;
  accountId: string;
  operation: 'create' | 'update';
  /** The site edited (update), or the client id of the registration (create). */
  siteId: string | null;
  clientId: string | null;
  body: SiteCreateBody | SiteUpdateBody;
  /** The form as the user left it: put back in the form after a conflict or a refusal. */
  form: { kind: string; values: FormValues; base: FormValues; version: number | null };
  queuedAt: string;
  state: QueuedSaveState;
  /** After a 409: the site as it is now on the server. */
  latest?: Site;
  /** After a refusal (400, 403, 404): the API's error body. */
  error?: Record<string, unknown>;
}

export interface OutboxTransport {
  create(body: SiteCreateBody, idempotencyKey: string): Promise<Site>;
  update(id: string, body: SiteUpdateBody): Promise<Site>;
}

export interface OutboxOptions {
  transport: OutboxTransport;
  storage?: Storage;
  /** The signed-in account (null when signed out): only its entries are sent. */
  accountId: () => string | null;
  isOnline?: () => boolean;
  retryDelaysMs?: readonly number[];
  /** Puts a conflicting or refused save back where its form finds it (the form's device draft). */
  keepForm?: (entry: QueuedSave) => void;
}

export interface SentSave {
  entry: QueuedSave;
  site: Site;
}

export interface Outbox {
  /** The signed-in account's entries (all states). */
  entries: Ref<QueuedSave[]>;
  /** Entries still to be sent. */
  waiting: ComputedRef<QueuedSave[]>;
  queue(save: Omit<QueuedSave, 'queuedAt' | 'state'>): QueuedSave;
  find(key: string): QueuedSave | undefined;
  remove(key: string): void;
  /** Sends what is waiting (one at a time, in the order queued); returns what went through. */
  flush(): Promise<SentSave[]>;
  /** Hears every entry that went through (the form that queued it moves on). */
  onSent(listener: (sent: SentSave) => void): () => void;
  /** Re-reads the list (after a sign-in: another account's list). */
  reload(): void;
  /** Cancels a pending retry. */
  stop(): void;
}

export function outboxKeyOf(accountId: string): string {
  return `${OUTBOX_STORAGE_KEY}:${accountId}`;
}

/** A save that failed because the device has no connection (rather than the server refusing it). */
export function isConnectionLost(error: unknown, online: boolean = typeof navigator === 'undefined' ? true : navigator.onLine): boolean {
  if (error instanceof ApiError) return error.code === CLIENT_ERROR_CODES.network || (!online && error.status === 0);
  return error instanceof TypeError || !online;
}

function isQueuedSave(value: unknown): value is QueuedSave {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<QueuedSave>;
  return typeof entry.key === 'string' && typeof entry.accountId === 'string' && (entry.operation === 'create' || entry.operation === 'update') && typeof entry.body === 'object' && entry.body !== null;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const storage = options.storage ?? globalThis.localStorage;
  const isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const delays = options.retryDelaysMs ?? OUTBOX_RETRY_DELAYS_MS;
  const entries = ref<QueuedSave[]>([]);
  const listeners = new Set<(sent: SentSave) => void>();
  let loadedFor: string | null = null;
  let sending: Promise<SentSave[]> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  function read(accountId: string | null): QueuedSave[] {
    if (!accountId) return [];
    try {
      const parsed = JSON.parse(storage.getItem(outboxKeyOf(accountId)) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter(isQueuedSave).filter((entry) => entry.accountId === accountId) : [];
    } catch {
      return [];
    }
  }

  function reload(): void {
    loadedFor = options.accountId();
    entries.value = read(loadedFor);
  }

  function write(next: QueuedSave[]): void {
    entries.value = next;
    if (!loadedFor) return;
    try {
      if (next.length) storage.setItem(outboxKeyOf(loadedFor), JSON.stringify(next));
      else storage.removeItem(outboxKeyOf(loadedFor));
    } catch {
      // Storage full or refused: the entry lives as long as the page does.
    }
  }

  function current(): QueuedSave[] {
    if (loadedFor !== options.accountId()) reload();
    return entries.value;
  }

  function queue(save: Omit<QueuedSave, 'queuedAt' | 'state'>): QueuedSave {
    const list = current();
    const entry: QueuedSave = { ...save, queuedAt: new Date().toISOString(), state: 'waiting' };
    write([...list.filter((queued) => queued.key !== entry.key), entry]);
    // Tried again by itself too: the `online` event does not always come (a page opened offline).
    failures = 0;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flush(), delays[0] ?? 2_000);
    return entry;
  }

  function replace(key: string, change: Partial<QueuedSave> | null): void {
    const list = current();
    write(change === null ? list.filter((entry) => entry.key !== key) : list.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 60_000;
    failures += 1;
    retryTimer = setTimeout(() => void flush(), delay);
  }

  async function sendOne(entry: QueuedSave): Promise<Site | 'offline' | 'kept'> {
    try {
      const site =
        entry.operation === 'create'
          ? await options.transport.create(entry.body as SiteCreateBody, entry.clientId ?? entry.key)
          : await options.transport.update(entry.siteId ?? '', entry.body as SiteUpdateBody);
      replace(entry.key, null);
      for (const listener of listeners) listener({ entry, site });
      return site;
    } catch (caught) {
      if (isConnectionLost(caught, isOnline()) || (caught instanceof ApiError && caught.isTransient)) return 'offline';
      if (caught instanceof ApiError && (caught.status === 401 || caught.code === AUTH_REQUIRED_CODE)) {
        replace(entry.key, { state: 'signed-out' });
        return 'kept';
      }
      if (caught instanceof ApiError && caught.status === 409 && typeof caught.body.current === 'object' && caught.body.current !== null) {
        replace(entry.key, { state: 'conflict', latest: caught.body.current as Site });
        options.keepForm?.(entry);
        return 'kept';
      }
      const body = caught instanceof ApiError ? (caught.body as Record<string, unknown>) : { message: String(caught) };
      replace(entry.key, { state: 'refused', error: body });
      options.keepForm?.(entry);
      return 'kept';
    }
  }

  async function run(): Promise<SentSave[]> {
    const sent: SentSave[] = [];
    const accountId = options.accountId();
    if (!accountId) return sent;
    // Entries kept while signed out are tried again now that the account is signed in.
    for (const entry of current()) if (entry.state === 'signed-out') replace(entry.key, { state: 'waiting' });
    for (const entry of [...current()]) {
      if (entry.state !== 'waiting' || entry.accountId !== accountId) continue;
      if (!isOnline()) {
        scheduleRetry();
        return sent;
      }
      const outcome = await sendOne(entry);
      if (outcome === 'offline') {
        scheduleRetry();
        return sent;
      }
      if (outcome === 'kept') {
        // Signed out: the rest waits for the sign-in too.
        if (current().find((kept) => kept.key === entry.key)?.state === 'signed-out') return sent;
        continue;
      }
      sent.push({ entry, site: outcome });
    }
    failures = 0;
    return sent;
  }

  function flush(): Promise<SentSave[]> {
    clearTimeout(retryTimer);
    // One send at a time: an `online` event during a send does not send the same entry again.
    sending ??= run().finally(() => {
      sending = null;
    });
    return sending;
  }

  return {
    entries,
    waiting: computed(() => entries.value.filter((entry) => entry.state === 'waiting' || entry.state === 'signed-out')),
    queue,
    find: (key) => current().find((entry) => entry.key === key),
    remove: (key) => replace(key, null),
    flush,
    onSent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    stop: () => clearTimeout(retryTimer),
  };
}

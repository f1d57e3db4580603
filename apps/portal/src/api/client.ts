import { computed, ref } from 'vue';
import type { ApiErrorBody, FieldIssue, Locale, LocalizedText } from '@sitenet/domain';
import { currentLocale, messageIn } from '#/i18n';

/** Every API path starts here; the dev server proxies it, production serves it on the same origin. */
export const API_BASE = '/api';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Error codes the client itself produces when there is no usable API error body. */
export const CLIENT_ERROR_CODES = {
  network: 'client.network_unreachable',
  server: 'client.server_error',
  invalidResponse: 'client.invalid_response',
} as const;

/**
 * A failed API call, in a shape views can show: the message in both languages (pick the UI's
 * with `messageIn`), the machine-readable code, field issues and the request id for support.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly code: string;
  readonly messages: LocalizedText;
  readonly issues: FieldIssue[];
  readonly requestId: string | undefined;
  /** The whole error body, for members some errors add (e.g. `current` on a 409 version conflict). */
  readonly body: ApiErrorBody & Record<string, unknown>;
  /** How long the server asked us to wait (its Retry-After), in milliseconds. */
  retryAfterMs: number | undefined;

  constructor(body: ApiErrorBody & Record<string, unknown>) {
    super(body.messages.en || body.message);
    this.status = body.statusCode;
    this.code = body.code;
    this.messages = body.messages;
    this.issues = body.issues ?? [];
    this.requestId = body.requestId;
    this.body = body;
  }

  messageIn(locale: Locale): string {
    return this.messages[locale] || this.message;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** The server could not be reached or could not serve for now (its database away, a restart): worth retrying. */
  get isTransient(): boolean {
    return this.code === CLIENT_ERROR_CODES.network || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

function bothLocales(key: string, named: Record<string, unknown> = {}): LocalizedText {
  return { 'zh-CN': messageIn('zh-CN', key, named), en: messageIn('en', key, named) };
}

function clientError(status: number, code: string, key: string, named: Record<string, unknown> = {}): ApiError {
  const messages = bothLocales(key, named);
  return new ApiError({ statusCode: status, code, message: messages[currentLocale()], messages });
}

function isApiErrorBody(value: unknown): value is ApiErrorBody & Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<ApiErrorBody>;
  return (
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    typeof body.messages === 'object' &&
    body.messages !== null &&
    typeof body.messages['zh-CN'] === 'string' &&
    typeof body.messages.en === 'string'
  );
}

/** `query` as an object (empty values left out) or as URLSearchParams (for repeated keys: `kind=a&kind=b`). */
export function buildUrl(path: string, query: Query | URLSearchParams = {}): string {
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra request headers (e.g. the outbox's Idempotency-Key on a queued registration). */
  headers?: Record<string, string>;
}

/**
 * How the client learns about the signed-in session without depending on the auth feature:
 * `features/auth/install.ts` connects the auth store here. `token()` is sent as a bearer token;
 * `onUnauthorized` hears every 401 that ends a session (an expired or revoked token), before the
 * caller sees the error, so that it can save what the user typed and send them to sign in.
 */
export interface ClientSession {
  token(): string | null;
  onUnauthorized(error: ApiError): void;
}

let session: ClientSession | null = null;

/** Connects (or, with null, disconnects) the session the client sends and reports to. */
export function connectSession(next: ClientSession | null): void {
  session = next;
}

/** The code of the API's 401 for a missing, expired or revoked token. */
export const AUTH_REQUIRED_CODE = 'auth.required';

/** Waits before the automatic retries of a GET (longer ones when the server's Retry-After says so, up to a minute). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000];
const LONGEST_WAIT_MS = 60_000;
let retryDelaysMs = DEFAULT_RETRY_DELAYS_MS;

/** Sets the waits between automatic retries of a GET (none: fail at once); tests shorten them. */
export function configureRetries(delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): void {
  retryDelaysMs = delaysMs;
}

const waitingToRetry = ref(0);
/**
 * True while a GET is waiting to try again because the server could not be reached or answered
 * 503: the app shows "暂时无法连接，稍后自动重试" (errors.unavailable) until it gets through.
 */
export const connectionTrouble = computed(() => waitingToRetry.value > 0);

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * GET `API_BASE + path` and return its JSON body. Sends the UI language as Accept-Language so the
 * API's messages come back in it. A network failure or a 502/503/504 is tried again by itself with
 * growing waits (reading is safe to repeat; writes are never repeated). Throws `ApiError` for every
 * failure except an abort, which is rethrown as the platform's AbortError so callers can ignore it.
 */
export function getJson<T>(path: string, query?: Query | URLSearchParams, options: RequestOptions = {}): Promise<T> {
  return withRetries(() => request<T>('GET', path, { query, signal: options.signal }), options.signal);
}

/** A file the API sent (an export): its bytes and the name its Content-Disposition gives. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * GET a file (`Content-Disposition: attachment`) with the same headers and errors as `getJson`:
 * a plain `<a href>` could not send the bearer token, so the portal fetches the bytes and saves
 * them itself. `fallbackName` is used when the answer names no file. Tried once, never again by
 * itself: an export can be 200,000 sites, and a failure that repeats (a download cut off) would
 * otherwise run it many times over before the person sees the error; they can press again.
 */
export async function downloadFile(path: string, query: Query | URLSearchParams | undefined, fallbackName: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await send('GET', path, { query, signal: options.signal, accept: '*/*' });
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw clientError(0, CLIENT_ERROR_CODES.network, 'errors.network'); // the connection broke mid-file
  }
  return { blob, fileName: fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName };
}

/** The file name of a Content-Disposition header: `filename*=UTF-8''…` (RFC 6266/5987) first, else `filename="…"`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*utf-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(disposition);
  const name = plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]) : undefined;
  return name ? name : null;
}

/**
 * Runs a GET, trying again by itself after a network failure or a 502/503/504 with growing waits
 * (reading is safe to repeat; writes are never repeated).
 */
async function withRetries<T>(attemptOnce: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  let troubled = false;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce();
      } catch (error) {
        if (!(error instanceof ApiError) || !error.isTransient || attempt >= retryDelaysMs.length) throw error;
        if (!troubled) waitingToRetry.value++;
        troubled = true;
        await wait(Math.min(Math.max(retryDelaysMs[attempt]!, error.retryAfterMs ?? 0), LONGEST_WAIT_MS), signal);
      }
    }
  } finally {
    if (troubled) waitingToRetry.value--;
  }
}

/**
 * POST or PATCH a JSON body (none when `body` is undefined; a FormData goes as multipart/form-data,
 * a file upload); same error handling as `getJson` (a 400 carries field `issues`).
 */
export function sendJson<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown, options: RequestOptions & { query?: Query | URLSearchParams } = {}): Promise<T> {
  return request<T>(method, path, { body, signal: options.signal, query: options.query, headers: options.headers });
}

/** A request answered with 204 No Content (sign out, change password). */
export async function sendCommand(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, options: RequestOptions = {}): Promise<void> {
  await request<unknown>(method, path, { body, signal: options.signal, noContent: true });
}

interface SendOptions {
  query?: Query | URLSearchParams;
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
  headers?: Record<string, string>;
}

/** Sends a request and returns its 2xx response; every failure is thrown as an ApiError (an abort as the AbortError). */
async function send(method: string, path: string, { query, body, signal, accept = 'application/json', headers: extra }: SendOptions): Promise<Response> {
  const headers: Record<string, string> = { ...extra, Accept: accept, 'Accept-Language': currentLocale() };
  // A form (a file upload) goes as multipart/form-data: fetch writes that Content-Type with its boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  const token = session?.token() ?? null;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw clientError(0, CLIENT_ERROR_CODES.network, 'errors.network');
  }
  if (response.ok) return response;

  const json = await readJson(response);
  const error = isApiErrorBody(json)
    ? new ApiError({ ...json, statusCode: json.statusCode ?? response.status })
    : clientError(response.status, CLIENT_ERROR_CODES.server, 'errors.server', { status: response.status });
  // A wrong password at sign-in is a 401 too, but it ends no session: only a token refused counts.
  if (response.status === 401 && (token !== null || error.code === AUTH_REQUIRED_CODE)) session?.onUnauthorized(error);
  const retryAfter = Number(response.headers.get('Retry-After'));
  if (retryAfter > 0) error.retryAfterMs = retryAfter * 1000;
  throw error;
}

async function request<T>(method: string, path: string, { noContent = false, ...options }: SendOptions & { noContent?: boolean }): Promise<T> {
  const response = await send(method, path, options);
  if (noContent) return undefined as T;
  const json = await readJson(response);
  if (json === undefined) {
    throw clientError(response.status, CLIENT_ERROR_CODES.invalidResponse, 'errors.invalidResponse');
  }
  return json as T;
}

export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Turns anything a request may throw into an ApiError (unexpected errors become a generic one). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return clientError(0, CLIENT_ERROR_CODES.invalidResponse, 'errors.invalidResponse');
}

import { describe, expect, it, vi } from 'vitest';
import { authRequired, badCredentials } from '#/features/auth/test-factories';
import { apiErrorBody } from '#/features/regions/test-factories';
import { setLocale } from '#/i18n';
import { jsonResponse, stubFetch } from '#/test/http';
import { ApiError, buildUrl, CLIENT_ERROR_CODES, configureRetries, connectionTrouble, connectSession, downloadFile, getJson, sendCommand, sendJson } from './client';

describe('getJson', () => {
  it('returns the parsed body and sends the UI language as Accept-Language', async () => {
    setLocale('en');
    const fetchMock = stubFetch(() => jsonResponse({ ok: true }));

    await expect(getJson<{ ok: boolean }>('/regions', { parent: '220000' })).resolves.toEqual({ ok: true });

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/regions?parent=220000');
    expect(new Headers(init?.headers).get('Accept-Language')).toBe('en');
  });

  it('leaves out empty query values', () => {
    expect(buildUrl('/regions', { q: '南关', parent: undefined, limit: 20, x: '' })).toBe(
      `/api/regions?q=${encodeURIComponent('南关')}&limit=20`,
    );
  });

  it('turns an API error body into an ApiError with both languages, issues and request id', async () => {
    const body = apiErrorBody({
      statusCode: 400,
      code: 'validation.failed',
      messages: { 'zh-CN': '请求参数有误', en: 'The request is invalid' },
      message: '请求参数有误',
      issues: [
        {
          path: 'query.parent',
          code: 'invalid_format',
          message: '代码格式不正确',
          messages: { 'zh-CN': '代码格式不正确', en: 'Malformed code' },
        },
      ],
      requestId: 'req-42',
    });
    stubFetch(() => jsonResponse(body, 400));

    const error = await getJson('/regions', { parent: 'abc' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation.failed');
    expect(apiError.messageIn('zh-CN')).toBe('请求参数有误');
    expect(apiError.messageIn('en')).toBe('The request is invalid');
    expect(apiError.issues.map((issue) => issue.path)).toEqual(['query.parent']);
    expect(apiError.requestId).toBe('req-42');
    expect(apiError.isNotFound).toBe(false);
  });

  it('reports a non-JSON failure (e.g. a proxy error page) as a localized server error', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));

    const error = (await getJson('/regions').catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe(CLIENT_ERROR_CODES.server);
    expect(error.messageIn('zh-CN')).toContain('502');
    expect(error.messageIn('en')).toContain('502');
  });

  it('reports a network failure as status 0 with a "cannot reach the server" message in both languages', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    const error = (await getJson('/regions').catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe(CLIENT_ERROR_CODES.network);
    expect(error.messageIn('zh-CN')).toBe('无法连接服务器。请检查网络连接后重试。');
    expect(error.messageIn('en')).toMatch(/^Cannot reach the server/);
  });

  it('rethrows an abort untouched so callers can ignore superseded requests', async () => {
    stubFetch((_url, init) => {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    });
    const controller = new AbortController();
    const pending = getJson('/regions', undefined, { signal: controller.signal });
    controller.abort();

    const error = await pending.catch((caught: unknown) => caught);

    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('the session the client is connected to', () => {
  it('sends its token as a bearer, and none when signed out', async () => {
    const fetchMock = stubFetch(() => jsonResponse({ ok: true }));
    let token: string | null = 'abc123';
    connectSession({ token: () => token, onUnauthorized: () => {} });

    await getJson('/sites');
    token = null;
    await getJson('/regions');

    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Authorization')).toBe('Bearer abc123');
    expect(new Headers(fetchMock.mock.calls[1]![1]?.headers).has('Authorization')).toBe(false);
  });

  it('hears a 401 on a sent token before the caller sees the error', async () => {
    stubFetch(() => jsonResponse(authRequired(), 401));
    const order: string[] = [];
    const onUnauthorized = vi.fn(() => order.push('session ended'));
    connectSession({ token: () => 'expired', onUnauthorized });

    const error = await sendJson('PATCH', '/sites/x', { version: 1 }).catch((caught: unknown) => {
      order.push('caller');
      return caught;
    });

    expect((error as ApiError).code).toBe('auth.required');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['session ended', 'caller']);
  });

  it('does not end a session for a wrong password at sign-in', async () => {
    stubFetch(() => jsonResponse(badCredentials(), 401));
    const onUnauthorized = vi.fn();
    connectSession({ token: () => null, onUnauthorized });

    await sendJson('POST', '/auth/login', { username: 'a', password: 'b' }).catch(() => undefined);

    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('accepts 204 No Content for commands', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(sendCommand('POST', '/auth/logout')).resolves.toBeUndefined();
  });
});

describe('when the server cannot be reached or answers 503', () => {
  const unavailable = () =>
    new Response(
      JSON.stringify(apiErrorBody({ statusCode: 503, code: 'database.unavailable', message: '暂时无法连接数据库，请稍后重试。', messages: { 'zh-CN': '暂时无法连接数据库，请稍后重试。', en: 'The database cannot be reached right now; try again shortly.' } })),
      { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '2' } },
    );

  it('tries a GET again by itself with growing waits (Retry-After respected) and says so meanwhile', async () => {
    vi.useFakeTimers();
    try {
      configureRetries([500, 1_000, 4_000]);
      const answers = [() => Promise.reject(new TypeError('Failed to fetch')), unavailable, () => jsonResponse({ ok: true })];
      const fetchMock = stubFetch(() => answers.shift()!());

      const result = getJson<{ ok: boolean }>('/regions');
      await vi.advanceTimersByTimeAsync(0);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(connectionTrouble.value).toBe(true);
      await vi.advanceTimersByTimeAsync(500);
      expect(fetchMock).toHaveBeenCalledTimes(2);
      // The 503 asked for 2 s: more than the 1 s backoff step.
      await vi.advanceTimersByTimeAsync(1_500);
      expect(fetchMock).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(500);
      await expect(result).resolves.toEqual({ ok: true });
      expect(fetchMock).toHaveBeenCalledTimes(3);
      expect(connectionTrouble.value).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up after the last wait with the error, and stops waiting when the request is abandoned', async () => {
    vi.useFakeTimers();
    try {
      configureRetries([100, 100]);
      const fetchMock = stubFetch(() => unavailable());
      const failed = getJson('/regions').catch((caught: unknown) => caught);
      await vi.advanceTimersByTimeAsync(5_000);
      const error = (await failed) as ApiError;
      expect(error.status).toBe(503);
      expect(error.isTransient).toBe(true);
      expect(fetchMock).toHaveBeenCalledTimes(3);
      expect(connectionTrouble.value).toBe(false);

      const controller = new AbortController();
      const abandoned = getJson('/regions', undefined, { signal: controller.signal }).catch((caught: unknown) => caught);
      await vi.advanceTimersByTimeAsync(0);
      expect(connectionTrouble.value).toBe(true);
      controller.abort();
      expect(((await abandoned) as Error).name).toBe('AbortError');
      expect(connectionTrouble.value).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never repeats a write', async () => {
    configureRetries([1]);
    const fetchMock = stubFetch(() => unavailable());
    const error = (await sendJson('POST', '/sites', { name: 'x' }).catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(503);
    expect(error.messageIn('zh-CN')).toBe('暂时无法连接数据库，请稍后重试。');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('never repeats a download by itself (an export may be large; a failure shows at once)', async () => {
    configureRetries([1, 1]);
    const fetchMock = stubFetch(() => unavailable());
    const error = (await downloadFile('/exports/sites', { format: 'csv' }, 'sites.csv').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(503);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not retry what retrying cannot fix (a 404, a 500)', async () => {
    configureRetries([1, 1]);
    const fetchMock = stubFetch(() => jsonResponse(apiErrorBody({ statusCode: 500, code: 'internal' }), 500));
    expect(((await getJson('/regions').catch((caught: unknown) => caught)) as ApiError).status).toBe(500);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

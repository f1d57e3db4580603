import { describe, expect, it, vi } from 'vitest';
import { authRequired, badCredentials } from '#/features/auth/test-factories';
import { apiErrorBody } from '#/features/regions/test-factories';
import { setLocale } from '#/i18n';
import { jsonResponse, stubFetch } from '#/test/http';
import { ApiError, buildUrl, CLIENT_ERROR_CODES, connectSession, getJson, sendCommand, sendJson } from './client';

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

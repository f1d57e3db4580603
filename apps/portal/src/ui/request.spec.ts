import { describe, expect, it } from 'vitest';
import { ApiError } from '#/api/client';
import { useRequest } from './request';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const failure = () =>
  new ApiError({ statusCode: 500, code: 'x', message: 'x', messages: { 'zh-CN': '出错', en: 'Failed' } });

describe('useRequest', () => {
  it('goes loading → ready and hands the value over', async () => {
    const request = useRequest();
    const answer = deferred<number>();
    const seen: number[] = [];
    const done = request.run(() => answer.promise, (value) => seen.push(value));
    expect(request.status.value).toBe('loading');
    answer.resolve(7);
    await done;
    expect(request.status.value).toBe('ready');
    expect(seen).toEqual([7]);
    expect(request.error.value).toBeNull();
  });

  it('keeps the error of a failed run and calls failed', async () => {
    const request = useRequest();
    let failedWith: ApiError | null = null;
    await request.run(() => Promise.reject(failure()), () => undefined, (error) => (failedWith = error));
    expect(request.status.value).toBe('error');
    expect(request.error.value?.messageIn('en')).toBe('Failed');
    expect(failedWith).toBe(request.error.value);
  });

  it('lets the latest run win: an earlier one is aborted and its outcome ignored', async () => {
    const request = useRequest();
    const first = deferred<string>();
    const second = deferred<string>();
    const seen: string[] = [];
    let firstSignal: AbortSignal | undefined;
    const one = request.run((signal) => ((firstSignal = signal), first.promise), (value) => seen.push(value));
    const two = request.run(() => second.promise, (value) => seen.push(value));
    expect(firstSignal?.aborted).toBe(true);
    second.resolve('second');
    await two;
    first.reject(failure()); // arrives late: neither an error nor a value
    await one;
    expect(seen).toEqual(['second']);
    expect(request.status.value).toBe('ready');
    expect(request.error.value).toBeNull();
  });

  it('never treats an abort as an error, and cancel leaves the status alone', async () => {
    const request = useRequest();
    const answer = deferred<string>();
    let signal: AbortSignal | undefined;
    const done = request.run((given) => ((signal = given), answer.promise), () => undefined);
    request.cancel();
    expect(signal?.aborted).toBe(true);
    answer.reject(new DOMException('stopped', 'AbortError'));
    await done;
    expect(request.status.value).toBe('loading');
    expect(request.error.value).toBeNull();
  });

  it('refresh keeps status and error while it runs, and its failure changes nothing', async () => {
    const request = useRequest();
    await request.run(() => Promise.reject(failure()), () => undefined);
    const shown = request.error.value;
    const answer = deferred<number>();
    const done = request.refresh(() => answer.promise, () => undefined);
    expect(request.status.value).toBe('error');
    answer.reject(failure());
    await done;
    expect(request.status.value).toBe('error');
    expect(request.error.value).toBe(shown);
    const seen: number[] = [];
    await request.refresh(() => Promise.resolve(3), (value) => seen.push(value));
    expect(seen).toEqual([3]);
    expect(request.status.value).toBe('ready');
    expect(request.error.value).toBeNull();
  });

  it('ensure joins a running load, skips a finished one and retries a failed one', async () => {
    const request = useRequest();
    let calls = 0;
    let fail = true;
    const task = () => {
      calls += 1;
      return fail ? Promise.reject(failure()) : Promise.resolve(calls);
    };
    await Promise.all([request.ensure(task, () => undefined), request.ensure(task, () => undefined)]);
    expect(calls).toBe(1);
    expect(request.status.value).toBe('error');
    fail = false;
    await request.ensure(task, () => undefined);
    await request.ensure(task, () => undefined);
    expect(calls).toBe(2);
    expect(request.status.value).toBe('ready');
  });
});

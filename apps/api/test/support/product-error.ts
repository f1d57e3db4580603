import request from 'supertest';
import { expect } from 'vitest';
import type { ApiErrorBody } from '@sitenet/domain';

/** Chinese text: every message a person reads has some. */
export const HAN = /[\u4e00-\u9fff]/;

/** The product's own error: JSON, the status asked for, a code, a Chinese message, never a stack or a pattern. */
export function expectProductError(res: request.Response, status: number): ApiErrorBody {
  expect(res.status, `${res.status} ${res.text.slice(0, 300)}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.body as ApiErrorBody;
  expect(body.statusCode).toBe(status);
  expect(body.code).toMatch(/^[a-z_]+\.[a-z_.]+$/);
  expect(body.message).toMatch(HAN);
  expect(body.messages.en.length).toBeGreaterThan(0);
  expect(res.text).not.toMatch(/\bat [A-Za-z]+ \(|<html|<!DOCTYPE/i);
  for (const issue of body.issues ?? []) {
    expect(issue.messages['zh-CN']).toMatch(HAN);
    // No raw regular expression reaches a person.
    expect(`${issue.messages['zh-CN']} ${issue.messages.en}`).not.toMatch(/\/\^|\$\/|\\d|\[a-z/);
  }
  return body;
}

/** Each request gets the product's 400; the ones that do not are listed together, not one at a time. */
export async function expectEveryRefused(cases: [string, request.Test][]): Promise<void> {
  const failures: string[] = [];
  for (const [where, test] of cases) {
    const res = await test;
    if (res.status !== 400) failures.push(`${where}: ${res.status} ${res.text.slice(0, 160)}`);
    else expectProductError(res, 400);
  }
  expect(failures).toEqual([]);
}

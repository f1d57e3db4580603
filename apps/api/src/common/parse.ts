import type { z } from 'zod';
import { MAX_REPORTED_ISSUES, toFieldIssues } from '@sitenet/domain';
import { ValidationApiException } from './api-exception.js';

/**
 * Parses with a zod schema or throws the API's 400, each issue's path under `prefix`. At most
 * MAX_REPORTED_ISSUES issues are turned into messages and reported (the rest are counted), so a
 * body of a thousand bad values costs no more to answer than one of twenty.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const all = result.error.issues;
  const reported = toFieldIssues(all.slice(0, MAX_REPORTED_ISSUES), 'zh-CN', prefix).map(({ message: _message, ...rest }) => rest);
  throw new ValidationApiException(reported, all.length - reported.length);
}

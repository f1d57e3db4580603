import type { z } from 'zod';
import { toFieldIssues } from '@sitenet/domain';
import { ValidationApiException } from './api-exception.js';

/** Parses with a zod schema or throws the API's 400, each issue's path under `prefix`. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationApiException(toFieldIssues(result.error.issues, 'zh-CN', prefix).map(({ message: _message, ...rest }) => rest));
}

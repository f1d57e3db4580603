import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { toFieldIssues } from '@sitenet/domain';
import { ValidationApiException } from './api-exception.js';

/**
 * The one global validation pipe: every `@Body`, `@Query` and `@Param` that declares a zod
 * schema (`@Query({ schema })`) is parsed with it; the parsed value reaches the handler,
 * anything else is a 400 naming each field in Chinese and English, before any code runs.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const schema = metadata.schema;
    if (!schema || metadata.type === 'custom') return value;
    if (!(schema instanceof z.ZodType)) {
      throw new Error('Only zod schemas are used at the API boundary');
    }
    const prefix = metadata.data ? `${metadata.type}.${metadata.data}` : metadata.type;
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    const issues = toFieldIssues(result.error.issues, 'zh-CN', prefix).map(({ message: _message, ...rest }) => rest);
    throw new ValidationApiException(issues);
  }
}

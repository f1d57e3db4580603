import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { parseOrThrow } from './parse.js';

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
    return parseOrThrow(schema, value, prefix);
  }
}

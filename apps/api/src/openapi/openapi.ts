import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('sitenet API')
    .setDescription(
      'Disability-employment service sites (残疾人就业服务网点): administrative divisions, site registry, review and coverage against the action plans. ' +
        'Errors carry `message` in the language of Accept-Language (zh-CN by default) and `messages` in both languages.',
    )
    .setVersion('0.1.0')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the document at /api/docs.json and an interactive page at /api/docs. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs.json', yamlDocumentUrl: 'api/docs.yaml' });
}

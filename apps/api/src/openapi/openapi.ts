import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import type { SiteSchemas } from '@sitenet/domain/schemas';
import { SITE_SCHEMAS } from '../kinds/kinds.tokens.js';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('sitenet API')
    .setDescription(
      'Disability-employment service sites (残疾人就业服务网点): administrative divisions, site registry, review and coverage against the action plans. ' +
        'Errors carry `message` in the language of Accept-Language (zh-CN by default) and `messages` in both languages.',
    )
    .setVersion('0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addRegistrySchemas(document, app.get<SiteSchemas>(SITE_SCHEMAS));
  return document;
}

/**
 * The site bodies are built from the installed kinds at start, so decorators cannot name them;
 * they are added here, from the very schemas the API validates with.
 */
function addRegistrySchemas(document: OpenAPIObject, schemas: SiteSchemas): void {
  const components = (document.components ??= {});
  const target = (components.schemas ??= {});
  for (const [id, schema] of [
    ['SiteCreate', schemas.create],
    ['SiteDraft', schemas.draft],
    ['SiteUpdate', schemas.update],
  ] as const) {
    const text = JSON.stringify(z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }))
      .replaceAll('"#/definitions/', '"#/components/schemas/')
      .replaceAll('"#/$defs/', '"#/components/schemas/');
    const { definitions, $defs, $schema: _schema, ...root } = JSON.parse(text) as Record<string, unknown> & {
      definitions?: Record<string, unknown>;
      $defs?: Record<string, unknown>;
    };
    Object.assign(target, definitions ?? {}, $defs ?? {});
    // A schema with its own id comes back as a reference to its definition, already added.
    if (root.$ref !== `#/components/schemas/${id}`) target[id] = root;
  }
}

/** Serves the document at /api/docs.json and an interactive page at /api/docs. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs.json',
    yamlDocumentUrl: 'api/docs.yaml',
    // No call to the public validator service: the product runs offline.
    swaggerOptions: { validatorUrl: null },
  });
}

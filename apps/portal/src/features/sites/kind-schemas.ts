import { checkKindRules, type LocalizedText, SiteKindRegistry, toFieldIssues } from '@sitenet/domain';
import { buildSiteSchemas } from '@sitenet/domain/schemas';
import { installedKinds } from '@sitenet/kinds';
import type { FieldDescriptor } from '#/features/kinds/fields';
import { fieldOfIssue } from '#/ui/form-errors';
import { buildCreateBody, type ClientProblem, type FormValues } from './form-model';

/**
 * The API's own request schemas, built in the browser from the installed kind packages
 * (`@sitenet/kinds`). Loaded only through `loadKindSchemas()` (kind-check.ts), a dynamic import:
 * the kinds, their schemas and the request schemas are a chunk of their own, not part of the
 * first page load.
 */
const registry = new SiteKindRegistry(installedKinds);
const schemas = buildSiteSchemas(registry);

/**
 * The problems the API's schema for this kind finds in what the form would send (the complete
 * schema, or the draft one), at the fields the API would name, leaving out fields that already
 * have a problem (`found`: the form's own checks said it first). A kind the installed packages do
 * not know (a newer API) is left to the API.
 */
export function kindSchemaProblems(kind: string, fields: FieldDescriptor[], values: FormValues, options: { draft?: boolean; found?: ReadonlySet<string> } = {}): ClientProblem[] {
  const definition = registry.get(kind);
  if (!definition) return [];
  const kindFields = fields.filter((descriptor) => descriptor.path.startsWith('attributes.'));
  const body = buildCreateBody(kind, kindFields, values);
  const found = new Set(options.found);
  const paths = fields.map((descriptor) => descriptor.path);
  const problems: ClientProblem[] = [];
  const add = (issuePath: string, messages: LocalizedText) => {
    const path = fieldOfIssue(issuePath, paths);
    if (!path || found.has(path)) return;
    found.add(path);
    problems.push({ path, code: 'schema', label: fields.find((descriptor) => descriptor.path === path)!.label, messages });
  };
  const parsed = (options.draft ? schemas.draft : schemas.create).safeParse(body, { reportInput: true });
  if (!parsed.success) for (const issue of toFieldIssues(parsed.error.issues, 'zh-CN')) add(issue.path, issue.messages);
  // zod skips a refinement when the request has an aborting issue (a common field missing); the
  // kind's rules judge the attributes alone, so they are named in the same round whenever the
  // attributes are whole and valid (a draft's too: as the API, never on some of them only).
  const attributes = definition.attributes.safeParse(body.attributes);
  if (attributes.success) for (const issue of checkKindRules(definition, attributes.data)) add(['attributes', ...issue.path].join('.'), issue.messages);
  return problems;
}

import type { FieldDescriptor } from '#/features/kinds/fields';
import type { ClientProblem, FormValues } from './form-model';

/**
 * The site form's check with the kind's own zod schema and cross-field rules (contracted workers
 * among participants …), as the API runs them, before a save is sent: the user sees every error in
 * one round. The kind packages and the request schemas (kind-schemas.ts) are loaded on demand, a
 * chunk of their own (the first page load does not carry them); one promise serves every check.
 */
export type KindSchemas = typeof import('./kind-schemas');

let loading: Promise<KindSchemas> | null = null;

export function loadKindSchemas(): Promise<KindSchemas> {
  loading ??= import('./kind-schemas').catch((failure: unknown) => {
    // Not loaded (a dead spot before the chunk was cached): the next check tries again.
    loading = null;
    throw failure;
  });
  return loading;
}

/**
 * Every problem the API would name, before sending: `checked` (the form's own checks) plus the
 * kind schema's, each field named once. When the kind packages cannot be loaded, `checked` alone
 * (the API still checks).
 */
export async function withKindSchemaProblems(checked: ClientProblem[], kind: string, fields: FieldDescriptor[], values: FormValues, options: { draft?: boolean } = {}): Promise<ClientProblem[]> {
  let loaded: KindSchemas;
  try {
    loaded = await loadKindSchemas();
  } catch {
    return checked;
  }
  const found = new Set(checked.map((problem) => problem.path));
  return [...checked, ...loaded.kindSchemaProblems(kind, fields, values, { ...options, found })];
}

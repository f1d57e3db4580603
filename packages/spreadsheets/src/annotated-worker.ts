/**
 * Writes an annotated file (annotated-write.ts) inside a worker thread started by annotated.ts, so
 * exceljs's seconds of work never block the API's thread. Erasable TypeScript only: Node runs it as
 * it is from src (tests) as well as built in dist. From src, the package's own imports say .js for
 * files that are .ts: a resolve hook, in this thread only, maps them before the writer is loaded.
 */
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '@sitenet/domain';
import type { AnnotatedFacts, AnnotatedFile, AnnotatedIssue } from './annotated-write.js';

export interface AnnotateRequest {
  bytes: Uint8Array;
  facts: AnnotatedFacts;
  issues: AnnotatedIssue[];
  lang: Locale;
}

export type AnnotateOutcome = { ok: true; file: AnnotatedFile } | { ok: false; reason: string };

const fromSource = import.meta.url.endsWith('.ts');

/** Node's synchronous module hooks (Node 22.15+; the pinned @types/node predates them). */
interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => { url: string };
interface ModuleHooks {
  registerHooks(this: void, hooks: { resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): { url: string } }): unknown;
}
const { registerHooks } = nodeModule as unknown as ModuleHooks;

if (parentPort && workerData) {
  if (fromSource) {
    registerHooks({
      resolve(specifier, context, nextResolve) {
        if (context.parentURL?.endsWith('.ts') && /^\.\.?\/.*\.js$/.test(specifier)) {
          const source = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
          if (existsSync(source)) return nextResolve(source.href, context);
        }
        return nextResolve(specifier, context);
      },
    });
  }
  const request = workerData as AnnotateRequest;
  let outcome: AnnotateOutcome;
  try {
    const writer = (await import(fromSource ? './annotated-write.ts' : './annotated-write.js')) as typeof import('./annotated-write.js');
    outcome = { ok: true, file: await writer.annotateHere(request.bytes, request.facts, request.issues, request.lang) };
  } catch (error) {
    outcome = { ok: false, reason: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
  }
  parentPort.postMessage(outcome);
}

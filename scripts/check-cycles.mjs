// `npm run cycles`: dependency-cruiser (.dependency-cruiser.cjs) over the sources. A file cycle
// fails. A cycle between the API's feature folders fails unless it is one of those listed in
// .dependency-cruiser-known-violations.json (the API had them when the check came; see the
// config's comment): dependency-cruiser's own --ignore-known does not apply to folder cycles, so
// the comparison is made here. Entries no longer found are reported: remove them from the list.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const paths = ['packages/domain/src', 'packages/kinds', 'apps/api/src', 'apps/portal/src'];
let output;
try {
  output = execFileSync('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...paths], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
} catch (error) {
  output = error.stdout; // depcruise exits non-zero when it finds violations
  if (!output) throw error;
}
// A cycle is the same whichever of its members it is reported from: start it at the smallest name.
function key(v) {
  const names = (v.cycle ?? []).map((step) => step.name);
  if (!names.length) return `${v.rule.name}: ${v.from} → ${v.to}`;
  const start = names.indexOf([...names].sort()[0]);
  return `${v.rule.name}: ${[...names.slice(start), ...names.slice(0, start)].join(' → ')}`;
}
const known = new Set(JSON.parse(readFileSync(new URL('../.dependency-cruiser-known-violations.json', import.meta.url), 'utf8')).map(key));
const { violations, totalCruised } = JSON.parse(output).summary;
const found = violations.filter((v) => v.rule.severity === 'error');
const fresh = found.filter((v) => !known.has(key(v)));
const gone = [...known].filter((k) => !found.some((v) => key(v) === k));
for (const v of fresh) console.error(`error ${key(v)}`);
for (const k of gone) console.log(`listed but no longer reported (fixed? then remove it from .dependency-cruiser-known-violations.json): ${k}`);
console.log(`${totalCruised} modules: ${fresh.length} new import cycle(s), ${found.length - fresh.length} known API folder cycle(s) (.dependency-cruiser-known-violations.json)`);
process.exitCode = fresh.length ? 1 : 0;

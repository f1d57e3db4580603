// `npm run cycles`: dependency-cruiser (.dependency-cruiser.cjs) over the sources. Any import
// cycle fails: between files anywhere, and between the API's feature folders (apps/api/src/<x>/,
// each a Nest module), whose imports go one way. There is no list of tolerated cycles: the API's
// folder cycles were removed (issue 9) by putting what several modules share below them all
// (apps/api/src/common: the Actor, the outage detector, seed files, server secrets), so a new
// cycle is a new mistake. apps/api/test/import-cycles.spec.ts checks that one fails this check.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['packages/domain/src', 'packages/kinds', 'packages/spreadsheets/src', 'apps/api/src', 'apps/portal/src'];
const depcruise = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/** A cycle is the same whichever of its members it is reported from: start it at the smallest name. */
function nameOf(violation) {
  const names = (violation.cycle ?? []).map((step) => step.name);
  if (!names.length) return `${violation.rule.name}: ${violation.from} → ${violation.to}`;
  const start = names.indexOf([...names].sort()[0]);
  return `${violation.rule.name}: ${[...names.slice(start), ...names.slice(0, start)].join(' → ')}`;
}

/**
 * The import cycles under `paths` of the tree at `root` (which holds .dependency-cruiser.cjs and
 * tsconfig.base.json), one line each, and how many modules were read.
 */
export function findCycles(root = REPO, paths = SOURCES) {
  let output;
  try {
    output = execFileSync(process.execPath, [depcruise, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...paths], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    output = error.stdout; // depcruise exits non-zero when it finds violations
    if (!output) throw error;
  }
  const { violations, totalCruised } = JSON.parse(output).summary;
  return { cycles: [...new Set(violations.filter((v) => v.rule.severity === 'error').map(nameOf))], modules: totalCruised };
}

// `node scripts/check-cycles.mjs [root [paths...]]`: another tree (the test's scratch one) may be checked.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, ...paths] = process.argv.slice(2);
  const { cycles, modules } = findCycles(root ?? REPO, paths.length ? paths : SOURCES);
  for (const cycle of cycles) console.error(`error ${cycle}`);
  console.log(`${modules} modules: ${cycles.length} import cycle(s)`);
  process.exitCode = cycles.length ? 1 : 0;
}

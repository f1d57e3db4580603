import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { ConfigError, describeDatabase, loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/prepare.js';
import { countDemoSites, INCLUDE_EDITED_FLAG, removeDemoSites } from '../demo/demo-sites.js';
import { countDemoReports } from '../demo/demo-outcome-reports.js';

/**
 * Removes the fictional demo sites (seeds/demo) and their history from a database, in one
 * transaction: a production start refuses to run while any exist, since they would count
 * towards the plans' coverage. Without --yes it only says what it would remove. Demo sites that
 * real users edited (their history has entries by other accounts) are kept, and counted, unless
 * --include-edited is given as well: deleting them deletes those users' history with them.
 *
 *   DATABASE_URL=postgres://… npm run remove-demo -- --yes [--include-edited]
 */
export async function removeDemo(args: string[], dataSource: DataSource, where: string, out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args, options: { yes: { type: 'boolean', default: false }, 'include-edited': { type: 'boolean', default: false } }, allowPositionals: false });
  const includeEdited = values['include-edited'];
  const found = await countDemoSites(dataSource);
  // Demo outcome reports go with the sites (removeDemoSites); they alone also need the command.
  if (found.sites === 0 && (await countDemoReports(dataSource)) === 0) {
    out(`remove-demo: no demo sites in ${where}; nothing to do.`);
    return 0;
  }
  if (!values.yes) {
    out(`remove-demo: ${where} holds ${found.sites} demo sites (${found.approved} approved) with ${found.history} history entries.`);
    if (found.edited > 0) out(editedLine(found.edited, includeEdited));
    out('remove-demo: nothing was removed; run again with --yes to delete them (npm run remove-demo -- --yes).');
    return 1;
  }
  const removed = await removeDemoSites(dataSource, { includeEdited });
  out(`remove-demo: removed ${removed.sites} demo sites (${removed.approved} approved) and ${removed.history} history entries from ${where}, in one transaction.`);
  const kept = found.edited - removed.edited;
  if (kept > 0) {
    out(editedLine(kept, false));
    out(`remove-demo: ${kept} demo sites were kept; a production start refuses until they are gone. Check them, then run again with --yes ${INCLUDE_EDITED_FLAG} (npm run remove-demo -- --yes ${INCLUDE_EDITED_FLAG}).`);
    return 1;
  }
  return 0;
}

function editedLine(edited: number, included: boolean): string {
  return included
    ? `remove-demo: ${edited} of them were edited by real users (history entries by other accounts); ${INCLUDE_EDITED_FLAG} deletes them with those users' history.`
    : `remove-demo: ${edited} demo sites were edited by real users (history entries by other accounts): they are not deleted without ${INCLUDE_EDITED_FLAG}, which deletes those users' history with them.`;
}

async function main(): Promise<number> {
  const config = { ...loadConfig(), seedDemo: false, logLevel: 'silent' as const };
  const { dataSource } = await prepareDatabase(config);
  try {
    return await removeDemo(process.argv.slice(2), dataSource, describeDatabase(config));
  } finally {
    await dataSource.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`remove-demo: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

// Import cycles (issue 9, "CI checks the code"): `npm run cycles`, part of `npm run lint` and .ci/run.
// No cycle between files anywhere in the sources, and none between the API's feature folders
// (apps/api/src/<domain>/, each a Nest module): a module's imports go one way. What several
// modules share sits below them all in apps/api/src/common (the Actor, the database outage
// detector, seed files, server secrets); database/ registers every module's entities and sits
// above them. scripts/check-cycles.mjs fails on any cycle found: there is no list of tolerated ones.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      comment: 'A file reaches itself through its imports: split the shared part into a file both import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-api-module-cycles',
      comment:
        'Two feature folders of the API (Nest modules) import each other, directly or around a loop: ' +
        'move what both need into one of them (or common/), so the dependency goes one way.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/api/src/[^/]+' },
      to: { path: '^apps/api/src/[^/]+', circular: true },
    },
  ],
  options: {
    // Type-only imports are cycles too for the reader, but not at run time; both are checked.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    doNotFollow: { path: ['node_modules', '/dist/'] },
    exclude: { path: ['/dist/', '/node_modules/'] },
    enhancedResolveOptions: {
      extensions: ['.ts', '.vue', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};

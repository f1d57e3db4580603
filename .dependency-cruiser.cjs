// Import cycles (issue 9, "CI checks the code"): `npm run cycles`, part of `npm run lint` and .ci/run.
// No cycle between files anywhere in the sources, and none between the API's feature folders
// (apps/api/src/<domain>/, each a Nest module): a module's imports go one way.
// The folder cycles the API had when this check came (auth ↔ common/database/demo, common ↔
// health, demo ↔ seeding, seeding ↔ targets: entity and seed registries that import every
// module, guards in common that need auth's rules) are listed in
// .dependency-cruiser-known-violations.json and counted, not failed (scripts/check-cycles.mjs
// compares; dependency-cruiser's --ignore-known skips folder cycles); any other cycle fails, and
// a listed cycle that is gone is reported for removal from the list.
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

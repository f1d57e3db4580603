// ESLint over every workspace (issue 9, "CI checks the code"): `npm run lint`, also run by .ci/run.
// typescript-eslint's recommended type-checked set (types from each workspace's own tsconfig via
// the project service) and, for the portal's .vue files, eslint-plugin-vue's recommended set.
// Exceptions below are narrow and each says why.
'use strict';
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const vue = require('eslint-plugin-vue');
const vueParser = require('vue-eslint-parser');
const globals = require('globals');

const ts = ['**/*.ts', '**/*.vue'];
const tests = ['**/*.spec.ts', '**/*.test.ts', 'apps/api/test/**/*.ts', 'e2e/**/*.ts'];

module.exports = tseslint.config(
  {
    // What is linted: the sources and tests of every workspace. Generated and installed files are not.
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'apps/*/coverage/**', 'packages/*/coverage/**', 'packages/kinds/*/coverage/**', 'e2e/coverage/**', '**/.turbo/**', 'e2e/artifacts/**'],
  },
  {
    files: ts,
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: __dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      // `_`-prefixed names are the tree's way of saying "deliberately unused" (destructuring a field away).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Passing a rejection reason on as it came (a callback's error, AbortSignal.reason: typed
      // unknown/any) is right; rejecting with a string or other literal is still refused.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    files: ['apps/portal/src/**/*.vue'],
    extends: [...vue.configs['flat/recommended']],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: __dirname,
        extraFileExtensions: ['.vue'],
        sourceType: 'module',
      },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['apps/portal/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/api/**/*.ts', 'packages/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Features call the API through the client typed from the domain schemas (api/call.ts,
    // operations in api/operations.ts): the untyped transport would let a feature name its own
    // copy of a wire shape.
    files: ['apps/portal/src/features/**/*.ts', 'apps/portal/src/features/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '#/api/client',
              importNames: ['getJson', 'sendJson', 'sendCommand'],
              message: "Call the API with apiCall/apiCommand from '#/api/call': the operation's domain schemas type its body and answer.",
            },
          ],
        },
      ],
    },
  },
  {
    // Layout only (how many attributes per line, line breaks around short element text): the
    // templates keep short elements on one line and no formatter is run on this tree; applying
    // them would rewrite every template (~1,000 lines) without changing anything they render.
    files: ['apps/portal/src/**/*.vue'],
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      // The templates write void elements as `<input ... />`; the default would drop the slash.
      'vue/html-self-closing': ['error', { html: { void: 'always', normal: 'always', component: 'always' }, svg: 'always', math: 'always' }],
    },
  },
  {
    // ESLint's TypeScript program is plain tsc, not vue-tsc: a `.vue` module's type is unresolved
    // there (vue-tsc, run by `npm run typecheck`, does check these). So values typed by a
    // component (lazy route components, template refs to a child component, mount() wrappers in
    // component tests) come out as error types and every use of them is "unsafe". Off where
    // that is the only cause, nowhere else.
    files: [
      'apps/portal/src/main.ts',
      'apps/portal/src/router.ts',
      'apps/portal/src/**/*.spec.ts',
      'apps/portal/src/features/accounts/AccountForm.vue',
      'apps/portal/src/features/coverage/TargetForm.vue',
      'apps/portal/src/features/coverage/TargetsPage.vue',
      'apps/portal/src/features/auth/LoginPage.vue',
      'apps/portal/src/features/auth/PasswordPage.vue',
      'apps/portal/src/features/regions/ServicePointDialog.vue',
      'apps/portal/src/features/sites/SiteForm.vue',
      'apps/portal/src/features/outcomes/OutcomeReportPage.vue',
      'apps/portal/src/features/outcomes/ReportForm.vue',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Display helpers for values whose shape a kind or an audit entry defines at run time:
    // `String(value)` is their documented last resort (objects are JSON-formatted before it
    // where one can occur), not an accident of a missing toString.
    files: ['apps/portal/src/features/audit/labels.ts', 'apps/portal/src/features/kinds/values.ts', 'apps/portal/src/features/sites/field-changes.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Tests read response bodies (supertest's `res.body`, `JSON.parse` of logs and files) as
    // `any`. Typing them is issue 9's response-parsing work (each body parsed with its declared
    // schema); until then the no-unsafe-* rules would only flag that known gap, hundreds of times.
    // Production code keeps them.
    files: tests,
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `String(input)` of a fetch mock's RequestInfo | URL: the tests pass strings and URLs.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);

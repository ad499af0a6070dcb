// Lint: the usual rules for TypeScript, Astro and accessible JSX, plus the layer rules of
// docs/architecture.md. Each layer rule's message names the rule, so a failing `npm test` says which
// part of the house a change walked into and where the code belongs instead.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import rule: `names` are package or path patterns (gitignore style), `rule` is what the message quotes. */
const forbid = (group, rule) => ({ group, message: `Layer rule (docs/architecture.md): ${rule}` });

const DOMAIN_IS_PURE = 'src/domain/ is pure TypeScript: no astro:*, node:*, DOM or other src/ folders.';
const ONLY_DATA_QUERIES =
  'only src/data/ calls getCollection/getEntry: pages ask src/data/ for their view model, components and layouts render the props they are given.';
const CLIENT_NOT_SERVER = 'src/client/ runs in the browser and never imports src/server/.';
const PAGES_NO_SQLITE = 'pages ask src/server/ for data; they never open SQLite themselves.';
const SCRIPTS_NOT_TESTS = 'scripts never import from tests/; what both need lives in scripts/support/.';
const CONFIG_ONCE = 'only src/config.ts reads process.env or import.meta.env; take the setting from there.';

const browserGlobals = Object.keys(globals.browser).filter(
  (name) => !(name in globals.node) && !(name in globals['shared-node-browser']),
);

const queries = {
  name: 'astro:content',
  importNames: ['getCollection', 'getEntry', 'getEntries', 'getLiveCollection', 'getLiveEntry'],
  message: `Layer rule (docs/architecture.md): ${ONLY_DATA_QUERIES}`,
};

const envAccess = [
  {
    selector: "MemberExpression[object.name='process'][property.name='env']",
    message: `Layer rule (docs/architecture.md): ${CONFIG_ONCE}`,
  },
  {
    selector: "MemberExpression[object.type='MetaProperty'][property.name='env']",
    message: `Layer rule (docs/architecture.md): ${CONFIG_ONCE}`,
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'var/',
      '.bench/',
      '.dist-*/',
      '.tmp/',
      'test-results/',
      'playwright-report/',
      'src/env.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  astro.configs['flat/jsx-a11y-recommended'],
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    // Preact writes the label's attribute as `for`, as HTML does.
    settings: { 'jsx-a11y': { attributes: { for: ['for', 'htmlFor'] } } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': ['error', ...envAccess],
    },
  },
  {
    files: ['src/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // ---- Layer rules ---------------------------------------------------------------------------------
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['astro:*', 'node:*', 'astro/loaders', 'astro/container'], DOMAIN_IS_PURE),
            forbid(
              [
                '**/client/**',
                '**/server/**',
                '**/data/**',
                '**/components/**',
                '**/layouts/**',
                '**/pages/**',
                '**/integrations/**',
                '**/config',
                '**/config.ts',
              ],
              DOMAIN_IS_PURE,
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...browserGlobals.map((name) => ({ name, message: `Layer rule (docs/architecture.md): ${DOMAIN_IS_PURE}` })),
      ],
    },
  },
  {
    files: ['src/components/**', 'src/layouts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [queries],
          patterns: [
            forbid(
              ['node:sqlite', '**/server/**'],
              'components and layouts render what they are given: no database, no server code.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/pages/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [queries],
          patterns: [
            forbid(['node:sqlite', '**/server/newsletter/database*', '**/server/newsletter/*-store*'], PAGES_NO_SQLITE),
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [queries],
          patterns: [
            forbid(['**/server/**', 'node:*'], CLIENT_NOT_SERVER),
            forbid(['**/data/**', 'astro:content'], 'src/client/ gets its data from the page, not from collections.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**', 'src/integrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [queries],
          patterns: [
            forbid(
              ['**/client/**', '**/components/**', '**/layouts/**', '**/pages/**'],
              'server code does not import browser code or pages.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid(['**/tests/**'], SCRIPTS_NOT_TESTS)] }],
    },
  },
  // Inlined into every page before paint and written compactly by hand for its bytes (ThemeScript.astro),
  // and the articles' copy-link script, compact for the same reason (ShareLinks.astro).
  {
    files: ['src/client/theme-before-paint.js', 'src/client/copy-link.js'],
    rules: { eqeqeq: 'off', 'no-empty': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  // The one module that reads the environment.
  {
    files: ['src/config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // Tests set up environments for the processes they start; the layer rules are about the product.
  {
    files: ['tests/**', 'playwright.config.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

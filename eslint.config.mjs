// @ts-check
// One lint configuration for the monorepo: `npm run lint` (docs: https://eslint.org/docs/latest/use/configure/).
// Base: ESLint's and typescript-eslint's recommended type-checked rules, angular-eslint's for the console, and the
// backend's import boundaries (docs/architecture.md). Rules turned off or narrowed below say why.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const MODULES = 'backend/src/modules';
const modules = readdirSync(new URL(MODULES, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const TESTS = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts', 'admin/src/testing/**/*.ts'];

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '.angular/**', '.data/**', 'test-results/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // TypeScript everywhere: type-aware, each file checked with its nearest tsconfig.json (the project service).
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a value left out on purpose (`const { secret: _secret, ...safe } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Angular's `Validators.required` and other static members are meant to be passed around unbound.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      // Its autofixes were applied once; what is left is "type arguments may be inferred from the assertion" on
      // `(await db.query(…)) as Row[]`, where the assertion is the point: TypeORM's query() is untyped.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },

  // The sandbox's tests are outside its build tsconfig.json (which emits dist/); its spec tsconfig covers the tests and
  // the sources, so one program serves the whole library (half the time of two).
  {
    files: ['libs/meta-sandbox/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: ['libs/meta-sandbox/tsconfig.spec.json'] },
    },
  },

  // Tests: response bodies and fixtures are `any` on purpose (the assertions check their shape), fakes implement
  // async interfaces without awaiting, and `expect(fake.method)` passes methods unbound.
  {
    files: TESTS,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Rows read back with raw SQL carry enum columns as strings; comparing them with the enum is the point.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },

  // The sandbox reads raw requests as Meta's servers do: untyped bodies and queries, values coerced with String() as
  // Meta coerces them, node specs generic over `any`; its contract tests pin that behaviour, typing it is churn.
  {
    files: ['libs/meta-sandbox/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },

  // The console: angular-eslint's recommended rules for components and templates (inline ones included).
  {
    files: ['admin/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
  },
  {
    files: ['admin/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },

  // Backend boundaries (docs/architecture.md): infra/ and common/ never import modules/, and a module imports another
  // only through its index.ts. Cycles between module folders: `node scripts/module-graph.mjs`, run by `npm run lint`
  // (import-x/no-cycle checks files, not module folders, and added ~9 s to every cold lint of backend/src).
  {
    files: ['backend/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            ...['infra', 'common'].map((layer) => ({
              target: `backend/src/${layer}`,
              from: MODULES,
              message: `${layer}/ never imports modules/: move the shared piece into ${layer}/ or invert the dependency.`,
            })),
            ...modules.map((name) => ({
              target: modules.filter((other) => other !== name).map((other) => `${MODULES}/${other}`),
              from: `${MODULES}/${name}`,
              except: ['./index.ts'],
              message: `Import the ${name} module through its index.ts (its public surface).`,
            })),
          ],
        },
      ],
    },
  },

  // Node scripts and jest configs: plain JavaScript, no type information.
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
);

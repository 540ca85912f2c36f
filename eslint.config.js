import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Third-party libraries that one module wraps; everything else goes through that module. */
const wrapped = [
  {
    name: 'node-forge',
    message:
      'node-forge is used only inside src/crypto/ (it runs in a Web Worker). Call the crypto module instead.',
  },
  {
    name: '@azure/msal-browser',
    message: 'MSAL is wrapped by src/auth/. Use its hooks and functions instead.',
  },
  {
    name: 'zod',
    message:
      'Import z from src/ui/zod-without-eval.ts: it turns off the eval probe the Content Security Policy refuses ' +
      'before any schema is built, in whichever chunk zod loads.',
  },
];

const restricted = (allow = []) => [
  'error',
  {
    paths: wrapped.filter((p) => !allow.includes(p.name)),
    patterns: wrapped
      .filter((p) => !allow.includes(p.name))
      .map((p) => ({ group: [`${p.name}/*`], message: p.message })),
  },
];

/**
 * The layer order (DEVELOPERS.md): each folder of src/ and the only folders it may import. A layer imports only layers
 * listed before it, and none of its own tier (catalog, crypto; config, ui, plan; auth, graph, exports). The app
 * (src/app.tsx, src/main.tsx) may import every layer; no layer imports it.
 */
const layers = {
  catalog: [],
  crypto: [],
  config: ['catalog'],
  ui: ['catalog'],
  plan: ['catalog', 'crypto'],
  auth: ['config', 'ui'],
  graph: ['catalog', 'config', 'crypto', 'plan'],
  exports: ['catalog', 'config', 'crypto', 'plan'],
  // The emulated Microsoft tenant: the demo in the page, and the tests' Graph and sign-in. (The demo's wiring in
  // src/demo/ sits beside the app: it may use every layer, and only the app loads it, on demand.)
  'demo/emulator': ['catalog', 'config'],
};
layers.wizard = Object.keys(layers);
layers.steps = [...layers.wizard, 'wizard'];

/** Why a layer's list is what it is, where that is not plain from the order. */
const reasons = {
  wizard: 'The shell renders whatever registry it is given and never imports a step.',
};

const steps = readdirSync(new URL('./src/steps', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * `import-x/no-restricted-paths` zones: everything in src/ is out of bounds but the layer itself and what it may use
 * (and `also`: the unit tests of every layer may use the emulated tenant).
 */
const zonesOf = (also = []) => [
  ...Object.entries(layers).map(([layer, allowed]) => ({
    target: `src/${layer}`,
    from: 'src',
    except: [...new Set([layer, ...allowed, ...also])].map((name) => `./${name}`),
    message: [
      `src/${layer}/ ${allowed.length ? `may import only ${allowed.join(', ')}` : 'imports no other layer'}` +
        ' (the layer order in DEVELOPERS.md).',
      reasons[layer],
    ]
      .filter(Boolean)
      .join(' '),
  })),
  ...steps.map((step) => ({
    target: `src/steps/${step}`,
    from: 'src/steps',
    except: [`./${step}`],
    message: 'A step never imports another step. Move shared code to src/ui, src/plan or src/wizard.',
  })),
];
const layerZones = zonesOf();

/** The app never reaches into test or build code; tests may use the emulator and test support. */
const testCodeZone = {
  target: 'src',
  from: ['e2e', 'test-support', 'bench', 'scripts'],
  message: 'The app never imports test or build code.',
};

const restrictedPaths = (zones) => ['error', { basePath: import.meta.dirname, zones }];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restricted(),
    },
  },
  { files: ['src/crypto/**'], rules: { 'no-restricted-imports': restricted(['node-forge']) } },
  { files: ['src/auth/**'], rules: { 'no-restricted-imports': restricted(['@azure/msal-browser']) } },
  { files: ['src/ui/zod-without-eval.ts'], rules: { 'no-restricted-imports': restricted(['zod']) } },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // The zones see only imports the resolver finds, so it must resolve every extension src/ uses.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': restrictedPaths([...layerZones, testCodeZone]),
      'import-x/no-unresolved': ['error', { ignore: ['\\?raw$'] }],
    },
  },
  {
    // Unit tests (*.test.ts) and component tests (*.browser.test.tsx) may use the test support.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': restrictedPaths(zonesOf(['demo/emulator'])) },
  },
  {
    files: ['e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'],
    rules: { 'no-console': 'off' },
  },
  {
    // Every spec ends with the secret scan: its `test` comes from the fixture that runs it.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message:
                'Import test from ./support/secret-scan (or ./support/emulator-fixture): it scans for secrets after every test.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests assert a value exists (toHaveLength, toBeDefined) before they use it.
    files: ['e2e/**/*.spec.ts', 'e2e/support/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

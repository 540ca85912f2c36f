import js from '@eslint/js';
import globals from 'globals';
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
];

const restricted = (extraPatterns = [], allow = []) => [
  'error',
  {
    paths: wrapped.filter((p) => !allow.includes(p.name)),
    patterns: [
      ...wrapped
        .filter((p) => !allow.includes(p.name))
        .map((p) => ({ group: [`${p.name}/*`], message: p.message })),
      ...extraPatterns,
    ],
  },
];

const noStepImports = {
  regex: '(^|/)steps/(?!registry)',
  message: 'The wizard shell renders whatever registry it is given and never imports a step.',
};
const noSiblingStep = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/',
  message: 'A step never imports another step. Move shared code to src/ui, src/plan or src/wizard.',
};

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
  { files: ['src/crypto/**'], rules: { 'no-restricted-imports': restricted([], ['node-forge']) } },
  { files: ['src/auth/**'], rules: { 'no-restricted-imports': restricted([], ['@azure/msal-browser']) } },
  { files: ['src/wizard/**'], rules: { 'no-restricted-imports': restricted([noStepImports]) } },
  { files: ['src/steps/*/**'], rules: { 'no-restricted-imports': restricted([noSiblingStep]) } },
  {
    files: ['e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests assert a value exists (toHaveLength, toBeDefined) before they use it.
    files: ['e2e/**/*.spec.ts', 'e2e/support/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

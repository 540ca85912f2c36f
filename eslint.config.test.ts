/**
 * The layer order holds only while lint enforces it: these lint small in-memory files placed in src/ with the
 * project's own ESLint config and check which imports fail.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: import.meta.dirname });

/** The rule ids and messages of linting `source` as if it were the file at `path`. */
async function lint(path: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: `${import.meta.dirname}/${path}` });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

const importing = (specifier: string) =>
  `import * as imported from '${specifier}';\nexport const used = imported;\n`;

/** Lints `path` importing `specifier`: no problem, or exactly one of `ruleId` that says `message`. */
async function expectLint(path: string, specifier: string, ruleId?: string, message?: string) {
  expect(await lint(path, importing(specifier))).toEqual(
    ruleId ? [{ ruleId, message: expect.stringContaining(message ?? '') }] : [],
  );
}

const zone = 'import-x/no-restricted-paths';
const wrapper = 'no-restricted-imports';

beforeAll(async () => {
  // Loading the config and its plugins is most of the time; do it once, with the hook's longer timeout.
  await lint('src/ui/warm-up.ts', 'export const warm = 1;\n');
});

describe('the layer order and the wrapped libraries', () => {
  it.each([
    ['src/ui/x.ts', '../crypto/random', zone, 'src/ui/ may import only catalog'],
    ['src/ui/x.tsx', '../wizard/stepper', zone, 'src/ui/ may import only catalog'],
    ['src/catalog/x.ts', '../config/clouds', zone, 'src/catalog/ imports no other layer'],
    ['src/plan/x.ts', '../graph/plan-runner', zone, 'src/plan/ may import only catalog, crypto'],
    ['src/plan/x.ts', '../config/clouds', zone, 'src/plan/ may import only catalog, crypto'],
    ['src/graph/x.ts', '../wizard/answers', zone, 'src/graph/ may import only catalog, config, crypto, plan'],
    ['src/auth/x.ts', '../exports/manifest', zone, 'src/auth/ may import only config, ui'],
    [
      'src/exports/x.ts',
      '../graph/plan-runner',
      zone,
      'src/exports/ may import only catalog, config, crypto',
    ],
    ['src/wizard/x.ts', '../steps/registry', zone, 'never imports a step'],
    ['src/steps/review/x.ts', '../run/run-step', zone, 'A step never imports another step'],
    ['src/steps/review/x.ts', '../../app', zone, 'src/steps/ may import only'],
    ['src/crypto/x.ts', '../../e2e/emulator/http-server', zone, 'The app never imports test or build code'],
    [
      'src/graph/x.ts',
      '../demo/emulator/emulator',
      zone,
      'src/graph/ may import only catalog, config, crypto, plan',
    ],
    // The zones judge only imports the resolver finds, so one it cannot find is an error of its own.
    ['src/ui/x.ts', '../crypto/no-such-module', 'import-x/no-unresolved', '../crypto/no-such-module'],
    ['src/wizard/x.ts', 'node-forge', wrapper, 'node-forge is used only inside src/crypto/'],
    ['src/graph/x.ts', '@azure/msal-browser', wrapper, 'MSAL is wrapped by src/auth/'],
    ['src/steps/review/x.ts', 'zod', wrapper, 'Import z from src/ui/zod-without-eval.ts'],
    ['src/config/x.ts', 'zod/mini', wrapper, 'Import z from src/ui/zod-without-eval.ts'],
  ])('fails %s importing %s', expectLint);

  it.each([
    ['src/config/x.ts', '../catalog/connectors'],
    ['src/auth/x.ts', '../config/clouds'],
    ['src/graph/x.ts', '../crypto/key-credential'],
    ['src/graph/x.ts', '../plan/plan-types'],
    ['src/plan/x.ts', '../crypto/key-credential'],
    ['src/exports/x.ts', '../crypto/certificate-summary'],
    ['src/wizard/x.ts', '../graph/plan-runner'],
    ['src/steps/review/x.ts', '../../wizard/answers'],
    ['src/steps/registry-like.ts', './review/review-step'],
    ['src/x.tsx', './steps/registry'],
    ['src/graph/x.test.ts', '../../test-support/graph/emulator-harness'],
    ['src/crypto/x.ts', 'node-forge'],
    ['src/auth/x.ts', '@azure/msal-browser'],
    ['src/ui/zod-without-eval.ts', 'zod'],
    ['src/steps/review/x.ts', '../../ui/zod-without-eval'],
  ])('passes %s importing %s', (path, specifier) => expectLint(path, specifier));
});

describe('the secret scan in every spec', () => {
  it('fails a spec taking test from @playwright/test, and passes one taking it from the scanning fixture', async () => {
    const restricted = await lint(
      'e2e/x.spec.ts',
      "import { expect, test } from '@playwright/test';\nexport const used = [expect, test];\n",
    );
    expect(restricted).toEqual([
      { ruleId: wrapper, message: expect.stringContaining('it scans for secrets after every test') },
    ]);
    expect(
      await lint(
        'e2e/x.spec.ts',
        "import { expect, type Page } from '@playwright/test';\nimport { test } from './support/secret-scan';\n" +
          'export const used: [typeof expect, typeof test, Page | null] = [expect, test, null];\n',
      ),
    ).toEqual([]);
  });
});

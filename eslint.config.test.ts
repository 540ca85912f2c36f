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

beforeAll(async () => {
  // Loading the config and its plugins is most of the time; do it once, with the hook's longer timeout.
  await lint('src/ui/warm-up.ts', 'export const warm = 1;\n');
});

describe('the layer order', () => {
  it.each([
    ['src/ui/x.ts', '../crypto/random', 'src/ui/ may import only catalog'],
    ['src/ui/x.tsx', '../wizard/stepper', 'src/ui/ may import only catalog'],
    ['src/catalog/x.ts', '../config/clouds', 'src/catalog/ imports no other layer'],
    ['src/plan/x.ts', '../graph/plan-runner', 'src/plan/ may import only catalog'],
    ['src/plan/x.ts', '../crypto/key-credential', 'src/plan/ may import only catalog'],
    ['src/graph/x.ts', '../wizard/answers', 'src/graph/ may import only catalog, crypto, plan'],
    ['src/auth/x.ts', '../exports/manifest', 'src/auth/ may import only config, ui'],
    [
      'src/exports/x.ts',
      '../graph/plan-runner',
      'src/exports/ may import only catalog, config, crypto, plan',
    ],
    ['src/wizard/x.ts', '../steps/registry', 'never imports a step'],
    ['src/steps/review/x.ts', '../run/run-step', 'A step never imports another step'],
    ['src/steps/review/x.ts', '../../app', 'src/steps/ may import only'],
    ['src/crypto/x.ts', '../../e2e/emulator/emulator', 'The app never imports test or build code'],
  ])('fails %s importing %s', async (path, specifier, message) => {
    expect(await lint(path, importing(specifier))).toEqual([
      { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining(message) },
    ]);
  });

  it.each([
    ['src/config/x.ts', '../catalog/connectors'],
    ['src/auth/x.ts', '../config/clouds'],
    ['src/graph/x.ts', '../crypto/key-credential'],
    ['src/graph/x.ts', '../plan/plan-types'],
    ['src/exports/x.ts', '../crypto/certificate-summary'],
    ['src/wizard/x.ts', '../graph/plan-runner'],
    ['src/steps/review/x.ts', '../../wizard/answers'],
    ['src/steps/registry-like.ts', './review/review-step'],
    ['src/x.tsx', './steps/registry'],
    ['src/graph/x.test.ts', '../../test-support/graph/emulator-harness'],
  ])('passes %s importing %s', async (path, specifier) => {
    expect(await lint(path, importing(specifier))).toEqual([]);
  });

  it('finds every import it judges: one the resolver cannot find is an error of its own', async () => {
    expect(await lint('src/ui/x.ts', importing('../crypto/no-such-module'))).toEqual([
      { ruleId: 'import-x/no-unresolved', message: expect.stringContaining('../crypto/no-such-module') },
    ]);
  });
});

describe('the wrapped libraries', () => {
  it.each([
    ['src/wizard/x.ts', 'node-forge', 'node-forge is used only inside src/crypto/'],
    ['src/graph/x.ts', '@azure/msal-browser', 'MSAL is wrapped by src/auth/'],
  ])('fails %s importing %s', async (path, specifier, message) => {
    expect(await lint(path, importing(specifier))).toEqual([
      { ruleId: 'no-restricted-imports', message: expect.stringContaining(message) },
    ]);
  });

  it.each([
    ['src/crypto/x.ts', 'node-forge'],
    ['src/auth/x.ts', '@azure/msal-browser'],
  ])('passes %s importing %s', async (path, specifier) => {
    expect(await lint(path, importing(specifier))).toEqual([]);
  });
});

import { defineConfig } from 'vitest/config';
import { loadEnv, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import griffel from '@griffel/vite-plugin';
import { playwright } from '@vitest/browser-playwright';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { contentSecurityPolicy } from './src/auth/content-security-policy.ts';
import { clouds } from './src/config/clouds.ts';
import type * as WizardRegistration from './src/config/wizard-registration.ts';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/**
 * Puts the Content Security Policy into every built page as a `<meta>` tag right after `<meta charset>` (which must
 * stay within the first 1024 bytes), so it comes before every script. Only at build: the dev server injects inline
 * scripts for hot reload.
 */
function contentSecurityPolicyMeta(): Plugin {
  const content = contentSecurityPolicy(Object.values(clouds));
  if (/["&<>]/.test(content)) throw new Error('The Content Security Policy needs HTML escaping');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${content}" />`;
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { filename }) => {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error(`${filename} has no <meta charset> to put the CSP after`);
        return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
      },
    },
  };
}

/** src/preload-config.ts: an entry of its own, which index.html runs beside main.tsx's to fetch config.json early. */
const PRELOAD_CONFIG_ENTRY = resolve(import.meta.dirname, 'src/preload-config.ts');

/**
 * Puts the build of `src/preload-config.ts` in index.html as an async module script, so that it runs as soon as it
 * is downloaded, without waiting for the wizard's code. The build fails if that chunk imports anything: it must stay
 * a few hundred bytes that start at once.
 */
function preloadConfigScript(): Plugin {
  return {
    name: 'preload-config-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { filename, bundle }) => {
        if (!filename.endsWith('index.html') || !bundle) return html;
        const chunk = Object.values(bundle).find(
          (output) =>
            output.type === 'chunk' && output.isEntry && output.facadeModuleId === PRELOAD_CONFIG_ENTRY,
        );
        if (chunk?.type !== 'chunk') throw new Error('The build has no chunk for src/preload-config.ts');
        if (chunk.imports.length)
          throw new Error(`src/preload-config.ts's chunk imports ${chunk.imports.join(', ')}`);
        const script = `<script type="module" async crossorigin src="/${chunk.fileName}"></script>`;
        return html.replace('</head>', `  ${script}\n  </head>`);
      },
    },
  };
}

/** The file the build writes for whoever hosts the wizard: the wizard's own app registration (docs/deploy.md). */
export const WIZARD_REGISTRATION_FILE = 'wizard-registration.json';

/**
 * Writes `wizard-registration.json`, the wizard's own app registration as a Microsoft Graph application, for the
 * site's origin in `WIZARD_ORIGIN` (from the environment or a `.env` file). Without it the file carries a placeholder
 * origin and the build says so; an origin that cannot work stops the build. The registration module is loaded through
 * Vite's module runner, as src/ imports without file extensions, which the config loader is not to bundle.
 */
function wizardRegistrationFile(): Plugin {
  let origin: string | undefined;
  let registration: WizardRegistration.WizardRegistration;
  return {
    name: 'wizard-registration-file',
    apply: 'build',
    configResolved(config) {
      const value = loadEnv(config.mode, config.envDir || config.root, 'WIZARD_')['WIZARD_ORIGIN']?.trim();
      origin = value || undefined;
    },
    async buildStart() {
      const { module } = await runnerImport<typeof WizardRegistration>(
        resolve(import.meta.dirname, 'src/config/wizard-registration.ts'),
        { configFile: false, logLevel: 'silent' },
      );
      const problem = origin === undefined ? null : module.wizardOriginProblem(origin);
      if (problem) this.error(`WIZARD_ORIGIN cannot be used: ${problem}`);
      registration = module.wizardRegistration(origin);
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: WIZARD_REGISTRATION_FILE,
        source: `${JSON.stringify(registration.manifest, null, 2)}\n`,
      });
      if (registration.placeholder) {
        this.warn(
          `WIZARD_ORIGIN is not set, so ${WIZARD_REGISTRATION_FILE} has the placeholder ${registration.origin}: ` +
            'build with WIZARD_ORIGIN=https://<your site>, or replace it by hand (docs/deploy.md).',
        );
      }
    },
  };
}

/**
 * Whether the build writes source maps: only with `WIZARD_SOURCEMAP=true` (from the environment or a `.env` file), for
 * debugging a build. A deployment ships none: they would publish the whole source next to the app and weigh more than
 * the app itself.
 */
function sourceMapsWanted(mode: string): boolean {
  return loadEnv(mode, import.meta.dirname, 'WIZARD_')['WIZARD_SOURCEMAP']?.trim() === 'true';
}

export default defineConfig(({ mode, command }) => ({
  plugins: [
    react(),
    // The build turns each makeStyles into the CSS rules it resolves to (Fluent's own packages ship that way), so
    // the page no longer works out styles at run time: Griffel's style compiler (stylis, rtl-css-js) leaves the
    // bundle and the first render is shorter. The dev server and the component tests keep run-time styles.
    command === 'build' && griffel(),
    contentSecurityPolicyMeta(),
    wizardRegistrationFile(),
    preloadConfigScript(),
  ],
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: sourceMapsWanted(mode),
    // Fonts stay files: the Content Security Policy allows fonts from 'self' only, never data: URIs.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
    // No modulepreload polyfill: a script of its own that both pages would wait for before anything runs. Every
    // browser since 2023 preloads modules itself; an older one only loses the head start on a later step's chunks.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // redirect.html is MSAL's redirect bridge: a page of its own, outside the app and its providers.
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        redirect: resolve(import.meta.dirname, 'redirect.html'),
        'preload-config': PRELOAD_CONFIG_ENTRY,
      },
      output: {
        codeSplitting: {
          groups: [
            // src/preload-config.ts and the frame guard it shares with main.tsx, in the preload script's own chunk.
            {
              name: 'preload-config',
              test: /src[\\/](preload-config|auth[\\/]frame-guard)\.ts$/,
              priority: 1,
            },
            {
              // Everything the wizard's page loads at start, in one chunk (one request, better compressed) rather
              // than the many small chunks of the modules it shares with the steps loaded later. redirect.html and
              // MSAL stay out of it.
              name: 'main',
              tags: ['$initial'],
              test: (id: string) => !/redirect(\.html|-bridge)|@azure[\\/]msal/.test(id),
            },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    // Key generation, PBKDF2 and openssl take seconds of CPU each; on a busy 2-core machine vitest's 5 s default
    // fails them for being slow, not wrong. A hang still fails, after 30 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        // `npm run test:unit`: functions and modules, in Node.
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'e2e/**/*.unit.test.ts',
            'scripts/**/*.test.ts',
            'eslint.config.test.ts',
          ],
          environment: 'node',
          // One process per worker for every file, instead of a fresh one per file: each file's imports then load
          // once per worker, not once per file. No unit test changes a global it does not put back.
          isolate: false,
          // Vitest's default leaves a core idle (one worker on 2 cores); the files wait on openssl, bash and the
          // CLI for Microsoft 365 often enough to keep two busy.
          maxWorkers: Math.max(2, availableParallelism() - 1),
        },
      },
      {
        // `npm run test:component`: the wizard's own components rendered in Chromium (the same Debian Chromium and
        // flags as the end-to-end tests), driven as the admin would, with nothing else running.
        extends: true,
        // Stop the crawl for the tests' dependencies from missing any, which would bundle them all a second time
        // and reload the page in the middle of the run.
        optimizeDeps: {
          include: [
            '@fluentui/react-components',
            '@fluentui/react-icons',
            '@hookform/resolvers/zod',
            'fflate',
            'node-forge',
            'react',
            'react-dom',
            'react-dom/client',
            'react-hook-form',
            'react/jsx-dev-runtime',
            'vitest-browser-react/pure',
            'zod',
          ],
        },
        test: {
          name: 'component',
          include: ['src/**/*.browser.test.tsx'],
          // One page for every file, one after the other: the app's modules load once, and the 2-core machine is not
          // split between pages. Each test renders its own wizard, and vitest-browser-react removes it afterwards.
          isolate: false,
          fileParallelism: false,
          // A failing test's screenshot lands beside Playwright's results, outside the sources.
          attachmentsDir: 'test-results/component/attachments',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 800 },
            screenshotDirectory: 'test-results/component/screenshots',
          },
        },
      },
    ],
  },
}));

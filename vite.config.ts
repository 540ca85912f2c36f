import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { contentSecurityPolicy } from './src/auth/content-security-policy.ts';
import { clouds } from './src/config/clouds.ts';

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

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // redirect.html is MSAL's redirect bridge: a page of its own, outside the app and its providers.
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        redirect: resolve(import.meta.dirname, 'redirect.html'),
      },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.unit.test.ts', 'scripts/**/*.test.ts', 'eslint.config.test.ts'],
    environment: 'node',
    // Key generation, PBKDF2 and openssl take seconds of CPU each; on a busy 2-core machine vitest's 5 s default
    // fails them for being slow, not wrong. A hang still fails, after 30 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

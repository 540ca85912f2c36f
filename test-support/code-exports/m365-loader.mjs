// `node --import` hook for the tests that run CLI for Microsoft 365: `applicationinsights` resolves to a stub (see
// applicationinsights-stub.mjs). Everything else loads as it is.
import { register } from 'node:module';

register(new URL('./m365-resolve-hook.mjs', import.meta.url));

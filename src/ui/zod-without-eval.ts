import { z } from 'zod';

/**
 * zod, for every module of the wizard that builds a schema: they import `z` from here, never from 'zod' (ESLint says
 * so), so this runs before any schema exists, in whichever chunk zod loads with (the steps', not the start-up
 * bundle's).
 *
 * The Content Security Policy forbids eval. zod probes for it (`new Function('')`) when an object schema is built, and
 * the browser reports the refused probe as a violation. Telling zod up front not to compile parsers avoids the probe.
 */
z.config({ jitless: true });

export { z };
export type { ZodType } from 'zod';

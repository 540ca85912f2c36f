import { z } from 'zod';

/**
 * The Content Security Policy forbids eval. zod probes for it (`new Function('')`) when a schema is built, and the
 * browser reports the refused probe as a violation. Telling zod up front not to compile parsers avoids the probe.
 * main.tsx imports this module first, before any module builds a schema.
 */
z.config({ jitless: true });

/** A GUID in its 8-4-4-4-12 hex form, in either case: how Entra writes client, tenant, object and key IDs. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a string in the GUID form of `GUID_PATTERN`. */
export const isGuid = (value: unknown): value is string =>
  typeof value === 'string' && GUID_PATTERN.test(value);

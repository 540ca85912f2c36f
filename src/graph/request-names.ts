/**
 * Names for the values a run learns as it goes (object ids, the day, the run's id), so a request can be shown before
 * the run: the review shows `{placeholders}`, an export its own variables.
 */
export interface RequestNames {
  readonly applicationId: string;
  readonly appId: string;
  readonly servicePrincipalId: string;
  readonly runId: string;
  readonly today: string;
  readonly secretEnd: (months: number) => string;
  /** The end of a secret whose lifetime the tenant's policy caps, in days. */
  readonly secretEndDays: (days: number) => string;
  readonly resourceServicePrincipalId: (resourceAppId: string) => string;
  /** The `key` of a certificate already on the registration, which goes back with the new one. */
  readonly currentKey: (keyId: string) => string;
}

/** The review's placeholders. */
export const PLACEHOLDERS: RequestNames = {
  applicationId: '{applicationId}',
  appId: '{appId}',
  servicePrincipalId: '{servicePrincipalId}',
  runId: '{runId}',
  today: '{today}',
  secretEnd: (months) => `{today + ${months} months}`,
  secretEndDays: (days) => `{today + ${days} days}`,
  resourceServicePrincipalId: (resourceAppId) => `{servicePrincipalId of ${resourceAppId}}`,
  currentKey: (keyId) => `{the current key of certificate ${keyId}}`,
};

/** Compares the registration as Graph returns it with what the runner sent. Pure. */
import type { Application, RequiredResourceAccess } from '@microsoft/microsoft-graph-types';
import type { ApplicationBody } from './graph-requests';
import type { DriftEntry } from './run-types';

/** What the read-back is compared with. */
export interface DriftExpectation {
  readonly body: ApplicationBody;
  /** keyId of the wizard's certificate, when one was sent. */
  readonly certificateKeyId: string | null;
  /** keyId of this run's secret. */
  readonly secretKeyId: string | null;
}

/** The comparison's outcome. */
export interface ReadBackReport {
  readonly drift: readonly DriftEntry[];
  /** `customKeyIdentifier` Graph stored for the wizard's certificate (the thumbprint, since none was sent). */
  readonly storedCustomKeyIdentifier: string | null;
}

const MISSING = '(missing)';
const ABSENT = '(not requested)';

function accessSet(rra: readonly RequiredResourceAccess[] | null | undefined): Set<string> {
  return new Set(
    (rra ?? []).flatMap((r) =>
      (r.resourceAccess ?? []).map((a) =>
        `${r.resourceAppId ?? ''} ${a.id ?? ''} ${a.type ?? ''}`.toLowerCase(),
      ),
    ),
  );
}

function compareValue(
  drift: DriftEntry[],
  property: string,
  expected: string,
  actual: string | null | undefined,
) {
  if (expected !== (actual ?? '')) drift.push({ property, expected, actual: actual ?? MISSING });
}

function hasKey(list: readonly { keyId?: string | null }[] | null | undefined, keyId: string): boolean {
  return (list ?? []).some((k) => k.keyId?.toLowerCase() === keyId.toLowerCase());
}

/** Lists every planned property that does not read back as sent; redirect URIs and permissions compare as sets. */
export function compareWithPlan(app: Application, expected: DriftExpectation): ReadBackReport {
  const drift: DriftEntry[] = [];
  const { body } = expected;
  compareValue(drift, 'displayName', body.displayName, app.displayName);
  compareValue(drift, 'signInAudience', body.signInAudience, app.signInAudience);

  const wantUris = [...body.web.redirectUris].sort();
  const haveUris = [...(app.web?.redirectUris ?? [])].sort();
  if (wantUris.join('\n') !== haveUris.join('\n')) {
    drift.push({
      property: 'web.redirectUris',
      expected: wantUris.join(', '),
      actual: haveUris.join(', ') || MISSING,
    });
  }
  const wantIdTokens = String(body.web.implicitGrantSettings.enableIdTokenIssuance);
  compareValue(
    drift,
    'web.implicitGrantSettings.enableIdTokenIssuance',
    wantIdTokens,
    String(app.web?.implicitGrantSettings?.enableIdTokenIssuance ?? false),
  );

  const lock = body.servicePrincipalLockConfiguration;
  if (lock) {
    const stored = app.servicePrincipalLockConfiguration;
    compareValue(
      drift,
      'servicePrincipalLockConfiguration',
      `isEnabled ${lock.isEnabled}, allProperties ${lock.allProperties}`,
      stored
        ? `isEnabled ${stored.isEnabled ?? false}, allProperties ${stored.allProperties ?? false}`
        : null,
    );
  }

  if (body.web.homePageUrl)
    compareValue(drift, 'web.homePageUrl', body.web.homePageUrl, app.web?.homePageUrl);
  for (const [key, value] of Object.entries(body.info ?? {})) {
    compareValue(drift, `info.${key}`, value, app.info?.[key as keyof typeof body.info]);
  }

  const want = accessSet(body.requiredResourceAccess);
  const have = accessSet(app.requiredResourceAccess);
  for (const entry of want)
    if (!have.has(entry))
      drift.push({ property: 'requiredResourceAccess', expected: entry, actual: MISSING });
  for (const entry of have)
    if (!want.has(entry)) drift.push({ property: 'requiredResourceAccess', expected: ABSENT, actual: entry });

  let storedCustomKeyIdentifier: string | null = null;
  if (expected.certificateKeyId) {
    const id = expected.certificateKeyId.toLowerCase();
    const stored = (app.keyCredentials ?? []).find((k) => k.keyId?.toLowerCase() === id);
    if (!stored) drift.push({ property: 'keyCredentials', expected: `certificate ${id}`, actual: MISSING });
    storedCustomKeyIdentifier = stored?.customKeyIdentifier ?? null;
  }
  if (expected.secretKeyId && !hasKey(app.passwordCredentials, expected.secretKeyId)) {
    drift.push({
      property: 'passwordCredentials',
      expected: `secret ${expected.secretKeyId}`,
      actual: MISSING,
    });
  }
  return { drift, storedCustomKeyIdentifier };
}

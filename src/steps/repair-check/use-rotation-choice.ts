import { useState } from 'react';
import { AuthFailure } from '../../auth/auth-types';
import type { CredentialExpiry } from '../../graph/checklist-credentials';
import type { RegistrationSnapshot } from '../../graph/registration-check';
import type { RotatedCredential } from '../../plan/plan-types';
import type { TenantPolicies } from '../../plan/tenant-policy-types';
import { unsavedSecrets, type WizardAnswers } from '../../wizard/answers';
import { useAutomaticRun } from '../../wizard/automatic-run';
import { rotationPlanFor, startRemoval, startRotation } from '../../wizard/rotation';
import type { StepContext } from '../../wizard/step-definition';

const oldOf = (c: CredentialExpiry): RotatedCredential => ({
  type: c.type,
  keyId: c.keyId,
  displayName: c.displayName,
  endDateTime: c.endDateTime,
});

const words = (error: unknown) =>
  error instanceof AuthFailure
    ? `${error.explanation.title}. ${error.explanation.message}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Starting a rotation from the checklist. "Rotate" first reads the tenant's credential policies for the registration,
 * as Create does before any write: the permission to read them (`Policy.Read.All`) is asked for in the same window as
 * the rotation's own, straight from the click. A rotation the policy forbids (a secret where secrets are forbidden)
 * does not start: its reason is kept for the checklist. "Remove" (a rotation finished later) writes nothing new and
 * reads no policy.
 */
export function useRotationChoice(
  context: StepContext,
  snapshot: RegistrationSnapshot | null,
  onComplete: (patch: Partial<WizardAnswers>) => void,
) {
  const { answers, config } = context;
  const run = useAutomaticRun();
  const [reading, setReading] = useState(false);
  const [policies, setPolicies] = useState<TenantPolicies | null>(null);
  const [refused, setRefused] = useState<Partial<Record<CredentialExpiry['type'], string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // A certificate rotation starts without a certificate, unless a key made here is not saved yet.
  const certificateReset = (type: CredentialExpiry['type']) =>
    type === 'certificate' && unsavedSecrets(answers).length === 0 ? { certificate: null } : {};

  const rotate = async (credential: CredentialExpiry) => {
    const appId = snapshot?.application.appId?.toLowerCase();
    if (!run || !snapshot || !appId || reading) return;
    const old = oldOf(credential);
    const rotation = startRotation(appId, old);
    setProblem(null);
    setReading(true);
    try {
      // The permission window opens within the click: nothing is awaited before it.
      await run.authorize(rotationPlanFor(answers, config, snapshot, rotation));
      const read = policies ?? (await run.readPolicies(snapshot.application.id ?? undefined));
      setPolicies(read);
      const adapted = rotationPlanFor(answers, config, snapshot, { ...rotation, policies: read });
      const forbidden = adapted.notices.find((n) => n.kind === 'secret-forbidden');
      if (old.type === 'secret' && forbidden) {
        setRefused((r) => ({ ...r, secret: forbidden.message }));
        return;
      }
      onComplete({ rotation: { ...rotation, policies: read }, ...certificateReset(old.type) });
    } catch (error) {
      setProblem(
        `The rotation did not start: ${words(error)} Nothing was written. Try again, or check the registration again.`,
      );
    } finally {
      setReading(false);
    }
  };

  const removeOld = (credential: CredentialExpiry) => {
    const appId = snapshot?.application.appId?.toLowerCase();
    if (!appId || !credential.replacement) return;
    const { replacement } = credential;
    onComplete({
      rotation: startRemoval(appId, oldOf(credential), { ...oldOf(replacement), hint: replacement.hint }),
      ...certificateReset(credential.type),
    });
  };

  return { rotate: (c: CredentialExpiry) => void rotate(c), removeOld, reading, refused, problem };
}

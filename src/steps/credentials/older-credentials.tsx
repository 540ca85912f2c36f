import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { CREDENTIAL_FILE_NAMES } from '../../exports/certificate-files';
import type { CredentialRemoval, CredentialRemovalResult } from '../../graph/run-types';
import type { ExistingCredential, ExistingRegistration } from '../../plan/plan-types';
import { useAnnouncer } from '../../ui/live-status';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface OlderCredentialsProps {
  readonly existing: ExistingRegistration;
  /** The run added a secret / a certificate: only then may older ones of that kind go. */
  readonly newSecret: boolean;
  readonly newCertificate: boolean;
  /** Thumbprint (hex) of the certificate the platform uses now: never offered for removal. */
  readonly currentThumbprint: string | null;
  /** Whether the new ones are saved (copied or downloaded): until then nothing can be removed. */
  readonly saved: { readonly secret: boolean; readonly certificate: boolean };
  readonly onRemove: (selection: CredentialRemoval) => Promise<CredentialRemovalResult>;
  readonly platform: string;
}

const removedWords = (count: number) => `Removed ${count} credential${count === 1 ? '' : 's'}. `;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'unknown');

function describe(kind: 'secret' | 'certificate', c: ExistingCredential): string {
  const what = kind === 'secret' ? `Client secret ${c.hint}…` : `Certificate ${c.hint.slice(0, 8)}…`;
  return `${what} (added ${day(c.startDateTime)}, ${c.expired ? 'expired' : 'expires'} ${day(c.endDateTime)})`;
}

/**
 * Older credentials this wizard made on the registration, which the admin may remove once the new ones are saved.
 * Nothing is ticked by default and nothing goes without the admin's click.
 */
export function OlderCredentials({
  existing,
  newSecret,
  newCertificate,
  currentThumbprint,
  saved,
  onRemove,
  platform,
}: OlderCredentialsProps) {
  const styles = useStyles();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CredentialRemovalResult | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const announce = useAnnouncer();

  const secrets = newSecret ? existing.secrets.filter((s) => s.madeByWizard && !gone.has(s.keyId)) : [];
  const certificates = newCertificate
    ? existing.certificates.filter(
        (c) =>
          c.madeByWizard && !gone.has(c.keyId) && c.hint.toUpperCase() !== currentThumbprint?.toUpperCase(),
      )
    : [];
  if (secrets.length === 0 && certificates.length === 0 && !outcome) return null;
  const newOnes =
    newSecret && newCertificate ? 'secret and certificate' : newSecret ? 'secret' : 'certificate';
  // The old ones go only after the new ones are saved and the admin says the platform uses them.
  const allSaved = (secrets.length === 0 || saved.secret) && (certificates.length === 0 || saved.certificate);

  const item = (kind: 'secret' | 'certificate', c: ExistingCredential, ready: boolean) => (
    <li key={c.keyId}>
      <Checkbox
        label={describe(kind, c)}
        checked={ticked.has(c.keyId)}
        disabled={!ready || !confirmed || busy}
        onChange={(_, d) => {
          const next = new Set(ticked);
          if (d.checked) next.add(c.keyId);
          else next.delete(c.keyId);
          setTicked(next);
        }}
      />
    </li>
  );
  const remove = async () => {
    setBusy(true);
    try {
      const result = await onRemove({
        secrets: secrets.filter((s) => ticked.has(s.keyId)).map((s) => s.keyId),
        certificates: certificates.filter((c) => ticked.has(c.keyId)).map((c) => c.keyId),
      });
      setOutcome(result);
      // A failure shows as an alert below; a removal that went well is said politely.
      if (!result.failed.length) announce(removedWords(result.removed.length).trim());
      setGone(new Set([...gone, ...result.removed]));
      setTicked(new Set());
      setConfirmed(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.stack} aria-labelledby="older-heading">
      <h2 id="older-heading" className={styles.heading}>
        Finish the rotation: older credentials made by this wizard
      </h2>
      <Body1>
        Until you remove them, the registration accepts these and the new {newOnes} side by side, so{' '}
        {platform} keeps signing in while you change its settings. Enter the new {newOnes} on {platform}’s
        Custom OAuth keys page, check that {platform} signs in, then confirm below and remove the old ones.
        Nothing is removed unless you tick it.
      </Body1>
      {(secrets.length > 0 || certificates.length > 0) && (
        <div>
          <Checkbox
            label={`${platform} now uses the new ${newOnes}`}
            checked={confirmed}
            disabled={!allSaved || busy}
            onChange={(_, d) => {
              setConfirmed(Boolean(d.checked));
              if (!d.checked) setTicked(new Set());
            }}
          />
          {allSaved && !confirmed && (
            <Caption1 className={styles.hint} as="p">
              Confirm this first: a credential {platform} still uses stops its sign-ins the moment it is
              removed.
            </Caption1>
          )}
        </div>
      )}
      {secrets.length > 0 && (
        <>
          <ul className={styles.list} aria-label="Older client secrets">
            {secrets.map((s) => item('secret', s, saved.secret))}
          </ul>
          {!saved.secret && (
            <Caption1 className={styles.hint}>
              Save the new client secret first: copy it or download the credentials.
            </Caption1>
          )}
        </>
      )}
      {certificates.length > 0 && (
        <>
          <ul className={styles.list} aria-label="Older certificates">
            {certificates.map((c) => item('certificate', c, saved.certificate))}
          </ul>
          {!saved.certificate && (
            <Caption1 className={styles.hint}>
              Save the new private key first: download {CREDENTIAL_FILE_NAMES.privateKey},{' '}
              {CREDENTIAL_FILE_NAMES.pfx} or the credentials.
            </Caption1>
          )}
        </>
      )}
      {(secrets.length > 0 || certificates.length > 0) && (
        <span>
          <Button
            icon={<DeleteRegular />}
            disabled={!confirmed || ticked.size === 0 || busy}
            onClick={() => void remove()}
          >
            {busy ? 'Removing…' : 'Remove the ticked old credentials'}
          </Button>
        </span>
      )}
      {outcome && (
        <MessageBar
          intent={outcome.failed.length ? 'error' : 'success'}
          layout="multiline"
          {...(outcome.failed.length ? { role: 'alert' } : {})}
        >
          <MessageBarBody>
            {outcome.removed.length > 0 && removedWords(outcome.removed.length)}
            {outcome.failed.map((f) => `${f.error.meaning} (${f.error.code}) `).join('')}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

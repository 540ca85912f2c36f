import { Body1, makeStyles, Radio, RadioGroup, Field, tokens } from '@fluentui/react-components';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import {
  lifetimeWords,
  SECRET_LIFETIMES,
  type RotatedCredential,
  type SecretLifetimeMonths,
} from '../../plan/plan-types';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '70ch' },
});

interface NewCredentialProps {
  readonly old: RotatedCredential;
  readonly oldName: string;
  readonly platform: string;
  /** The new certificate (a certificate rotation), from the Certificate step. */
  readonly certificate: CertificateSummary | null;
  readonly lifetime: SecretLifetimeMonths;
  readonly onLifetime: (months: SecretLifetimeMonths) => void;
  readonly disabled: boolean;
}

const DAY_MS = 86_400_000;

function ending(old: RotatedCredential): string {
  if (!old.endDateTime) return 'has no end date';
  const days = Math.ceil((Date.parse(old.endDateTime) - Date.now()) / DAY_MS);
  const date = old.endDateTime.slice(0, 10);
  return days <= 0 ? `expired on ${date}` : `ends on ${date}, in ${days} day${days === 1 ? '' : 's'}`;
}

/**
 * What the rotation replaces and what replaces it: the old credential's end, how the overlap keeps the platform
 * signing in, and the new one (a secret's lifetime to choose, 180 days by default; the certificate from the
 * Certificate step).
 */
export function NewCredential(props: NewCredentialProps) {
  const { old, oldName, platform, certificate } = props;
  const styles = useStyles();
  const what = old.type === 'secret' ? 'client secret' : 'certificate';
  return (
    <div className={styles.stack}>
      <Body1>
        The {oldName} {ending(old)}. Rotating adds a new {what} beside it: both work until you remove the old
        one, so {platform} keeps signing in while you switch it over. The old one is removed only after you
        confirm that {platform} uses the new one.
      </Body1>
      {old.type === 'secret' && (
        <Field label="The new client secret lasts">
          <RadioGroup
            value={String(props.lifetime)}
            onChange={(_, d) => props.onLifetime(Number(d.value) as SecretLifetimeMonths)}
            disabled={props.disabled}
          >
            {SECRET_LIFETIMES.map((months) => (
              <Radio
                key={months}
                value={String(months)}
                label={`${lifetimeWords(months)}${months === 6 ? ' (recommended: Microsoft’s Zero Trust assessment flags longer ones)' : ''}`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      {certificate && (
        <Body1>
          The new certificate: {certificate.subject}, valid {certificate.notBefore.slice(0, 10)} to{' '}
          {certificate.notAfter.slice(0, 10)}, thumbprint {certificate.thumbprintSha1Hex}. To use another one,
          go Back to the Certificate step.
        </Body1>
      )}
    </div>
  );
}

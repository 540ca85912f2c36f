import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { CertificateStage } from '../../crypto/certificate-types';
import { CREDENTIAL_FILE_NAMES } from '../../exports/certificate-files';
import { useLiveStatus } from '../../ui/live-status';

const stageLabels: Record<CertificateStage, string> = {
  'generating-key': 'Generating the RSA key pair…',
  'building-certificate': 'Building and signing the certificate (SHA-256)…',
  'protecting-key': 'Encrypting the private key (AES-256, PBKDF2-HMAC-SHA256)…',
  'packaging-pfx': `Packaging ${CREDENTIAL_FILE_NAMES.pfx}…`,
};
const order = Object.keys(stageLabels) as CertificateStage[];

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', maxWidth: '760px' },
  bar: { flexGrow: 1 },
});

const requestLabels: Record<CertificateStage, string> = {
  ...stageLabels,
  'building-certificate': 'Building and signing the certificate signing request (SHA-256)…',
};

interface GenerationProgressProps {
  readonly stage: CertificateStage | null;
  readonly onCancel: () => void;
  /** A signing request is made instead of a certificate. */
  readonly forRequest?: boolean;
}

/** Where generation is, announced to screen readers, with a way out. */
export function GenerationProgress({ stage, onCancel, forRequest = false }: GenerationProgressProps) {
  const styles = useStyles();
  const index = stage ? order.indexOf(stage) : 0;
  const labels = forRequest ? requestLabels : stageLabels;
  const label = stage ? labels[stage] : 'Starting…';
  // Each stage is said politely as it starts, through the page's live region.
  useLiveStatus(label);
  return (
    <div className={styles.row}>
      <Field
        className={styles.bar}
        label={
          forRequest
            ? 'Making the key and the signing request in this browser'
            : 'Generating the certificate in this browser'
        }
        validationMessage={label}
        validationState="none"
      >
        <ProgressBar
          value={(index + 0.5) / order.length}
          aria-valuetext={stage ? labels[stage] : 'Starting'}
        />
      </Field>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}

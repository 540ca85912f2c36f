import {
  Badge,
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { CertificateSummary } from '../crypto/certificate-summary';
import type { KeyGenerationMethod } from '../crypto/crypto-backend';
import { CREDENTIAL_FILE_NAMES, type CredentialFile } from '../exports/certificate-files';
import { CopyField } from '../ui/copy-field';
import { DownloadButton } from '../ui/download-button';

const { privateKey: keyFile } = CREDENTIAL_FILE_NAMES;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  files: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

interface CertificateOutputProps {
  readonly certificate: CertificateSummary;
  /** Set when the wizard generated the key; absent for a certificate the admin brought. */
  readonly privateKey?: { readonly passphrase: string | null; readonly keyGeneration: KeyGenerationMethod };
  readonly files: readonly CredentialFile[];
  readonly savedFiles: readonly string[];
  readonly platformName: string;
  readonly onSaved: (fileName: string) => void;
  /** The level of its headings: one below the heading it sits under, so the outline has no gap. */
  readonly headingLevel: 2 | 3;
}

const date = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/** The certificate's facts, the values the platform asks for, and its files. */
export function CertificateOutput(props: CertificateOutputProps) {
  const { certificate, privateKey, files, savedFiles, platformName, onSaved, headingLevel } = props;
  const styles = useStyles();
  const Heading = `h${headingLevel}` as const;
  const keySaved = files.some((f) => f.secret && savedFiles.includes(f.name));

  return (
    <div className={styles.stack}>
      {privateKey && !keySaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Download the private key now</MessageBarTitle>
            {keyFile} exists only in this page. Nobody, not even this wizard, can recover it after you leave.
          </MessageBarBody>
        </MessageBar>
      )}
      {privateKey?.keyGeneration === 'forge' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This browser does not offer WebCrypto here, so the key was generated with the slower built-in
            implementation. It is just as strong.
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.facts} aria-label="Certificate">
        {[
          ['Subject', certificate.subject],
          ['Valid', `${date(certificate.notBefore)} to ${date(certificate.notAfter)}`],
          ['Key', `RSA ${certificate.keySize} bits`],
          ['Serial number', certificate.serialNumberHex],
        ].map(([term, detail]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>

      <Heading className={styles.heading}>For {platformName}’s Custom OAuth keys page</Heading>
      <CopyField
        label="Custom Key Identifier"
        value={certificate.customKeyIdentifier}
        hint="Base64 of the certificate’s SHA-1 thumbprint, as the procedure’s script computes it."
      />
      <CopyField
        label="Thumbprint (SHA-1, hex)"
        value={certificate.thumbprintSha1Hex}
        hint="What the Entra portal shows under Certificates & secrets."
      />
      {privateKey &&
        (privateKey.passphrase === null ? (
          <Body1>Private key passphrase: none ({keyFile} is not encrypted).</Body1>
        ) : (
          <CopyField label="Private key passphrase" value={privateKey.passphrase} />
        ))}
      {privateKey && <Body1>The private key file: {keyFile} (below).</Body1>}
      {!privateKey && (
        <Body1>
          The private key file (and its passphrase, if it has one) is the one you made with this certificate;
          the wizard never sees it.
        </Body1>
      )}

      <Heading className={styles.heading}>Files</Heading>
      <ul className={styles.files} aria-label="Certificate files">
        {files.map((file) => (
          <li key={file.name} className={styles.file}>
            <DownloadButton
              fileName={file.name}
              type={file.type}
              content={() => file.content}
              appearance={file.secret && !savedFiles.includes(file.name) ? 'primary' : 'secondary'}
              onSaved={() => onSaved(file.name)}
            />
            <Body1>{file.description}</Body1>
            {savedFiles.includes(file.name) && (
              <Badge appearance="tint" color="success">
                Saved
              </Badge>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { CertificateClient } from '../../crypto/certificate-client';
import type { CertificateAnswer } from '../../wizard/answers';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  hidden: { display: 'none' },
  pem: { fontFamily: tokens.fontFamilyMonospace },
});

interface BringYourOwnProps {
  readonly client: () => CertificateClient;
  readonly onCertificate: (answer: CertificateAnswer) => void;
}

/** Checks a certificate the admin already has, in this browser, and computes its keyCredentials entry. */
export function BringYourOwn({ client, onCertificate }: BringYourOwnProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const check = async (input: string | Uint8Array, fileName: string | null) => {
    setBusy(true);
    setProblem(null);
    setWarnings([]);
    try {
      const result = await client().inspect(input);
      if (result.ok) {
        setWarnings(result.certificate.warnings);
        onCertificate({ source: 'uploaded', certificate: result.certificate, fileName });
      } else {
        setProblem(result.error.message);
      }
    } catch (error) {
      setProblem(
        `The certificate could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.stack}>
      <Body1>
        Upload or paste the public certificate (PEM or DER: cert.pem, .cer or .crt). It is checked here and
        never sent anywhere. Keep the private key to yourself: only the platform needs it.
      </Body1>
      <div className={styles.row}>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".pem,.cer,.crt,.der,application/x-pem-file,application/pkix-cert"
          aria-label="Certificate file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.arrayBuffer().then((buffer) => check(new Uint8Array(buffer), file.name));
          }}
        />
        <Button icon={<DocumentArrowUpRegular />} onClick={() => fileInput.current?.click()} disabled={busy}>
          Choose a certificate file
        </Button>
      </div>
      <Field label="Or paste the certificate">
        <Textarea
          className={styles.pem}
          value={text}
          onChange={(_, d) => setText(d.value)}
          rows={8}
          placeholder="-----BEGIN CERTIFICATE-----"
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !text.trim()} onClick={() => void check(text, null)}>
          Check certificate
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

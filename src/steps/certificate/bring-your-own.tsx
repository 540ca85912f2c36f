import { Body1 } from '@fluentui/react-components';
import { useState } from 'react';
import type { CertificateClient } from '../../crypto/certificate-client';
import type { CertificateAnswer } from '../../wizard/answers';
import { CertificateInput } from './certificate-input';

interface BringYourOwnProps {
  readonly client: () => CertificateClient;
  readonly onCertificate: (answer: CertificateAnswer) => void;
}

/** Checks a certificate the admin already has, in this browser, and computes its keyCredentials entry. */
export function BringYourOwn({ client, onCertificate }: BringYourOwnProps) {
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
    <CertificateInput
      intro={
        <Body1>
          Upload or paste the public certificate (PEM or DER: cert.pem, .cer or .crt). It is checked here and
          never sent anywhere. Keep the private key to yourself: only the platform needs it.
        </Body1>
      }
      fileLabel="Certificate file"
      pasteLabel="Or paste the certificate"
      chooseLabel="Choose a certificate file"
      checkLabel="Check certificate"
      busy={busy}
      problem={problem}
      warnings={warnings}
      onInput={(input, fileName) => void check(input, fileName)}
      onRefused={(error) => {
        setWarnings([]);
        setProblem(error.message);
      }}
    />
  );
}

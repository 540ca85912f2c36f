import { Body1 } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { CertificateClient } from '../../crypto/certificate-client';
import type { CertificateAnswer } from '../../wizard/answers';
import { CertificateInput } from './certificate-input';

interface BringYourOwnProps {
  readonly client: () => CertificateClient;
  readonly onCertificate: (answer: CertificateAnswer) => void;
}

const cancelled = 'The check was cancelled. Choose or paste the certificate again when you are ready.';

/** Checks a certificate the admin already has, in this browser, and computes its keyCredentials entry. */
export function BringYourOwn({ client, onCertificate }: BringYourOwnProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const show = (next: { problem?: string; warnings?: string[]; notes?: string[] }) => {
    setProblem(next.problem ?? null);
    setWarnings(next.warnings ?? []);
    setNotes(next.notes ?? []);
  };

  const check = async (input: string | Uint8Array, fileName: string | null) => {
    setBusy(true);
    show({});
    const controller = new AbortController();
    abort.current = controller;
    try {
      const result = await client().inspect(input, { signal: controller.signal });
      if (result.ok) {
        const { warnings, chain } = result.certificate;
        show({ warnings, notes: chain ? [chain.note] : [] });
        onCertificate({ source: 'uploaded', certificate: result.certificate, fileName });
      } else {
        show({ problem: result.error.message });
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') show({ notes: [cancelled] });
      else {
        show({
          problem: `The certificate could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
        });
      }
    } finally {
      setBusy(false);
      abort.current = null;
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
      busyLabel="Checking the certificate…"
      problem={problem}
      warnings={warnings}
      notes={notes}
      onInput={(input, fileName) => void check(input, fileName)}
      onRefused={(error) => show({ problem: error.message })}
      onCancel={() => abort.current?.abort()}
    />
  );
}

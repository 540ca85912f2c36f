import {
  Badge,
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { CertificateClient } from '../../crypto/certificate-client';
import type { CertificateSigningRequest } from '../../crypto/certificate-signing-request';
import type { CertificateStage } from '../../crypto/certificate-types';
import { CREDENTIAL_FILE_NAMES, signingRequestFiles } from '../../exports/certificate-files';
import { CopyField } from '../../ui/copy-field';
import { DownloadButton } from '../../ui/download-button';
import type { CertificateAnswer } from '../../wizard/answers';
import { passphraseOf, toSigningRequest, type CertificateForm } from './certificate-schema';
import { CertificateInput } from './certificate-input';
import { GenerateForm } from './generate-form';
import { GenerationProgress } from './generation-progress';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
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
});

/** A signing request that waits for its certificate. */
type Pending = Extract<CertificateAnswer, { source: 'requested' }>;

interface RequestFromAuthorityProps {
  readonly client: () => CertificateClient;
  readonly form: UseFormReturn<CertificateForm>;
  /** The request made here, issued or not; null before one is made. */
  readonly current: Pending | null;
  readonly savedFiles: readonly string[];
  readonly onSaved: (fileName: string) => void;
  /** A new request replaces the answer (the step asks first when an unsaved key would be lost). */
  readonly onRequested: (answer: Pending) => void;
  /** The authority's certificate matched the request's key: the answer now holds the finished certificate. */
  readonly onIssued: (answer: Pending) => void;
  /** Show the form for a new request even though one exists. */
  readonly editing: boolean;
  readonly onEditing: (editing: boolean) => void;
}

const { signingRequest: csrFile, privateKey: keyFile } = CREDENTIAL_FILE_NAMES;

function messageOf(error: unknown, doing: string): string {
  if (error instanceof DOMException && error.name === 'AbortError')
    return 'Cancelled. Nothing was kept; start again when you are ready.';
  const text = error instanceof Error ? error.message : String(error);
  // The completion's own errors are written for the admin already.
  return error instanceof Error &&
    (error.name === 'IssuedCertificateError' || error.name === 'RequestKeyError')
    ? text
    : `${doing}: ${text}`;
}

/**
 * "Request one from my certificate authority": the key and a PKCS#10 request are made in this browser; the admin sends
 * request.csr to the authority and uploads what it issues, which is matched to the key and packaged like a generated
 * certificate. The key never leaves the browser except as key.pem.
 */
export function RequestFromAuthority(props: RequestFromAuthorityProps) {
  const { client, form, current, savedFiles, onSaved, onRequested, onIssued, editing, onEditing } = props;
  const styles = useStyles();
  const [stage, setStage] = useState<CertificateStage | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [uploadNotes, setUploadNotes] = useState<string[]>([]);
  const abort = useRef<AbortController | null>(null);
  const abortUpload = useRef<AbortController | null>(null);

  const makeRequest = async (values: CertificateForm) => {
    setProblem(null);
    setRunning(true);
    setStage(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const request = await client().request(toSigningRequest(values), {
        signal: controller.signal,
        onProgress: setStage,
      });
      onRequested({ source: 'requested', request, passphrase: passphraseOf(values), certificate: null });
      onEditing(false);
    } catch (error) {
      setProblem(messageOf(error, 'The signing request could not be made'));
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  const complete = async (request: CertificateSigningRequest, issued: string | Uint8Array) => {
    if (!current) return;
    setBusy(true);
    setUploadProblem(null);
    setWarnings([]);
    setUploadNotes([]);
    const controller = new AbortController();
    abortUpload.current = controller;
    try {
      const certificate = await client().complete(
        {
          request,
          passphrase: current.passphrase,
          issued,
          pfxEncryption: form.getValues('pfxLegacy') ? '3des' : 'aes256',
        },
        { signal: controller.signal },
      );
      setWarnings(certificate.warnings);
      onIssued({ ...current, certificate });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        setUploadNotes([
          'The check was cancelled. Choose or paste the issued certificate again when you are ready.',
        ]);
      } else setUploadProblem(messageOf(error, 'The certificate could not be read'));
    } finally {
      setBusy(false);
      abortUpload.current = null;
    }
  };

  if (running) return <GenerationProgress forRequest stage={stage} onCancel={() => abort.current?.abort()} />;

  if (!current || editing) {
    return (
      <form
        onSubmit={(e: FormEvent<HTMLFormElement>) => void form.handleSubmit(makeRequest)(e)}
        noValidate
        aria-label="Signing request settings"
        className={styles.stack}
      >
        <Body1>
          Your tenant may accept only certificates that a certificate authority it trusts has issued. The
          wizard makes the key here and a certificate signing request (request.csr) for your authority; the
          key stays in this browser and in the {keyFile} you download.
        </Body1>
        <GenerateForm form={form} forRequest />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit">
            Create signing request
          </Button>
          {current && <Button onClick={() => onEditing(false)}>Keep the current request</Button>}
        </div>
        {problem && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
      </form>
    );
  }

  const { request } = current;
  const files = signingRequestFiles(request);
  const keySaved = savedFiles.includes(keyFile);
  return (
    <section className={styles.stack} aria-labelledby="request-heading">
      <h2 id="request-heading" className={styles.heading}>
        Certificate signing request
      </h2>
      {!keySaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Download the private key now</MessageBarTitle>
            {keyFile} exists only in this page. The certificate your authority issues is useless without it.
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.facts} aria-label="Signing request">
        {[
          ['Subject', request.subject],
          ['Key', `RSA ${request.keySize} bits`],
          ['Made', new Date(request.createdAt).toISOString().slice(0, 10)],
          ['Status', current.certificate ? 'Issued and matched to the key' : 'Waiting for your authority'],
        ].map(([term, detail]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
      {current.passphrase === null ? (
        <Body1>Private key passphrase: none ({keyFile} is not encrypted).</Body1>
      ) : (
        <CopyField label="Private key passphrase" value={current.passphrase} />
      )}
      <ul className={styles.files} aria-label="Signing request files">
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
      {!current.certificate && (
        <CertificateInput
          intro={
            <Body1>
              Send {csrFile} to your certificate authority and ask for a client authentication certificate.
              When it arrives, upload it here (PEM, DER or a PKCS#7 .p7b file, with or without the chain): the
              wizard checks that it is for this key and builds the same files as for a generated certificate.
            </Body1>
          }
          fileLabel="Issued certificate file"
          pasteLabel="Or paste the issued certificate"
          chooseLabel="Choose the issued certificate"
          checkLabel="Check the issued certificate"
          busy={busy}
          busyLabel="Checking the issued certificate…"
          problem={uploadProblem}
          warnings={warnings}
          notes={uploadNotes}
          onInput={(input) => void complete(request, input)}
          onRefused={(error) => {
            setWarnings([]);
            setUploadNotes([]);
            setUploadProblem(error.message);
          }}
          onCancel={() => abortUpload.current?.abort()}
        />
      )}
      {current.certificate &&
        warnings.map((w) => (
          <MessageBar key={w} intent="warning" layout="multiline">
            <MessageBarBody>{w}</MessageBarBody>
          </MessageBar>
        ))}
      <div className={styles.actions}>
        <Button onClick={() => onEditing(true)}>Make a new signing request</Button>
      </div>
    </section>
  );
}

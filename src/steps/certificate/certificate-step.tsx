import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { connector } from '../../catalog/connectors';
import type { CertificateStage } from '../../crypto/certificate-types';
import { generatePassphrase } from '../../crypto/passphrase';
import { CERTIFICATE_FILE_NAMES } from '../../exports/certificate-files';
import { CertificateOutput } from '../../ui/certificate-output';
import { certificateView, unsavedSecrets, type CertificateAnswer } from '../../wizard/answers';
import type { StepProps } from '../../wizard/step-definition';
import { useDraftSync } from '../../wizard/use-draft-sync';
import { BringYourOwn } from './bring-your-own';
import {
  certificateFormSchema,
  defaultCertificateForm,
  passphraseOf,
  toRequest,
  type CertificateForm,
} from './certificate-schema';
import { DiscardKeyDialog } from './discard-key-dialog';
import { GenerateForm } from './generate-form';
import { GenerationProgress } from './generation-progress';
import { useCertificateClient } from './use-certificate-client';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { maxWidth: '70ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** The certificate admin accounts sign in with: generated here, or brought by the admin. */
export function CertificateStep({ formId, context, onComplete, onUpdate, draft, onDraft }: StepProps) {
  const styles = useStyles();
  const { answers, plan } = context;
  const client = useCertificateClient();
  const [tab, setTab] = useState<CertificateAnswer['source']>(answers.certificate?.source ?? 'generated');
  const [editing, setEditing] = useState(answers.certificate === null);
  const [stage, setStage] = useState<CertificateStage | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<{ intent: 'info' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<CertificateForm | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [initialPassphrase] = useState(generatePassphrase);
  const form = useForm<CertificateForm>({
    resolver: zodResolver(certificateFormSchema),
    defaultValues: (draft as CertificateForm | undefined) ?? defaultCertificateForm(initialPassphrase),
  });
  useDraftSync(form, onDraft);

  // A new certificate makes the old one's "saved" marks meaningless.
  const store = (certificate: CertificateAnswer) =>
    onUpdate({
      certificate,
      savedFiles: answers.savedFiles.filter(
        (f) => !(CERTIFICATE_FILE_NAMES as readonly string[]).includes(f),
      ),
    });

  const generate = async (values: CertificateForm) => {
    setConfirming(null);
    setProblem(null);
    setRunning(true);
    setStage(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const certificate = await client().generate(toRequest(values), {
        signal: controller.signal,
        onProgress: setStage,
      });
      store({ source: 'generated', certificate, passphrase: passphraseOf(values) });
      setEditing(false);
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      setProblem(
        cancelled
          ? {
              intent: 'info',
              text: 'Generation was cancelled. Nothing was kept; generate again when you are ready.',
            }
          : {
              intent: 'error',
              text: `The certificate could not be generated: ${error instanceof Error ? error.message : String(error)}`,
            },
      );
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  const onGenerate = (event: FormEvent<HTMLFormElement>) =>
    void form.handleSubmit((values) => {
      if (unsavedSecrets(answers).length) setConfirming(values);
      else void generate(values);
    })(event);

  const needs = plan?.credentials.certificate.neededBy.map((id) => connector(id).name).join(', ') ?? '';
  const next = (event: FormEvent) => {
    event.preventDefault();
    if (answers.certificate) onComplete({});
  };

  return (
    <div className={styles.stack}>
      <Body1 className={styles.intro}>
        Admin accounts of {needs} sign in with a certificate as well as the client secret. The wizard makes it
        here, in your browser: the private key leaves it only as the files you download.
      </Body1>
      <RadioGroup
        aria-label="Certificate source"
        layout="horizontal"
        value={tab}
        onChange={(_, d) => setTab(d.value as CertificateAnswer['source'])}
      >
        <Radio value="generated" label="Generate a new certificate" />
        <Radio value="uploaded" label="Use my own certificate" />
      </RadioGroup>

      {tab === 'generated' && editing && !running && (
        <form
          onSubmit={(e) => void onGenerate(e)}
          noValidate
          aria-label="Certificate settings"
          className={styles.stack}
        >
          <GenerateForm form={form} />
          <div className={styles.actions}>
            <Button appearance="primary" type="submit">
              Generate certificate
            </Button>
            {answers.certificate && (
              <Button onClick={() => setEditing(false)}>Keep the current certificate</Button>
            )}
          </div>
        </form>
      )}
      {running && <GenerationProgress stage={stage} onCancel={() => abort.current?.abort()} />}
      {tab === 'uploaded' && !running && <BringYourOwn client={client} onCertificate={store} />}
      {problem && (
        <MessageBar intent={problem.intent} layout="multiline">
          <MessageBarBody>{problem.text}</MessageBarBody>
        </MessageBar>
      )}

      {answers.certificate && !running && (tab === answers.certificate.source || !editing) && (
        <>
          <CertificateOutput
            {...certificateView(answers.certificate)}
            savedFiles={answers.savedFiles}
            platformName={context.config.platformName}
            onSaved={(name) => onUpdate({ savedFiles: [...new Set([...answers.savedFiles, name])] })}
          />
          {answers.certificate.source === 'generated' && !editing && (
            <div className={styles.actions}>
              <Button onClick={() => setEditing(true)}>Generate a different certificate</Button>
            </div>
          )}
        </>
      )}
      <form id={formId} onSubmit={next} />
      <DiscardKeyDialog
        open={confirming !== null}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && void generate(confirming)}
      />
    </div>
  );
}

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
import { useState, type FormEvent } from 'react';
import { connector } from '../../catalog/connectors';
import { CERTIFICATE_FILE_NAMES } from '../../exports/certificate-files';
import { CertificateOutput } from '../../wizard/certificate-output';
import { certificateView, unsavedSecrets, type CertificateAnswer } from '../../wizard/answers';
import { useCertificatePreparer } from '../../wizard/certificate-preparation';
import type { StepProps } from '../../wizard/step-definition';
import { useStepForm } from '../../wizard/use-step-form';
import { BringYourOwn } from './bring-your-own';
import { certificateFormSchema, defaultCertificateForm, type CertificateForm } from './certificate-schema';
import { DiscardKeyDialog } from './discard-key-dialog';
import { GenerateForm } from './generate-form';
import { GenerationProgress } from './generation-progress';
import { useCertificateClient } from './use-certificate-client';
import { useCertificateGeneration } from './use-certificate-generation';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { maxWidth: '70ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** What the confirmation before replacing an unsaved key would go on to do. */
type Replacement = { readonly settings: CertificateForm } | { readonly answer: CertificateAnswer };

/**
 * The certificate admin accounts sign in with: generated here (the default one is prepared before the step opens, so
 * the admin usually only checks it), or brought by the admin.
 */
export function CertificateStep({
  formId,
  context,
  onComplete,
  onUpdate,
  draft,
  onDraft,
}: StepProps<CertificateForm>) {
  const styles = useStyles();
  const { answers, plan } = context;
  const client = useCertificateClient();
  const preparer = useCertificatePreparer();
  // With no certificate yet and no settings changed, the step opens with the default certificate; when it is
  // generated already, it is shown from the first paint, and handed over to the answers right after.
  const [takesPrepared] = useState(() => answers.certificate === null && draft === undefined);
  const [readyAtOpen] = useState(() => (takesPrepared ? preparer.ready() : null));
  const certificate: CertificateAnswer | null =
    answers.certificate ??
    (readyAtOpen && {
      source: 'generated',
      certificate: readyAtOpen.certificate,
      passphrase: readyAtOpen.prepared.passphrase,
    });
  const [tab, setTab] = useState<CertificateAnswer['source']>(certificate?.source ?? 'generated');
  const [editing, setEditing] = useState(certificate === null);
  const [confirming, setConfirming] = useState<Replacement | null>(null);
  // The form shows the passphrase the prepared certificate uses.
  const [initialPassphrase] = useState(() => preparer.passphrase());
  const form = useStepForm(certificateFormSchema, {
    draft,
    onDraft,
    defaults: defaultCertificateForm(initialPassphrase),
  });

  // A new certificate makes the old one's "saved" marks meaningless.
  const store = (answer: CertificateAnswer) =>
    onUpdate({
      certificate: answer,
      savedFiles: answers.savedFiles.filter(
        (f) => !(CERTIFICATE_FILE_NAMES as readonly string[]).includes(f),
      ),
    });
  const generation = useCertificateGeneration({
    client,
    takesPrepared,
    readyAtOpen: readyAtOpen !== null,
    onGenerated: (certificate, passphrase) => {
      store({ source: 'generated', certificate, passphrase });
      setEditing(false);
    },
  });

  // A generated key that was shown and not saved is never replaced without asking.
  const apply = (replacement: Replacement) => {
    setConfirming(null);
    if ('settings' in replacement) void generation.generate(replacement.settings);
    else store(replacement.answer);
  };
  const replace = (replacement: Replacement) =>
    unsavedSecrets(answers).length ? setConfirming(replacement) : apply(replacement);
  const onGenerate = (event: FormEvent<HTMLFormElement>) =>
    void form.handleSubmit((settings) => replace({ settings }))(event);

  const needs = plan?.credentials.certificate.neededBy.map((id) => connector(id).name).join(', ') ?? '';
  const next = (event: FormEvent) => {
    event.preventDefault();
    if (answers.certificate) onComplete({});
  };

  return (
    <div className={styles.stack}>
      <Body1 className={styles.intro}>
        Admin accounts of {needs} sign in with a certificate as well as the client secret. The wizard makes it
        here, in your browser, with the procedure’s settings unless you choose others: the private key leaves
        it only as the files you download.
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

      {tab === 'generated' && editing && !generation.running && (
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
            {certificate && <Button onClick={() => setEditing(false)}>Keep the current certificate</Button>}
          </div>
        </form>
      )}
      {generation.running && <GenerationProgress stage={generation.stage} onCancel={generation.cancel} />}
      {tab === 'uploaded' && !generation.running && (
        <BringYourOwn client={client} onCertificate={(answer) => replace({ answer })} />
      )}
      {generation.problem && (
        <MessageBar intent={generation.problem.intent} layout="multiline">
          <MessageBarBody>{generation.problem.text}</MessageBarBody>
        </MessageBar>
      )}

      {certificate && !generation.running && (tab === certificate.source || !editing) && (
        <>
          <CertificateOutput
            {...certificateView(certificate)}
            savedFiles={answers.savedFiles}
            platformName={context.config.platformName}
            onSaved={(name) => onUpdate({ savedFiles: [...new Set([...answers.savedFiles, name])] })}
          />
          {certificate.source === 'generated' && !editing && (
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
        onConfirm={() => confirming && apply(confirming)}
      />
    </div>
  );
}

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
import { CERTIFICATE_FILE_NAMES, CREDENTIAL_FILE_NAMES } from '../../exports/certificate-files';
import { CertificateOutput } from '../../wizard/certificate-output';
import { certificateView, unsavedSecrets, type CertificateAnswer } from '../../wizard/answers';
import { useCertificatePreparer } from '../../wizard/certificate-preparation';
import { rotatedName } from '../../wizard/rotation';
import type { StepProps } from '../../wizard/step-definition';
import { useStepForm } from '../../wizard/use-step-form';
import { BringYourOwn } from './bring-your-own';
import { certificateFormSchema, defaultCertificateForm, type CertificateForm } from './certificate-schema';
import { DiscardKeyDialog } from './discard-key-dialog';
import { GenerateForm } from './generate-form';
import { GenerationProgress } from './generation-progress';
import { RequestFromAuthority } from './request-from-authority';
import { useCertificateClient } from './use-certificate-client';
import { useCertificateGeneration } from './use-certificate-generation';
import { certificateReadyMessage } from './certificate-status';
import { useAnnouncer, useLiveStatus } from '../../ui/live-status';

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
  // A tenant that accepts only certificates from a trusted authority has no use for a self-signed one.
  const mustBeCaIssued = plan?.credentials.certificate.mustBeCaIssued ?? false;
  const [takesPrepared] = useState(
    () => answers.certificate === null && draft === undefined && !mustBeCaIssued,
  );
  const [readyAtOpen] = useState(() => (takesPrepared ? preparer.ready() : null));
  const certificate: CertificateAnswer | null =
    answers.certificate ??
    (readyAtOpen && {
      source: 'generated',
      certificate: readyAtOpen.certificate,
      passphrase: readyAtOpen.prepared.passphrase,
    });
  const [tab, setTab] = useState<CertificateAnswer['source']>(
    certificate?.source ?? (mustBeCaIssued ? 'requested' : 'generated'),
  );
  const [editing, setEditing] = useState(certificate === null);
  const [editingRequest, setEditingRequest] = useState(false);
  // Why Next did not go on; it applies only while the certificate and the saved files are as they were then.
  const [blocked, setBlocked] = useState<{
    readonly text: string;
    readonly answer: CertificateAnswer | null;
    readonly savedFiles: readonly string[];
  } | null>(null);
  const nextProblem =
    blocked && blocked.answer === answers.certificate && blocked.savedFiles === answers.savedFiles
      ? blocked.text
      : null;
  const setNextProblem = (text: string) =>
    setBlocked({ text, answer: answers.certificate, savedFiles: answers.savedFiles });
  const [confirming, setConfirming] = useState<Replacement | null>(null);
  // The form shows the passphrase the prepared certificate uses.
  const [initialPassphrase] = useState(() => preparer.passphrase());
  const form = useStepForm(certificateFormSchema, {
    draft,
    onDraft,
    defaults: defaultCertificateForm(initialPassphrase),
  });

  const announce = useAnnouncer();
  // A new certificate makes the old one's "saved" marks meaningless.
  const store = (answer: CertificateAnswer) => {
    announce(certificateReadyMessage(answer));
    onUpdate({
      certificate: answer,
      savedFiles: answers.savedFiles.filter(
        (f) =>
          !([...CERTIFICATE_FILE_NAMES, CREDENTIAL_FILE_NAMES.signingRequest] as readonly string[]).includes(
            f,
          ),
      ),
    });
  };
  const generation = useCertificateGeneration({
    client,
    takesPrepared,
    readyAtOpen: readyAtOpen !== null,
    onGenerated: (certificate, passphrase) => {
      store({ source: 'generated', certificate, passphrase });
      setEditing(false);
    },
  });

  // A cancelled generation is said politely; a failed one is the alert below.
  useLiveStatus(generation.problem?.intent === 'info' ? generation.problem.text : '');

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
  const requested = answers.certificate?.source === 'requested' ? answers.certificate : null;
  const view = certificate ? certificateView(certificate) : null;
  const next = (event: FormEvent) => {
    event.preventDefault();
    setBlocked(null);
    const answer = answers.certificate;
    if (!answer) {
      setNextProblem(
        'Generate a certificate, bring your own, or request one from your certificate authority.',
      );
      return;
    }
    if (answer.source === 'requested' && !answer.certificate) {
      if (!unsavedSecrets(answers).length && mustBeCaIssued) {
        // The registration can be made now; the certificate is added when the authority has issued it.
        onComplete({});
        return;
      }
      setNextProblem(
        unsavedSecrets(answers).length
          ? `Download ${CREDENTIAL_FILE_NAMES.privateKey} first: the certificate your authority issues needs it.`
          : `Upload the certificate your authority issued for ${CREDENTIAL_FILE_NAMES.signingRequest}, or generate one here.`,
      );
      return;
    }
    onComplete({});
  };

  return (
    <div className={styles.stack}>
      <Body1 className={styles.intro}>
        {answers.path === 'repair' && answers.rotation
          ? `The new certificate replaces the ${rotatedName(answers.rotation.old)}.`
          : `Admin accounts of ${needs} sign in with a certificate as well as the client secret.`}{' '}
        The wizard makes it here, in your browser, with the procedure’s settings unless you choose others: the
        private key leaves it only as the files you download.
      </Body1>
      <RadioGroup
        aria-label="Certificate source"
        layout="horizontal"
        value={tab}
        onChange={(_, d) => setTab(d.value as CertificateAnswer['source'])}
      >
        <Radio value="generated" label="Generate a new certificate" />
        <Radio value="uploaded" label="Use my own certificate" />
        <Radio value="requested" label="Request one from my certificate authority" />
      </RadioGroup>
      {mustBeCaIssued && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Your tenant’s app management policy accepts only certificates issued by a certificate authority it
            trusts: a self-signed certificate would be refused. Request one from your authority here, or bring
            one it issued. If it takes a while, you can go on once {CREDENTIAL_FILE_NAMES.privateKey} is
            saved: the registration is made without the certificate, and you upload it under Certificates
            &amp; secrets when it arrives.
          </MessageBarBody>
        </MessageBar>
      )}

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
      {tab === 'requested' && !generation.running && (
        <RequestFromAuthority
          client={client}
          form={form}
          current={requested}
          savedFiles={answers.savedFiles}
          onSaved={(name) => onUpdate({ savedFiles: [...new Set([...answers.savedFiles, name])] })}
          onRequested={(answer) => replace({ answer })}
          // The key is the same: its saved mark stays.
          onIssued={(answer) => {
            announce(certificateReadyMessage(answer));
            onUpdate({ certificate: answer });
          }}
          editing={editingRequest}
          onEditing={setEditingRequest}
        />
      )}
      {generation.problem && (
        <MessageBar
          intent={generation.problem.intent}
          layout="multiline"
          {...(generation.problem.intent === 'error' ? { role: 'alert' } : {})}
        >
          <MessageBarBody>{generation.problem.text}</MessageBarBody>
        </MessageBar>
      )}

      {certificate && view && !generation.running && (tab === certificate.source || !editing) && (
        <>
          <CertificateOutput
            {...view}
            savedFiles={answers.savedFiles}
            platformName={context.config.platformName}
            onSaved={(name) => onUpdate({ savedFiles: [...new Set([...answers.savedFiles, name])] })}
            headingLevel={2}
          />
          {certificate.source === 'generated' && !editing && (
            <div className={styles.actions}>
              <Button onClick={() => setEditing(true)}>Generate a different certificate</Button>
            </div>
          )}
        </>
      )}
      {nextProblem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{nextProblem}</MessageBarBody>
        </MessageBar>
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

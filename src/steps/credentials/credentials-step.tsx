import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { FolderZipRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useLiveStatus } from '../../ui/live-status';
import { runStatusMessage } from '../../wizard/run-status';
import { credentialsJson, credentialsZip, type PlatformCredentials } from '../../exports/credentials-bundle';
import {
  CREDENTIAL_FILE_NAMES,
  PRIVATE_KEY_FILE_NAMES,
  signingRequestFiles,
} from '../../exports/certificate-files';
import { EXPIRY_CALENDAR_FILE_NAME, expiryCalendar } from '../../exports/expiry-calendar';
import { CopyField } from '../../ui/copy-field';
import { DownloadButton } from '../../ui/download-button';
import { saveFile } from '../../ui/save-file';
import { SecretField } from '../../ui/secret-field';
import { certificateView, privateKeyOf } from '../../wizard/answers';
import { useAutomaticRun } from '../../wizard/automatic-run';
import { ConsentResult } from '../../wizard/consent-result';
import type { StepProps } from '../../wizard/step-definition';
import { expiryReminders } from './expiry-reminders';
import { OlderCredentials } from './older-credentials';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  files: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/** Every value the platform's Custom OAuth keys page asks for, and the files, with nothing lost before it is saved. */
export function CredentialsStep({ context, onUpdate }: StepProps) {
  const styles = useStyles();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  // Credentials that expired before the page opened get no reminder.
  const [openedAt] = useState(() => Date.now());
  const run = useAutomaticRun();
  const result = run?.state.result;
  const plan = context.plan;
  // A retry of the grants is said politely as it goes, once the admin started one here.
  const [retried, setRetried] = useState(false);
  useLiveStatus(
    retried
      ? runStatusMessage(
          run?.state,
          result?.consent.status === 'granted'
            ? 'admin consent is granted'
            : 'some grants are still not made, see Admin consent still needed',
        )
      : '',
  );
  if (!run || !result || !plan) return <Body1>The registration has not been created yet.</Body1>;

  const { answers, config } = context;
  const platform = config.platformName;
  const certificate = plan.credentials.certificate.required ? answers.certificate : null;
  const view = certificate ? certificateView(certificate) : null;
  const secret = result.secret;
  const kept = result.before?.secrets.filter((s) => !s.expired) ?? [];
  const credentials: PlatformCredentials = {
    platformName: platform,
    clientId: result.application.appId,
    clientSecret: secret ? { value: secret.secretText, expires: secret.endDateTime } : null,
    certificate: view
      ? {
          customKeyIdentifier: result.storedCustomKeyIdentifier ?? view.certificate.customKeyIdentifier,
          thumbprintSha1Hex: view.certificate.thumbprintSha1Hex,
          ...(view.privateKey ? { privateKeyPassphrase: view.privateKey.passphrase } : {}),
          privateKeyFile: view.privateKey ? CREDENTIAL_FILE_NAMES.privateKey : null,
        }
      : null,
    azureDirectoryId: result.tenantId ?? '',
    application: { objectId: result.application.id, displayName: result.application.displayName },
  };
  const reminders = expiryReminders({
    secret,
    certificate: view
      ? {
          keyId: view.certificate.graphKeyCredential.keyId,
          thumbprintSha1Hex: view.certificate.thumbprintSha1Hex,
          endDateTime: view.certificate.graphKeyCredential.endDateTime,
        }
      : null,
    before: result.before,
    removed,
    now: openedAt,
  });
  const calendar = () =>
    expiryCalendar({
      application: { displayName: result.application.displayName, appId: result.application.appId },
      platformName: platform,
      credentials: reminders,
      now: new Date(openedAt),
    });
  // A signing request whose certificate the authority has not issued yet: its key and request go with the rest.
  const pending = certificate?.source === 'requested' && !certificate.certificate ? certificate : null;
  const files = [
    ...(view?.files ?? []),
    ...(pending ? signingRequestFiles(pending.request) : []),
    ...(reminders.length
      ? [
          {
            name: EXPIRY_CALENDAR_FILE_NAME,
            description: 'Calendar reminders 30 and 7 days before each credential expires',
            type: 'text/calendar',
            content: calendar(),
            secret: false,
          },
        ]
      : []),
  ];
  const saved = (names: readonly string[]) =>
    onUpdate({ savedFiles: [...new Set([...answers.savedFiles, ...names])] });
  const secretSaved = () => run.markSecretSaved();
  // The new credentials are safe once saved: the secret copied or downloaded, the generated key downloaded.
  const keySaved =
    !privateKeyOf(certificate) || PRIVATE_KEY_FILE_NAMES.some((f) => answers.savedFiles.includes(f));

  return (
    <div className={styles.stack}>
      {secret && !run.secretSaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Save the client secret now</MessageBarTitle>
            Microsoft shows a client secret only once. Download everything, or copy each value into {platform}
            ’s Custom OAuth keys page, before you leave.
          </MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        icon={<FolderZipRegular />}
        onClick={() => {
          saveFile('credentials.zip', credentialsZip(credentials, files), 'application/zip');
          if (secret) secretSaved();
          saved(files.map((f) => f.name));
        }}
      >
        Download all (credentials.zip)
      </Button>

      <section className={styles.fields} aria-labelledby="platform-fields">
        <h2 id="platform-fields" className={styles.heading}>
          For {platform}’s Custom OAuth keys page
        </h2>
        <CopyField label="Client ID" value={credentials.clientId} />
        {secret ? (
          <SecretField
            label="Client Secret"
            value={secret.secretText}
            hint={`Expires ${day(secret.endDateTime)}.`}
            onCopied={secretSaved}
          />
        ) : (
          <Body1>
            Client Secret: unchanged. The registration keeps{' '}
            {kept.length === 1 ? 'its secret' : `its ${kept.length} secrets`}
            {kept.length > 0
              ? ` (${kept.map((k) => `${k.hint}…${k.endDateTime ? `, expires ${day(k.endDateTime)}` : ''}`).join('; ')})`
              : ''}
            , which {platform} already has. If it was lost, go back to Review, choose “Create a new client
            secret”, and run again.
          </Body1>
        )}
        {credentials.certificate && (
          <>
            <CopyField
              label="Custom Key Identifier"
              value={credentials.certificate.customKeyIdentifier}
              hint={`As Microsoft Entra stored it. Thumbprint (SHA-1): ${credentials.certificate.thumbprintSha1Hex}.`}
            />
            {credentials.certificate.privateKeyPassphrase !== undefined &&
              (credentials.certificate.privateKeyPassphrase === null ? (
                <Body1>
                  Private key passphrase: none ({CREDENTIAL_FILE_NAMES.privateKey} is not encrypted).
                </Body1>
              ) : (
                <SecretField
                  label="Private key passphrase"
                  value={credentials.certificate.privateKeyPassphrase}
                />
              ))}
            {view?.privateKey ? (
              <Body1>The private key file: {CREDENTIAL_FILE_NAMES.privateKey}, below.</Body1>
            ) : (
              <Body1>The private key file: the key you made with your own certificate.</Body1>
            )}
          </>
        )}
        {pending && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The certificate is still with your certificate authority</MessageBarTitle>
              The registration was made without it. When your authority issues the certificate for{' '}
              {CREDENTIAL_FILE_NAMES.signingRequest}, upload it in the portal under Certificates &amp;
              secrets, then give {platform} its Custom Key Identifier (the SHA-1 thumbprint in base64),
              together with {CREDENTIAL_FILE_NAMES.privateKey} (below) and its passphrase.
              {pending.passphrase !== null && (
                <SecretField label="Private key passphrase" value={pending.passphrase} />
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        <CopyField label="Azure Directory ID" value={credentials.azureDirectoryId} />
      </section>

      <section className={styles.fields} aria-labelledby="files-heading">
        <h2 id="files-heading" className={styles.heading}>
          Files, one by one
        </h2>
        {reminders.length > 0 && (
          <Body1>
            {EXPIRY_CALENDAR_FILE_NAME} puts each expiry in your calendar ({reminders.length}{' '}
            {reminders.length === 1 ? 'credential' : 'credentials'}), with reminders 30 and 7 days before, so
            you can rotate in time. It holds no secret.
          </Body1>
        )}
        <ul className={styles.files} aria-label="Credential files">
          <li>
            <DownloadButton
              fileName={CREDENTIAL_FILE_NAMES.credentials}
              type="application/json"
              content={() => credentialsJson(credentials)}
              onSaved={() => secret && secretSaved()}
            />
          </li>
          {files.map((file) => (
            <li key={file.name}>
              <DownloadButton
                fileName={file.name}
                type={file.type}
                content={() => file.content}
                onSaved={() => saved([file.name])}
              />
            </li>
          ))}
        </ul>
      </section>

      <ConsentResult
        result={result}
        plan={plan}
        config={config}
        onRetry={() => {
          setRetried(true);
          run.retry();
        }}
        retrying={run.state.status === 'running'}
        variant="full"
      />

      {result.before && (
        <OlderCredentials
          existing={result.before}
          newSecret={secret !== null}
          newCertificate={certificate !== null}
          currentThumbprint={view?.certificate.thumbprintSha1Hex ?? null}
          saved={{ secret: secret === null || run.secretSaved, certificate: keySaved }}
          onRemove={async (selection) => {
            const outcome = await run.removeCredentials(selection);
            setRemoved(new Set([...removed, ...outcome.removed.map((k) => k.toLowerCase())]));
            return outcome;
          }}
          platform={platform}
        />
      )}
    </div>
  );
}

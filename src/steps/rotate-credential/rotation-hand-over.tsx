import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { FolderZipRegular } from '@fluentui/react-icons';
import type { CredentialFile } from '../../exports/certificate-files';
import { CREDENTIAL_FILE_NAMES } from '../../exports/certificate-files';
import { credentialsJson, credentialsZip, type PlatformCredentials } from '../../exports/credentials-bundle';
import {
  EXPIRY_CALENDAR_FILE_NAME,
  expiryCalendar,
  type ExpiringCredential,
} from '../../exports/expiry-calendar';
import type { CreatedSecret } from '../../graph/run-types';
import { CopyField } from '../../ui/copy-field';
import { DownloadButton } from '../../ui/download-button';
import { saveFile } from '../../ui/save-file';
import { SecretField } from '../../ui/secret-field';
import { certificateView, type CertificateAnswer } from '../../wizard/answers';
import { CertificateOutput } from '../../wizard/certificate-output';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  files: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  heading: { margin: 0 },
});

interface RotationHandOverProps {
  readonly platform: string;
  readonly application: { readonly id: string; readonly appId: string; readonly displayName: string };
  readonly directoryId: string;
  /** The new secret, while this page holds it; null for a certificate rotation. */
  readonly secret: CreatedSecret | null;
  /** A secret rotation whose secret this page no longer holds (it was saved, then removed from the page). */
  readonly secretGone: boolean;
  /** The new certificate; null for a secret rotation. */
  readonly certificate: CertificateAnswer | null;
  /** The expiries the calendar file reminds of: the new credential's first. */
  readonly reminders: readonly ExpiringCredential[];
  readonly savedFiles: readonly string[];
  readonly secretSaved: boolean;
  readonly onSecretSaved: () => void;
  readonly onSaved: (names: readonly string[]) => void;
  /** When the page opened, for the calendar's time stamp. */
  readonly now: number;
}

const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/**
 * The rotation's hand-over: the new credential with every value the platform's Custom OAuth keys page asks for, the
 * files one by one and in one ZIP, and a calendar reminder of its expiry. The secret is shown once, as Microsoft
 * shows it: it stays in this page until the wizard finishes, and leaving before it is saved asks first.
 */
export function RotationHandOver(props: RotationHandOverProps) {
  const { platform, application, secret, certificate, reminders, savedFiles, onSaved, onSecretSaved } = props;
  const styles = useStyles();
  const view = certificate ? certificateView(certificate) : null;
  const credentials: PlatformCredentials = {
    platformName: platform,
    clientId: application.appId,
    clientSecret: secret ? { value: secret.secretText, expires: secret.endDateTime } : null,
    certificate: view
      ? {
          customKeyIdentifier: view.certificate.customKeyIdentifier,
          thumbprintSha1Hex: view.certificate.thumbprintSha1Hex,
          ...(view.privateKey ? { privateKeyPassphrase: view.privateKey.passphrase } : {}),
          privateKeyFile: view.privateKey ? CREDENTIAL_FILE_NAMES.privateKey : null,
        }
      : null,
    azureDirectoryId: props.directoryId,
    application: { objectId: application.id, displayName: application.displayName },
  };
  const calendar: CredentialFile = {
    name: EXPIRY_CALENDAR_FILE_NAME,
    description: 'Calendar reminders 30 and 7 days before each credential expires',
    type: 'text/calendar',
    content: expiryCalendar({
      application: { displayName: application.displayName, appId: application.appId },
      platformName: platform,
      credentials: reminders,
      now: new Date(props.now),
    }),
    secret: false,
  };
  const files = [...(view?.files ?? []), calendar];
  const saveAll = () => {
    saveFile('credentials.zip', credentialsZip(credentials, files), 'application/zip');
    if (secret) onSecretSaved();
    onSaved(files.map((f) => f.name));
  };

  return (
    <section className={styles.stack} aria-labelledby="hand-over-heading">
      <Subtitle2 as="h2" id="hand-over-heading" className={styles.heading}>
        2. Give the new {secret || props.secretGone ? 'client secret' : 'certificate'} to {platform}
      </Subtitle2>
      {secret && !props.secretSaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Save the new client secret now</MessageBarTitle>
            Microsoft shows a client secret only once. Download everything, or copy it into {platform}’s
            Custom OAuth keys page, before you go on.
          </MessageBarBody>
        </MessageBar>
      )}
      <span>
        <Button appearance="primary" icon={<FolderZipRegular />} onClick={saveAll}>
          Download all (credentials.zip)
        </Button>
      </span>
      <CopyField label="Client ID" value={application.appId} />
      {secret && (
        <SecretField
          label="New client secret"
          value={secret.secretText}
          hint={`Expires ${day(secret.endDateTime)}.`}
          onCopied={onSecretSaved}
        />
      )}
      {props.secretGone && <Body1>The new client secret was saved and is no longer in this page.</Body1>}
      {view && (
        <CertificateOutput
          {...view}
          savedFiles={savedFiles}
          platformName={platform}
          onSaved={(name) => onSaved([name])}
          headingLevel={3}
        />
      )}
      <CopyField label="Azure Directory ID" value={props.directoryId} />
      <Body1>
        {EXPIRY_CALENDAR_FILE_NAME} puts the new expiry in your calendar
        {reminders.length > 1 ? `, with the ${reminders.length - 1} other credentials that stay` : ''}, with
        reminders 30 and 7 days before. It holds no secret.
      </Body1>
      <ul className={styles.files} aria-label="Rotation files">
        <li>
          <DownloadButton
            fileName={CREDENTIAL_FILE_NAMES.credentials}
            type="application/json"
            content={() => credentialsJson(credentials)}
            onSaved={() => secret && onSecretSaved()}
          />
        </li>
        <li>
          <DownloadButton
            fileName={calendar.name}
            type={calendar.type}
            content={() => calendar.content}
            onSaved={() => onSaved([calendar.name])}
          />
        </li>
      </ul>
    </section>
  );
}

import {
  Body1,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { FolderZipRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { clouds } from '../../config/clouds';
import { applicationFiles } from '../../exports/manifest';
import { OFFLINE_BUNDLE_NAME, offlineBundleFiles } from '../../exports/offline-bundle';
import { portalInstructions, type PrivateKeyProtection } from '../../exports/portal-instructions';
import { PORTAL_STEPS_FILE_NAME } from '../../exports/portal-steps-file';
import { portalLinks } from '../../exports/portal-links';
import { zipFiles } from '../../exports/zip-files';
import { CertificateOutput } from '../../wizard/certificate-output';
import { CodeExports } from '../../wizard/code-exports';
import { CorrectionList } from '../../ui/correction-list';
import { DownloadButton } from '../../ui/download-button';
import { saveFile } from '../../ui/save-file';
import { certificateOf, certificateView, privateKeyOf, type CertificateAnswer } from '../../wizard/answers';
import type { StepProps } from '../../wizard/step-definition';
import { ConsentBuilder } from './consent-builder';
import { InstructionList } from './instruction-list';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  downloads: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const JSON_TYPE = 'application/json';

/** What the portal steps say about the private key: it has a passphrase, it has none, or it is the admin's own. */
function keyProtectionOf(certificate: CertificateAnswer | null): PrivateKeyProtection | null {
  if (!certificate) return null;
  const key = privateKeyOf(certificate);
  if (!key) return 'own';
  return key.encrypted ? 'passphrase' : 'none';
}

/** Offline mode's result: the files, the portal steps for this plan, and the admin consent link. */
export function OfflineResultsStep({ context, onUpdate }: StepProps) {
  const styles = useStyles();
  const [clientId, setClientId] = useState<string | undefined>();
  const plan = context.plan;
  if (!plan) return null;
  const { savedFiles } = context.answers;
  const certificate = plan.credentials.certificate.required ? context.answers.certificate : null;
  const view = certificate ? certificateView(certificate) : null;
  const issued = certificateOf(certificate);
  const keyCredentials = issued ? [issued.graphKeyCredential] : [];
  const cloud = clouds[context.config.cloud];
  const steps = portalInstructions({
    plan,
    privateKey: keyProtectionOf(certificate),
    cloud,
    platformName: context.config.platformName,
    ...(clientId ? { clientId } : {}),
  });

  const saved = (names: readonly string[]) =>
    onUpdate({ savedFiles: [...new Set([...savedFiles, ...names])] });
  const downloadAll = () => {
    const files = offlineBundleFiles({
      plan,
      keyCredentials,
      certificateFiles: view?.files ?? [],
      steps,
      code: { cloud, date: new Date().toISOString().slice(0, 10) },
    });
    saveFile(OFFLINE_BUNDLE_NAME, zipFiles(files), 'application/zip');
    // The ZIP holds key.pem: saving it saves the private key.
    saved(files.map((f) => f.name));
  };

  return (
    <div className={styles.stack}>
      <section className={styles.section} aria-labelledby="all-heading">
        <h2 id="all-heading" className={styles.heading}>
          Everything in one file
        </h2>
        <Body1>
          manifest.json, required-resource-access.json, {view ? 'the certificate files, ' : ''}the portal
          steps below as {PORTAL_STEPS_FILE_NAME} and the scripts and templates of Export as code, in one ZIP.
        </Body1>
        <div className={styles.downloads}>
          <Button appearance="primary" icon={<FolderZipRegular />} onClick={downloadAll}>
            Download all ({OFFLINE_BUNDLE_NAME})
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="files-heading">
        <h2 id="files-heading" className={styles.heading}>
          Files
        </h2>
        <Body1>
          manifest.json holds the application in the Microsoft Graph manifest format;
          required-resource-access.json holds just its permissions, for the Manifest editor or{' '}
          <code>az ad app create --required-resource-accesses</code>.
        </Body1>
        <div className={styles.downloads}>
          {applicationFiles(plan, keyCredentials).map((file) => (
            <DownloadButton
              key={file.name}
              fileName={file.name}
              type={JSON_TYPE}
              content={() => file.content}
            />
          ))}
        </div>
        <CorrectionList corrections={plan.corrections} />
      </section>

      <CodeExports plan={plan} cloud={cloud} headingLevel={2} />

      {view && (
        <section className={styles.section} aria-labelledby="certificate-heading">
          <h2 id="certificate-heading" className={styles.heading}>
            Certificate
          </h2>
          <CertificateOutput
            {...view}
            savedFiles={savedFiles}
            platformName={context.config.platformName}
            onSaved={(name) => saved([name])}
            headingLevel={3}
          />
        </section>
      )}

      <section className={styles.section} aria-labelledby="steps-heading">
        <h2 id="steps-heading" className={styles.heading}>
          Steps in the portal
        </h2>
        <InstructionList steps={steps} />
      </section>

      <section className={styles.section} aria-labelledby="consent-heading">
        <h2 id="consent-heading" className={styles.heading}>
          Admin consent link
        </h2>
        <Body1>
          {plan.adminConsent.required
            ? 'An administrator can grant every permission at once by opening this link.'
            : 'No permission needs an administrator, but an administrator can still consent for everyone with this link.'}
        </Body1>
        <ConsentBuilder
          cloud={cloud}
          redirectUris={plan.application.web.redirectUris}
          appName={plan.application.displayName}
          onClientId={setClientId}
        />
      </section>

      <section className={styles.section} aria-labelledby="more-heading">
        <h2 id="more-heading" className={styles.heading}>
          Good to know
        </h2>
        {plan.notices.map((n) => (
          <MessageBar key={n.kind} intent="warning" layout="multiline">
            <MessageBarBody>{n.message}</MessageBarBody>
          </MessageBar>
        ))}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Make the sign-in page yours</MessageBarTitle>
            Upload a logo and background and change the sign-in page text under{' '}
            <Link href={portalLinks.companyBranding(cloud)} target="_blank" rel="noreferrer">
              Company branding
            </Link>{' '}
            so users recognise your organization when they connect.
          </MessageBarBody>
        </MessageBar>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>If users are told they need an admin’s approval</MessageBarTitle>
            Some organizations only let users consent to approved apps. If the admin consent workflow is on,
            users can request approval while signing in; otherwise send the admin consent link above to an
            administrator.
          </MessageBarBody>
        </MessageBar>
      </section>
    </div>
  );
}

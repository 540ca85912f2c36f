import {
  Body1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { clouds } from '../../config/clouds';
import { manifestFor, requiredResourceAccessFor, toJsonFile } from '../../exports/manifest';
import { portalInstructions } from '../../exports/portal-instructions';
import { portalLinks } from '../../exports/portal-links';
import { CertificateOutput } from '../../ui/certificate-output';
import { CorrectionList } from '../../ui/correction-list';
import { DownloadButton } from '../../ui/download-button';
import { certificateView } from '../../wizard/answers';
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

/** Offline mode's result: the files, the portal steps for this plan, and the admin consent link. */
export function OfflineResultsStep({ context, onUpdate }: StepProps) {
  const styles = useStyles();
  const [clientId, setClientId] = useState<string | undefined>();
  const plan = context.plan;
  if (!plan) return null;
  const { savedFiles } = context.answers;
  const certificate = plan.credentials.certificate.required ? context.answers.certificate : null;
  const keyCredentials = certificate ? [certificate.certificate.graphKeyCredential] : [];
  const cloud = clouds[context.config.cloud];
  const steps = portalInstructions({
    plan,
    cloud,
    platformName: context.config.platformName,
    ...(clientId ? { clientId } : {}),
  });

  return (
    <div className={styles.stack}>
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
          <DownloadButton
            appearance="primary"
            fileName="manifest.json"
            type={JSON_TYPE}
            content={() => toJsonFile(manifestFor(plan, keyCredentials))}
          />
          <DownloadButton
            fileName="required-resource-access.json"
            type={JSON_TYPE}
            content={() => toJsonFile(requiredResourceAccessFor(plan))}
          />
        </div>
        <CorrectionList corrections={plan.corrections} />
      </section>

      {certificate && (
        <section className={styles.section} aria-labelledby="certificate-heading">
          <h2 id="certificate-heading" className={styles.heading}>
            Certificate
          </h2>
          <CertificateOutput
            {...certificateView(certificate)}
            savedFiles={savedFiles}
            platformName={context.config.platformName}
            onSaved={(name) => onUpdate({ savedFiles: [...new Set([...savedFiles, name])] })}
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

import {
  Button,
  FluentProvider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { LinkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useAuth } from './auth/use-auth';
import { clouds } from './config/clouds';
import type { AppConfig, ConfigProblem } from './config/config-schema';
import { steps } from './steps/registry';
import { ErrorBoundary } from './ui/error-boundary';
import { ProblemBar } from './ui/problem-bar';
import { wizardTheme } from './ui/theme';
import type { WizardAnswers } from './wizard/answers';
import { WizardShell } from './wizard/wizard-shell';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { display: 'flex', flexDirection: 'column' },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  body: {
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

interface AppProps {
  readonly config: AppConfig;
  readonly configProblems: readonly ConfigProblem[];
  readonly linkProblems: readonly string[];
  readonly initialAnswers: WizardAnswers;
  /** Where the wizard opens; the first step when absent. */
  readonly initialStep?: string | undefined;
  /** The demo tenant answers instead of Microsoft (what its scenario shows): every screen says so. */
  readonly demo?: string | null;
}

/** Providers and the page frame around the wizard. */
export function App({
  config,
  configProblems,
  linkProblems,
  initialAnswers,
  initialStep,
  demo = null,
}: AppProps) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  const cloud = clouds[config.cloud];
  const account = useAuth()?.account;
  return (
    <FluentProvider theme={wizardTheme}>
      <div className={styles.page}>
        <header className={styles.header}>
          <div className={styles.brand}>
            <span className={styles.title}>Entra Setup Wizard{demo !== null ? ' · Demo tenant' : ''}</span>
            <Text size={200}>
              Microsoft 365 connectors for {config.platformName}
              {config.cloud === 'global' ? '' : ` · ${cloud.name}`}
            </Text>
          </div>
          <div className={styles.tools}>
            {account && <Text size={200}>Signed in as {account.username}</Text>}
            <Button
              appearance="primary"
              icon={<LinkRegular />}
              onClick={() =>
                void navigator.clipboard.writeText(window.location.href).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? 'Link copied' : 'Copy link to this setup'}
            </Button>
          </div>
        </header>
        <div className={styles.body}>
          {demo !== null && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Demo tenant</MessageBarTitle>A simulated Contoso directory runs in this page:
                nothing is sent to Microsoft, and every ID, secret and certificate it shows is made up for the
                demo. {demo} <Link href={window.location.pathname}>Leave the demo</Link>
              </MessageBarBody>
            </MessageBar>
          )}
          <ProblemBar
            title="config.json has problems; the wizard uses defaults for these keys"
            problems={configProblems.map((p) =>
              p.key ? `${p.key} ${p.message}` : `config.json ${p.message}`,
            )}
          />
          <ProblemBar title="Parts of this link were ignored" problems={linkProblems} />
          <ErrorBoundary>
            <WizardShell
              steps={steps}
              config={config}
              initialAnswers={initialAnswers}
              initialStep={initialStep}
            />
          </ErrorBoundary>
        </div>
      </div>
    </FluentProvider>
  );
}

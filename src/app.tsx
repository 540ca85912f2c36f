import {
  FluentProvider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useAuth } from './auth/use-auth';
import { clouds } from './config/clouds';
import type { AppConfig, ConfigProblem } from './config/config-schema';
import { steps } from './steps/registry';
import { CopyLinkButton, CopyLinkFallback, useCopyLink } from './ui/copy-link';
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
  starting: { padding: `${tokens.spacingVerticalXXXL} 0` },
});

interface PageFrameProps {
  /** The line under the wizard's name: what it sets up, and for which platform once config.json says so. */
  readonly subtitle: string;
  readonly demo: boolean;
  /** What the header shows on its right: the signed-in account, the link to copy. */
  readonly tools?: ReactNode;
  readonly children: ReactNode;
}

/** The theme, the header and the page body: the same while the wizard starts as once it runs. */
function PageFrame({ subtitle, demo, tools, children }: PageFrameProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={wizardTheme}>
      <div className={styles.page}>
        <header className={styles.header}>
          <div className={styles.brand}>
            <span className={styles.title}>Entra Setup Wizard{demo ? ' · Demo tenant' : ''}</span>
            <Text size={200}>{subtitle}</Text>
          </div>
          {tools && <div className={styles.tools}>{tools}</div>}
        </header>
        <div className={styles.body}>{children}</div>
      </div>
    </FluentProvider>
  );
}

/**
 * What the page shows at once while the wizard gets ready (config.json, then sign-in or the demo tenant), so a slow
 * server never leaves it blank.
 */
export function StartingApp({ label }: { readonly label: string }) {
  const styles = useStyles();
  return (
    <PageFrame subtitle="Microsoft 365 connectors" demo={false}>
      <Spinner className={styles.starting} label={label} />
    </PageFrame>
  );
}

/**
 * What a page of another site that frames the wizard gets instead of the wizard: why, and a link that opens the
 * wizard in a tab of its own.
 */
export function FramedApp({ href }: { readonly href: string }) {
  return (
    <PageFrame subtitle="Microsoft 365 connectors" demo={false}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Open the wizard on its own</MessageBarTitle>
          <p>
            This wizard does not run inside another site’s page, to protect your sign-in and credentials from
            clickjacking.
          </p>
          <Link href={href} target="_blank" rel="noopener noreferrer">
            Open the Entra Setup Wizard on its own
          </Link>
        </MessageBarBody>
      </MessageBar>
    </PageFrame>
  );
}

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
  const copyLink = useCopyLink();
  const cloud = clouds[config.cloud];
  const account = useAuth()?.account;
  const subtitle =
    `Microsoft 365 connectors for ${config.platformName}` +
    (config.cloud === 'global' ? '' : ` · ${cloud.name}`);
  return (
    <PageFrame
      subtitle={subtitle}
      demo={demo !== null}
      tools={
        <>
          {account && <Text size={200}>Signed in as {account.username}</Text>}
          <CopyLinkButton copyLink={copyLink} />
        </>
      }
    >
      <CopyLinkFallback copyLink={copyLink} />
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
        problems={configProblems.map((p) => (p.key ? `${p.key} ${p.message}` : `config.json ${p.message}`))}
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
    </PageFrame>
  );
}

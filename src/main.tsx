import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, FramedApp, StartingApp } from './app';
import { framedByAnotherOrigin } from './auth/frame-guard';
import type { AppConfig, ConfigProblem } from './config/config-schema';
import { loadConfig } from './config/parse-config';
import { initialAnswers } from './wizard/answers';
import { AutomaticRunCodeContext } from './wizard/automatic-run';
import { parseShareLink } from './wizard/share-link';
import '@fontsource/open-sans/400.css';
import '@fontsource/open-sans/600.css';
import '@fontsource/open-sans/700.css';
import '@fontsource/cascadia-mono/400.css';
import './styles.css';

type Wrap = (app: ReactNode) => ReactNode;

/** The Graph code of automatic mode, loaded with sign-in or the demo tenant (never for offline-only deployments). */
const loadAutomaticRunCode = () => import('./wizard/automatic-run-code');

/** `wrap`, with automatic mode's Graph code provided inside it. */
const withRunCode =
  (wrap: Wrap, code: Awaited<ReturnType<typeof loadAutomaticRunCode>>): Wrap =>
  (app) =>
    wrap(<AutomaticRunCodeContext.Provider value={code}>{app}</AutomaticRunCodeContext.Provider>);

/**
 * Sign-in, only when config.json names the wizard's app registration. The dynamic imports keep MSAL and the Graph
 * code out of the bundle that offline-only deployments download.
 */
async function startSignIn(
  config: AppConfig,
): Promise<{ wrap: Wrap; problems: ConfigProblem[]; returnedFromSignIn?: boolean }> {
  const clientId = config.clientId;
  if (!clientId) return { wrap: (app) => app, problems: [] };
  try {
    const [{ AuthProvider, returnedFromSignIn }, code] = await Promise.all([
      import('./auth/start-auth').then(({ startAuth }) => startAuth(config, clientId)),
      loadAutomaticRunCode(),
    ]);
    const wrap: Wrap = (app) => <AuthProvider>{app}</AuthProvider>;
    return { wrap: withRunCode(wrap, code), problems: [], returnedFromSignIn };
  } catch (error) {
    console.error('Sign-in could not start:', error);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      wrap: (app) => app,
      problems: [
        {
          key: 'clientId',
          message: `is set, but sign-in could not start (${reason}). Only offline mode is offered.`,
        },
      ],
    };
  }
}

/** The demo tenant the address asks for (`?demo` or `?demo=<scenario>`), or null. */
const demoRequested = () => new URLSearchParams(window.location.search).get('demo');

/**
 * The demo tenant instead of Microsoft: loaded only when asked for, so the initial bundle stays without it. Its
 * config has automatic mode set up.
 */
async function startDemoTenant(config: AppConfig, value: string) {
  const [demo, code] = await Promise.all([
    import('./demo/start-demo').then(({ startDemo }) => startDemo(config, value)),
    loadAutomaticRunCode(),
  ]);
  return {
    ...demo,
    wrap: withRunCode(demo.wrap, code),
    problems: [] as ConfigProblem[],
    returnedFromSignIn: false,
  };
}

/**
 * Whether config.json has arrived already (src/preload-config.ts has the browser download it while the wizard's
 * code downloads, and the browser lists it in its resource timing once the response is in): then `loadConfig` takes
 * it at once, and the loading frame would only cost a render before the wizard's. False when it is still on its way,
 * or where the browser cannot tell.
 */
function configArrived(): boolean {
  const url = new URL('/config.json', window.location.href).href;
  return typeof performance.getEntriesByName === 'function' && performance.getEntriesByName(url).length > 0;
}

/**
 * Start-up only: refuse to run inside another site's page (before anything is loaded or signed in), show the page
 * frame at once unless config.json is there already, load the runtime configuration (within `CONFIG_TIMEOUT_MS`),
 * read the shareable link, start sign-in or the demo tenant, then render the wizard in the frame's place.
 */
async function start() {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  const root = createRoot(element);
  if (framedByAnotherOrigin(window)) {
    root.render(
      <StrictMode>
        <FramedApp href={window.location.href} />
      </StrictMode>,
    );
    return;
  }
  const starting = (label: string) =>
    root.render(
      <StrictMode>
        <StartingApp label={label} />
      </StrictMode>,
    );
  if (!configArrived()) starting('Loading the wizard’s settings…');
  const loaded = await loadConfig();
  const problems = loaded.problems;
  const demoValue = demoRequested();
  if (demoValue !== null) starting('Starting the demo tenant…');
  else if (loaded.config.clientId) starting('Starting sign-in…');
  const demoStart = demoValue === null ? null : await startDemoTenant(loaded.config, demoValue);
  const config = demoStart?.config ?? loaded.config;
  const link = parseShareLink(window.location.search);
  const signIn = demoStart ?? (await startSignIn(config));
  // Back from a full-page sign-in (popups were blocked): continue automatic mode at the sign-in step.
  const answers = {
    ...initialAnswers(config),
    ...link.answers,
    ...(signIn.returnedFromSignIn ? { path: 'automatic' as const } : {}),
  };
  root.render(
    <StrictMode>
      {signIn.wrap(
        <App
          config={config}
          configProblems={[...problems, ...signIn.problems]}
          linkProblems={link.problems}
          initialAnswers={answers}
          initialStep={signIn.returnedFromSignIn ? 'sign-in' : undefined}
          demo={demoStart ? demoStart.scenario.description : null}
        />,
      )}
    </StrictMode>,
  );
}

void start();

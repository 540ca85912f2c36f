/**
 * The wizard as the page starts it (src/main.tsx): config.json loaded, the shared link read into the answers, the app
 * rendered in StrictMode with the app's fonts and styles. Only the start-up differs: the link is handed over instead
 * of read from the address bar, and nothing signs in (the shipped config.json has no clientId), so Microsoft's
 * services never come into it.
 */
import { StrictMode } from 'react';
import { expect, onTestFinished } from 'vitest';
import { page, type Locator } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react/pure';
import { App } from '../../src/app';
import { createCertificateClient } from '../../src/crypto/certificate-client';
import { defaultSubject } from '../../src/crypto/subject';
import { loadConfig } from '../../src/config/parse-config';
import type { CertificateAnswer, WizardAnswers } from '../../src/wizard/answers';
import { initialAnswers } from '../../src/wizard/answers';
import { parseShareLink } from '../../src/wizard/share-link';
import { LAYOUT_WIDTHS, sidewaysOverflow } from '../sideways-overflow';
import '@fontsource/open-sans/400.css';
import '@fontsource/open-sans/600.css';
import '@fontsource/open-sans/700.css';
import '@fontsource/cascadia-mono/400.css';
import '../../src/styles.css';

export interface WizardStart {
  /** The page's query, as a shared link carries it: `?connectors=teams:user&name=…`. */
  readonly link?: string;
  /** The text the server answers for config.json; the file the wizard ships (public/config.json) when absent. */
  readonly configJson?: string;
  /** Answers on top of the link's, for a test that starts further on (a certificate the admin already has). */
  readonly answers?: Partial<WizardAnswers>;
  /** The step the wizard opens at; the first one when absent. */
  readonly step?: string;
}

/**
 * Renders the wizard and returns the page's locators. The address bar gets the link, as the page would have it, and
 * its own address back when the test ends, when the wizard is removed.
 */
export async function renderWizard({ link = '', configJson, answers, step }: WizardStart = {}) {
  // The component tests share one page: each test leaves it as it found it, without its wizard.
  const address = window.location.href;
  onTestFinished(async () => {
    await cleanup();
    window.history.replaceState(null, '', address);
  });
  window.history.replaceState(null, '', `${window.location.pathname}${link}`);

  const served = configJson;
  const { config, problems } = await loadConfig(
    '/config.json',
    served === undefined ? fetch : () => Promise.resolve(new Response(served, { status: 200 })),
  );
  const parsed = parseShareLink(link);
  const screen = await render(
    <StrictMode>
      <App
        config={config}
        configProblems={problems}
        linkProblems={parsed.problems}
        initialAnswers={{ ...initialAnswers(config), ...parsed.answers, ...answers }}
        initialStep={step}
      />
    </StrictMode>,
  );
  return screen;
}

/** The current step's heading. */
export const stepHeading = (): Locator => page.getByRole('heading', { level: 1 });

/** Clicks the shell's primary button (Next, Create files, …) and waits until another step's heading shows. */
export async function next(label = 'Next') {
  const before = stepHeading().element().textContent ?? '';
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => stepHeading().element().textContent).not.toBe(before);
}

/** Takes the offline path from the start page. */
export async function doItMyself() {
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await expect.element(stepHeading()).toHaveTextContent('Connectors');
}

/** Sizes the page to each of the layout widths and expects what it shows to fit each one. */
export async function expectNoSidewaysScroll(what?: string) {
  const step = what ?? stepHeading().element().textContent ?? '';
  for (const width of LAYOUT_WIDTHS) {
    await page.viewport(width, 800);
    await expect.poll(sidewaysOverflow, { message: `${step} at ${width} px` }).toBeNull();
  }
}

/** The passphrase of {@link generatedCertificate}'s key. */
export const TEST_PASSPHRASE = 'Correct horse battery staple 7!';

/**
 * A certificate the wizard's own worker generates, with a 2048-bit key: the answer of an admin who generated one, for
 * tests that need a certificate but not the 4096-bit default (which the end-to-end tests check with openssl).
 */
export async function generatedCertificate(): Promise<CertificateAnswer> {
  const client = createCertificateClient();
  try {
    const certificate = await client.generate({
      subject: { ...defaultSubject },
      keySize: 2048,
      validityDays: 365,
      passphrase: TEST_PASSPHRASE,
      pfxEncryption: 'aes256',
    });
    return { source: 'generated', certificate, passphrase: TEST_PASSPHRASE };
  } finally {
    client.dispose();
  }
}

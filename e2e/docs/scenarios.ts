/**
 * The user guide's scenarios: what `npm run docs` drives (the demo tenant, no routing, no network) and what
 * `docs/guide.md` says of each step. A scenario's `drive` calls `shoot(id)` once per step, in the order of `steps`.
 */
import { Buffer } from 'node:buffer';
import { expect, type Locator, type Page } from '@playwright/test';
import { acceptStepsToReview } from '../support/automatic';
import {
  acceptDemoPermissions,
  demoAccountDialog,
  demoPermissionsDialog,
  signInToDemo,
} from '../support/demo';
import { certificateReady, fillOfflineIds, next } from '../support/wizard';
import { pngImage } from '../../test-support/logo-images';

/** A 215×215 logo for the guide: a dark ring on a light square, drawn pixel by pixel. */
const GUIDE_LOGO = pngImage(215, 215, (x, y) => {
  const r = Math.hypot(x - 107, y - 107);
  return r > 60 && r < 90 ? 0x30 : 0xf0;
});

export interface GuideStep {
  /** File name of the screenshot, without `.png`: `docs/screenshots/<id>.png`. */
  readonly id: string;
  readonly title: string;
  /** What the step shows and what to do, for admins. */
  readonly caption: string;
  /** What support staff should look at or tell the customer, when it differs from the caption. */
  readonly support?: string;
}

export interface GuideScenario {
  readonly id: string;
  readonly title: string;
  /** Who follows this path and when. */
  readonly intro: string;
  /** Where it starts (for readers who want to try it). */
  readonly link: string;
  readonly steps: readonly GuideStep[];
  drive(page: Page, shoot: (id: string) => Promise<void>): Promise<void>;
}

const heading = (page: Page) => page.locator('#step-heading');

/** Scrolls the page so that this element is at the top of the screenshot. */
async function toTop(locator: Locator) {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

const offline: GuideScenario = {
  id: 'offline',
  title: 'Do it yourself in the portal (offline mode)',
  intro:
    'For admins who prefer to make the registration themselves, and for tenants where no web tool may sign in. Nothing leaves the browser: the wizard writes the files and the portal steps, and the admin follows them in the Microsoft Entra admin center.',
  link: '/?connectors=sharepoint:admin,outlook-mail:user&name=Contoso%20Sync',
  steps: [
    {
      id: 'offline-1-start',
      title: 'Choose how to set it up',
      caption:
        'The start page offers two ways: sign in and let the wizard create the registration, or make it yourself from files and portal steps. A shared link (here for SharePoint Online and Outlook Mail) opens the wizard with its choices filled in.',
      support:
        'Send the customer a link from “Copy link to this setup”: it carries the connectors, modes and name, never a secret.',
    },
    {
      id: 'offline-2-connectors',
      title: 'Pick the connectors and who signs in',
      caption:
        'Tick each connector the platform will use. “Admin accounts” means application permissions, ID tokens and, for Teams, OneDrive and SharePoint, a certificate; “Ordinary users” means delegated permissions only.',
    },
    {
      id: 'offline-3-app-details',
      title: 'Name the registration',
      caption:
        'The name is what users see on the consent prompt. The redirect URI is the platform’s OAuth callback; it is filled in from the site’s configuration.',
    },
    {
      id: 'offline-4-certificate',
      title: 'The certificate, made in the browser',
      caption:
        'Admin accounts of SharePoint Online need a certificate. The wizard generates it in the browser (RSA 4096, SHA-256) and protects the private key with the passphrase shown. Download the private key before leaving: nobody can recover it later. Values that differ on every run are greyed out in this guide.',
      support:
        'If the customer must use a certificate from their own authority, “Use my own certificate” takes a PEM or DER file and checks it before anything is written.',
    },
    {
      id: 'offline-5-review',
      title: 'Review the plan',
      caption:
        'Every permission, by API, with its exact id. Where the published procedure names a permission that does not exist as written, the correction is listed with the reason. The JSON is exactly what the registration will hold.',
    },
    {
      id: 'offline-6-results',
      title: 'Files and portal steps',
      caption:
        'Download manifest.json and the certificate files, and follow the portal steps. Paste the application (client) ID and tenant once the registration exists: the admin consent URL and the values for the platform’s Custom OAuth keys page are then complete.',
    },
  ],
  async drive(page, shoot) {
    await page.goto(this.link);
    await expect(heading(page)).toHaveText('Start');
    await shoot('offline-1-start');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await expect(heading(page)).toHaveText('Connectors');
    await shoot('offline-2-connectors');
    await next(page);
    await shoot('offline-3-app-details');
    await next(page);
    await certificateReady(page);
    await shoot('offline-4-certificate');
    await next(page);
    await shoot('offline-5-review');
    await next(page, 'Create files');
    await fillOfflineIds(page);
    await expect(page.getByRole('textbox', { name: 'Admin consent URL' })).toBeVisible();
    await heading(page).scrollIntoViewIfNeeded();
    await shoot('offline-6-results');
  },
};

const sharepointAdmin: GuideScenario = {
  id: 'sharepoint-admin',
  title: 'Automatic: SharePoint Online for admin accounts, with admin consent',
  intro:
    'The main path: an administrator signs in, the wizard creates the registration, its permissions, a client secret and a certificate, and grants admin consent. Shown here on the demo tenant, which anyone can open from the start page (“Try it with a demo tenant”).',
  link: '/?demo=standard&connectors=sharepoint:admin&name=Contoso%20SharePoint',
  steps: [
    {
      id: 'sharepoint-1-demo-start',
      title: 'The demo tenant',
      caption:
        'The demo runs the whole automatic path in the browser against a simulated tenant: no Microsoft sign-in and no network. Every screen says “Demo tenant”, and every credential it gives starts with DEMO-.',
      support:
        'Practise here before a customer call. `?demo=throttled`, `slow-replication`, `dropped-connection`, `non-admin` and `existing` show the situations customers meet.',
    },
    {
      id: 'sharepoint-2-sign-in',
      title: 'Sign in',
      caption:
        'Pick the administrator. On a real tenant this is Microsoft’s own sign-in window; the wizard asks only for your name and tenant at this point.',
    },
    {
      id: 'sharepoint-3-connectors',
      title: 'SharePoint Online, admin accounts',
      caption: 'The link chose SharePoint Online in admin mode; any connector can be added here.',
    },
    {
      id: 'sharepoint-4-review',
      title: 'Before you create it',
      caption:
        'The review checks the tenant first (nothing is written yet), then offers the choices: grant admin consent now, and how long the client secret lives.',
    },
    {
      id: 'sharepoint-5-permissions',
      title: 'Allow the wizard to create the registration',
      caption:
        'Create asks Microsoft for the permissions the run needs, only now: to create applications and, with consent, to grant permissions. An administrator accepts for themselves.',
    },
    {
      id: 'sharepoint-6-credentials',
      title: 'The credentials',
      caption:
        'The run created the registration, its service principal, the secret and the certificate, and granted admin consent. Copy the values into the platform’s Custom OAuth keys page and download the files. The client secret is shown once: the wizard asks before you leave without saving it.',
      support:
        'If the customer closed the page before saving the secret, a new run of the same setup removes the unsaved secret and makes a new one; nothing is created twice.',
    },
  ],
  async drive(page, shoot) {
    await page.goto(this.link);
    await expect(page.getByText('Demo tenant', { exact: true }).first()).toBeVisible();
    await shoot('sharepoint-1-demo-start');
    await page.getByRole('button', { name: 'Sign in and create' }).click();
    const accounts = await demoAccountDialog(page);
    await shoot('sharepoint-2-sign-in');
    await accounts.getByRole('button', { name: /Megan Bowen/ }).click();
    await expect(heading(page)).toHaveText('Connectors');
    await page.getByRole('group', { name: 'SharePoint Online' }).scrollIntoViewIfNeeded();
    await shoot('sharepoint-3-connectors');
    await acceptStepsToReview(page);
    await toTop(page.getByRole('heading', { name: 'Before you create it' }));
    await shoot('sharepoint-4-review');
    await page.getByRole('button', { name: 'Create app registration' }).click();
    const consent = await demoPermissionsDialog(page);
    await shoot('sharepoint-5-permissions');
    await consent.getByRole('button', { name: 'Accept' }).click();
    await expect(heading(page)).toHaveText('Credentials', { timeout: 60_000 });
    await shoot('sharepoint-6-credentials');
  },
};

const mailCalendarUsers: GuideScenario = {
  id: 'mail-calendar-users',
  title: 'Automatic: Outlook Mail and Calendar for ordinary users',
  intro:
    'Connectors used by ordinary users need delegated permissions only: no certificate and no ID tokens. Here the administrator leaves consent for later, and the wizard hands over the admin consent link.',
  link: '/?demo=standard&connectors=outlook-mail:user,outlook-calendar:user&name=Contoso%20Mail%20and%20Calendar',
  steps: [
    {
      id: 'mail-calendar-1-connectors',
      title: 'Two connectors, ordinary users',
      caption:
        'Outlook Mail and Outlook Calendar, both for ordinary users. One registration serves both; the permissions are merged.',
    },
    {
      id: 'mail-calendar-2-branding',
      title: 'How it looks to your users',
      caption:
        'Ticking “Set the logo and links users see when they consent” on App details adds this step. The logo (PNG, JPG or GIF, at most 100 KB, square) is checked in the browser; the links must be https. The preview shows Microsoft’s consent prompt with them, for an administrator or an ordinary user, and marks the app “unverified” until its publisher is verified.',
      support:
        'Customers whose users hesitate at the consent prompt usually have an app without a logo or terms links. The sign-in page’s own branding belongs to the tenant (Company branding); the wizard links to it and never changes it. “Copy link to this setup” carries this step and its links to the customer, but not the logo, which stays a file.',
    },
    {
      id: 'mail-calendar-3-review',
      title: 'Consent later',
      caption:
        'With “Grant admin consent for my organization now” unticked, the run creates the registration only. Users may still need an administrator: Microsoft’s default consent policy keeps users from consenting to many Mail and Calendar permissions.',
    },
    {
      id: 'mail-calendar-4-credentials',
      title: 'Credentials and the admin consent link',
      caption:
        'The credentials, and the admin consent URL to send to an administrator when the time comes. No certificate was needed.',
    },
  ],
  async drive(page, shoot) {
    await signInToDemo(page, this.link, /Megan Bowen/);
    await expect(heading(page)).toHaveText('Connectors');
    await page.getByRole('group', { name: 'Outlook Mail' }).scrollIntoViewIfNeeded();
    await shoot('mail-calendar-1-connectors');
    await next(page);
    await page.getByRole('checkbox', { name: 'Set the logo and links users see when they consent' }).check();
    await next(page);
    await page.getByLabel('Logo', { exact: true }).setInputFiles({
      name: 'contoso.png',
      mimeType: 'image/png',
      buffer: Buffer.from(GUIDE_LOGO),
    });
    await page.getByRole('textbox', { name: 'Home page URL' }).fill('https://www.contoso.com/');
    await page.getByRole('textbox', { name: 'Terms of service URL' }).fill('https://www.contoso.com/terms');
    await page
      .getByRole('textbox', { name: 'Privacy statement URL' })
      .fill('https://www.contoso.com/privacy');
    await expect(page.getByTestId('consent-preview-admin').locator('canvas')).toBeVisible();
    await shoot('mail-calendar-2-branding');
    await next(page);
    await expect(heading(page)).toHaveText('Review');
    await page.getByRole('checkbox', { name: 'Grant admin consent for my organization now' }).uncheck();
    await toTop(page.getByRole('heading', { name: 'Before you create it' }));
    await shoot('mail-calendar-3-review');
    await page.getByRole('button', { name: 'Create app registration' }).click();
    await acceptDemoPermissions(page);
    await expect(heading(page)).toHaveText('Credentials', { timeout: 60_000 });
    await page.getByRole('textbox', { name: 'Admin consent URL' }).scrollIntoViewIfNeeded();
    await shoot('mail-calendar-4-credentials');
  },
};

const adminConsentNeeded: GuideScenario = {
  id: 'admin-consent-needed',
  title: 'When an administrator must approve',
  intro:
    'The most common support case: someone who is not an administrator tries to create the registration. Microsoft asks for admin approval, and the wizard says plainly who can give it and what to send them.',
  link: '/?demo=non-admin&connectors=outlook-mail:user&name=Contoso%20Mail',
  steps: [
    {
      id: 'admin-consent-1-sign-in',
      title: 'An ordinary user signs in',
      caption: 'In this demo only the ordinary user, Adele Vance, can sign in.',
    },
    {
      id: 'admin-consent-2-approval',
      title: 'Need admin approval',
      caption:
        'Creating applications needs permissions only an administrator can grant. Microsoft’s prompt says so; trying again will not help.',
    },
    {
      id: 'admin-consent-3-what-to-do',
      title: 'What to do next',
      caption:
        'The wizard explains who can approve, gives the admin consent URL of the wizard itself with a copy button, and a message to forward to an administrator. Nothing was written to the tenant.',
      support:
        'Ask the customer for a Global Administrator, Cloud Application Administrator or Application Administrator, or to forward the message shown here.',
    },
  ],
  async drive(page, shoot) {
    await page.goto(this.link);
    await page.getByRole('button', { name: 'Sign in and create' }).click();
    const accounts = await demoAccountDialog(page);
    await shoot('admin-consent-1-sign-in');
    await accounts.getByRole('button', { name: /Adele Vance/ }).click();
    await acceptStepsToReview(page);
    await page.getByRole('button', { name: 'Create app registration' }).click();
    const prompt = page.getByRole('alertdialog', { name: /Need admin approval/ });
    await expect(prompt).toBeVisible();
    await shoot('admin-consent-2-approval');
    await prompt.getByRole('button', { name: 'Return to the application without granting consent' }).click();
    await expect(page.getByText('The permissions were not granted')).toBeVisible();
    await toTop(page.getByText('The permissions were not granted'));
    await shoot('admin-consent-3-what-to-do');
  },
};

const rerun: GuideScenario = {
  id: 'rerun',
  title: 'Run it again for a registration that exists',
  intro:
    'A customer comes back: a connector was added, or the first run was interrupted. The same setup finds the registration by its unique name, shows what it holds, and updates it; the certificate in use and a saved secret are kept.',
  link: '/?demo=existing&connectors=sharepoint:admin',
  steps: [
    {
      id: 'rerun-1-found',
      title: 'The registration exists already',
      caption:
        'Before any write, the review reads the tenant and lists the current secrets and certificates: who made them, their hints or thumbprints, and when they expire. It says what the run adds and what it removes.',
      support:
        'This table is the quickest way to see an expired secret or a certificate the platform no longer has.',
    },
    {
      id: 'rerun-2-credentials',
      title: 'Updated, nothing duplicated',
      caption:
        'The run updated the same registration. The secret the platform already holds is unchanged unless you asked for a new one; older credentials the wizard made can be removed here, by explicit choice only.',
    },
  ],
  async drive(page, shoot) {
    await signInToDemo(page, this.link, /Megan Bowen/);
    await acceptStepsToReview(page);
    await page.getByRole('button', { name: 'Create app registration' }).click();
    await acceptDemoPermissions(page);
    await expect(page.getByText('This registration exists already')).toBeVisible();
    await toTop(page.getByRole('heading', { name: 'In your tenant' }));
    await shoot('rerun-1-found');
    await page.getByRole('button', { name: 'Update app registration' }).click();
    await expect(heading(page)).toHaveText('Credentials', { timeout: 60_000 });
    await shoot('rerun-2-credentials');
  },
};

export const GUIDE_SCENARIOS: readonly GuideScenario[] = [
  offline,
  sharepointAdmin,
  mailCalendarUsers,
  adminConsentNeeded,
  rerun,
];

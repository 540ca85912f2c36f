import type { Page, Worker } from '@playwright/test';
import { expect, test } from './support/secret-scan';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CREDENTIAL_FILE_NAMES as FILE } from '../src/exports/certificate-files';
import { APP } from './support/app-origin';
import {
  asn1Parse,
  clientAssertionHeader,
  decryptKey,
  fingerprintSha1,
  keyModulus,
  openPkcs12,
  readCertificate,
  signJwtWithKey,
  verifyJwtWithCertificate,
} from './support/openssl';
import { certificateReady, next, walkToOfflineResults } from './support/wizard';

const fixtures = join(import.meta.dirname, '../src/crypto/fixtures');
const passphrase = 'Correct horse battery staple 7!';

async function toCertificateStep(page: Page, connectors = 'sharepoint:admin') {
  await page.goto(`/?connectors=${connectors}`);
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await next(page);
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('Certificate');
}

async function saveAll(page: Page, names: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-cert-'));
  for (const name of names) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: `Download ${name}` })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(name);
    await download.saveAs(join(dir, name));
  }
  return dir;
}

const hex = (base64: string) => Buffer.from(base64, 'base64').toString('hex').toUpperCase();

test('generates a certificate that openssl accepts, with the chosen subject, passphrase and validity', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await toCertificateStep(page);
  const first = await certificateReady(page);
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  const subject = {
    C: 'nz',
    ST: 'Auckland',
    L: 'Auckland',
    O: 'Contoso Ltd',
    OU: 'IT',
    CN: 'sync.contoso.example',
  };
  for (const [field, value] of Object.entries(subject)) {
    await page.getByRole('textbox', { name: new RegExp(`\\(${field}\\)$`) }).fill(value);
  }
  // 2048 bits: openssl checks the 4096-bit default in the certificate the step opens with (the next test).
  await page.getByRole('combobox', { name: 'Key size' }).selectOption('2048');
  await page.getByRole('radio', { name: '2 years' }).check();
  await page.getByRole('radio', { name: 'Use my own passphrase' }).check();
  await page.getByLabel('Your passphrase').fill(passphrase);
  const started = Date.now();
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  // The key of the certificate the step opened with was not saved: replacing it asks first.
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace it' }).click();
  const identifier = page.getByRole('textbox', { name: 'Custom Key Identifier' });
  await expect(identifier).not.toHaveValue(first, { timeout: 60_000 });
  await expect(page.getByText('Download the private key now')).toBeVisible();

  const shownIdentifier = await identifier.inputValue();
  const shownThumbprint = await page.getByRole('textbox', { name: 'Thumbprint (SHA-1, hex)' }).inputValue();
  const dir = await saveAll(page, [
    FILE.privateKey,
    FILE.certificatePem,
    FILE.certificateDer,
    FILE.pfx,
    FILE.keyCredentials,
  ]);
  await expect(page.getByText('Download the private key now')).toHaveCount(0);

  const cert = readCertificate(join(dir, FILE.certificatePem));
  expect(cert.publicKeyBits).toBe(2048);
  expect(cert.signatureAlgorithm).toBe('sha256WithRSAEncryption');
  expect(cert.subject).toBe('CN=sync.contoso.example,OU=IT,O=Contoso Ltd,L=Auckland,ST=Auckland,C=NZ');
  expect(cert.issuer).toBe(cert.subject);
  expect(cert.caFalse).toBe(true);
  const days = (cert.notAfter.getTime() - cert.notBefore.getTime()) / 86_400_000;
  expect(Math.round(days)).toBe(730);
  expect(Math.abs(cert.notBefore.getTime() - started)).toBeLessThan(5 * 60_000);
  expect(readCertificate(join(dir, FILE.certificateDer), 'DER').modulus).toBe(cert.modulus);

  // customKeyIdentifier is base64 of the SHA-1 thumbprint, exactly what openssl computes.
  const fingerprint = fingerprintSha1(join(dir, FILE.certificatePem));
  const entry = (
    JSON.parse(readFileSync(join(dir, FILE.keyCredentials), 'utf8')) as {
      keyCredentials: Record<string, string>[];
    }
  ).keyCredentials[0];
  expect(hex(entry?.customKeyIdentifier ?? '')).toBe(fingerprint);
  expect(hex(shownIdentifier)).toBe(fingerprint);
  expect(shownThumbprint).toBe(fingerprint);
  expect(entry).toMatchObject({ type: 'AsymmetricX509Cert', usage: 'Verify' });
  expect(entry?.keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(Buffer.from(entry?.key ?? '', 'base64')).toEqual(readFileSync(join(dir, FILE.certificateDer)));
  expect(entry).not.toHaveProperty('value');

  // The key decrypts with the passphrase only, is PBES2/AES-256/HMAC-SHA256, and matches the certificate.
  expect(readFileSync(join(dir, FILE.privateKey), 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  expect(decryptKey(join(dir, FILE.privateKey), passphrase)).toMatch(/BEGIN PRIVATE KEY/);
  expect(() => decryptKey(join(dir, FILE.privateKey), 'wrong passphrase')).toThrow();
  expect(() => decryptKey(join(dir, FILE.privateKey), null)).toThrow();
  const parsed = asn1Parse(join(dir, FILE.privateKey));
  expect(parsed).toMatch(/PBES2/);
  expect(parsed).toMatch(/aes-256-cbc/);
  expect(parsed).toMatch(/hmacWithSHA256/);
  const iterations = /PBKDF2[\s\S]*?INTEGER\s+:([0-9A-F]+)/.exec(parsed)?.[1] ?? '0';
  expect(Number.parseInt(iterations, 16)).toBeGreaterThanOrEqual(100_000);
  expect(keyModulus(join(dir, FILE.privateKey), passphrase)).toBe(cert.modulus);

  // The PFX opens with the same passphrase, with a SHA-256 MAC.
  const pfx = openPkcs12(join(dir, FILE.pfx), passphrase);
  expect(pfx.macAlgorithm).toBe('sha256');
  expect(pfx.contents).toMatch(/BEGIN CERTIFICATE/);
  expect(pfx.contents).toMatch(/BEGIN PRIVATE KEY/);
  expect(() => openPkcs12(join(dir, FILE.pfx), 'wrong')).toThrow();

  // A client assertion signed with the key verifies with the certificate, as Entra checks it.
  const x5t = Buffer.from(fingerprint, 'hex').toString('base64url');
  const header = clientAssertionHeader(x5t);
  const payload = JSON.stringify({
    aud: 'https://login.microsoftonline.com/contoso/oauth2/v2.0/token',
    iss: 'app',
    sub: 'app',
  });
  const jwt = signJwtWithKey(header, payload, join(dir, FILE.privateKey), passphrase);
  expect(JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({
    x5t,
    alg: 'RS256',
  });
  expect(verifyJwtWithCertificate(jwt, join(dir, FILE.certificatePem))).toBe(true);

  // Offline mode's manifest carries the public certificate only.
  await next(page);
  await next(page, 'Create files');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download manifest.json' }).click(),
  ]);
  const manifest = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    keyCredentials: Record<string, string>[];
  };
  expect(manifest.keyCredentials).toHaveLength(1);
  expect(manifest.keyCredentials[0]).toMatchObject({
    key: entry?.key,
    customKeyIdentifier: entry?.customKeyIdentifier,
    keyId: entry?.keyId,
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  });
  expect(JSON.stringify(manifest)).not.toMatch(/PRIVATE KEY/);
  expect(new Date(manifest.keyCredentials[0]?.endDateTime ?? '').getTime()).toBeLessThanOrEqual(
    cert.notAfter.getTime(),
  );
});

test('the default certificate uses the passphrase the form shows; the unencrypted opt-out and the 3DES PFX', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await toCertificateStep(page, 'teams:admin');
  const first = await certificateReady(page);
  // The step opens with the procedure's certificate, protected by a generated passphrase.
  const generated = await page.getByRole('textbox', { name: 'Private key passphrase' }).inputValue();
  expect(generated).toMatch(/^([A-HJ-NP-Za-km-z2-9]{4}-){5}[A-HJ-NP-Za-km-z2-9]{4}$/);
  let dir = await saveAll(page, [FILE.privateKey, FILE.certificatePem, FILE.pfx]);
  const prepared = readCertificate(join(dir, FILE.certificatePem));
  expect(prepared.publicKeyBits).toBe(4096);
  expect(prepared.subject).toBe('CN=ADomain,O=An Org,ST=Some-State,C=AU');
  expect(Math.round((prepared.notAfter.getTime() - prepared.notBefore.getTime()) / 86_400_000)).toBe(18250);
  expect(keyModulus(join(dir, FILE.privateKey), generated)).toBe(prepared.modulus);
  expect(openPkcs12(join(dir, FILE.pfx), generated).macAlgorithm).toBe('sha256');
  // Its settings are the form's defaults, with that same passphrase.
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await expect(page.getByRole('textbox', { name: 'Generated passphrase' })).toHaveValue(generated);

  // The key was saved, so a certificate with other settings replaces it without asking.
  await page.getByRole('combobox', { name: 'Key size' }).selectOption('2048');
  await page.getByRole('checkbox', { name: /3DES/ }).check();
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  await expect(page.getByRole('textbox', { name: 'Custom Key Identifier' })).not.toHaveValue(first, {
    timeout: 60_000,
  });
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Private key passphrase' })).toHaveValue(generated);
  dir = await saveAll(page, [FILE.privateKey, FILE.certificatePem, FILE.pfx]);
  expect(readCertificate(join(dir, FILE.certificatePem)).publicKeyBits).toBe(2048);
  expect(keyModulus(join(dir, FILE.privateKey), generated)).toBe(
    readCertificate(join(dir, FILE.certificatePem)).modulus,
  );
  const legacy = openPkcs12(join(dir, FILE.pfx), generated);
  expect(legacy.info).toMatch(/Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC/);

  // Replacing a saved key needs no confirmation; the unencrypted opt-out needs an acknowledgement.
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await page.getByRole('radio', { name: /No passphrase/ }).check();
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  await expect(page.getByText(/Confirm that you will keep the unencrypted key.pem safe/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'I understand the key will not be encrypted' }).check();
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  await expect(page.getByText('Private key passphrase: none (key.pem is not encrypted).')).toBeVisible({
    timeout: 90_000,
  });
  dir = await saveAll(page, [FILE.privateKey, FILE.certificatePem]);
  expect(readFileSync(join(dir, FILE.privateKey), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(keyModulus(join(dir, FILE.privateKey), null)).toBe(
    readCertificate(join(dir, FILE.certificatePem)).modulus,
  );
});

test('generation can be cancelled and run again; an unsaved key is never replaced silently', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await toCertificateStep(page);
  const identifier = page.getByRole('textbox', { name: 'Custom Key Identifier' });
  const first = await certificateReady(page);

  // The key of the certificate the step opened with was not saved: another one needs a confirmation.
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Replace a key you have not saved?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep the current one' }).click();
  await page.getByRole('button', { name: 'Keep the current certificate' }).click();
  await expect(identifier).toHaveValue(first);

  // Cancelling a replacement keeps nothing new, and the current certificate stays. The generation must still be under
  // way when Cancel is pressed, however fast the machine makes keys: a key size other than the default one the page
  // prepares ahead, and every certificate worker of the page kept busy for 15 s, those there and any it starts
  // meanwhile (after Cancel, a worker still busy holds up the next generation no longer than that).
  const holdUp = (worker: Worker) =>
    worker
      .evaluate(() => {
        const end = Date.now() + 15_000;
        while (Date.now() < end);
      })
      .catch(() => undefined); // Cancel ends the worker while it is held up.
  for (const worker of page.workers()) void holdUp(worker);
  page.on('worker', holdUp);
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await page.getByRole('combobox', { name: 'Key size' }).selectOption('3072');
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  await dialog.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByText('Generating the certificate in this browser')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('main').getByText(/Generation was cancelled/)).toBeVisible();
  await expect(identifier).toHaveValue(first);
  page.off('worker', holdUp);

  await page.getByRole('combobox', { name: 'Key size' }).selectOption('2048');
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  await dialog.getByRole('button', { name: 'Replace it' }).click();
  await expect(identifier).not.toHaveValue(first, { timeout: 60_000 });
});

test('leaving the page before the key is saved asks for confirmation, and not after', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await toCertificateStep(page);
  // The certificate the step opened with is the admin's from now on: its key is guarded like any other.
  await certificateReady(page);
  await expect(page.getByText('Download the private key now')).toBeVisible();

  const prompted = new Promise<string>((resolve) =>
    page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))),
  );
  await page.evaluate(() => document.body.click()); // beforeunload prompts need a user gesture on the page
  await page.close({ runBeforeUnload: true });
  expect(await prompted).toBe('beforeunload');

  const second = await context.newPage();
  await toCertificateStep(second);
  await certificateReady(second);
  await saveAll(second, [FILE.pfx]);
  let dialogs = 0;
  second.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await second.evaluate(() => document.body.click());
  await second.close({ runBeforeUnload: true });
  await expect.poll(() => second.isClosed()).toBe(true);
  expect(dialogs).toBe(0);
});

test('no secret reaches Web Storage, IndexedDB or the URL', async ({ page }) => {
  test.setTimeout(120_000);
  await toCertificateStep(page);
  await certificateReady(page);
  const generated = await page.getByRole('textbox', { name: 'Private key passphrase' }).inputValue();
  await walkToOfflineResults(page);
  const stored = await page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name);
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, databases });
  });
  expect(stored).not.toContain(generated);
  expect(stored).not.toMatch(/PRIVATE KEY/);
  expect(page.url()).not.toContain(generated);
  expect(page.url()).toBe(`${APP}/?connectors=sharepoint:admin`);
});

test.describe('bring your own certificate', () => {
  test('each bad input gets its own message; a good certificate gets its entry', async ({ page }) => {
    await toCertificateStep(page, 'onedrive:admin');
    const generated = await certificateReady(page);
    await page.getByRole('radio', { name: 'Use my own certificate' }).click();
    const paste = page.getByRole('textbox', { name: 'Or paste the certificate' });
    const check = page.getByRole('button', { name: 'Check certificate' });
    const dir = mkdtempSync(join(tmpdir(), 'byo-'));
    execFileSync('openssl', [
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
      '-out',
      join(dir, 'k.pem'),
    ]);
    const cases: [string, RegExp][] = [
      [readFileSync(join(dir, 'k.pem'), 'utf8'), /This is a private key\. Never share it/],
      [
        readFileSync(join(fixtures, 'certificate-request.pem'), 'utf8'),
        /certificate signing request \(CSR\)/,
      ],
      ['hello, this is not a certificate', /This is not a certificate we can read/],
      [readFileSync(join(fixtures, 'expired-cert.pem'), 'utf8'), /expired/i],
    ];
    for (const [input, message] of cases) {
      await paste.fill(input);
      await check.click();
      await expect(page.getByRole('alert')).toHaveText(message);
    }
    // None of them replaced the certificate the step opened with.
    await expect(page.getByRole('textbox', { name: 'Custom Key Identifier' })).toHaveValue(generated);

    // A good one replaces it, once the admin confirms that its unsaved key may go.
    await paste.fill(readFileSync(join(fixtures, 'procedure-cert.pem'), 'utf8'));
    await check.click();
    const dialog = page.getByRole('alertdialog', { name: 'Replace a key you have not saved?' });
    await dialog.getByRole('button', { name: 'Keep the current one' }).click();
    await expect(page.getByRole('textbox', { name: 'Custom Key Identifier' })).toHaveValue(generated);
    await check.click();
    await dialog.getByRole('button', { name: 'Replace it' }).click();
    const fingerprint = fingerprintSha1(join(fixtures, 'procedure-cert.pem'));
    await expect(page.getByRole('textbox', { name: 'Thumbprint (SHA-1, hex)' })).toHaveValue(fingerprint);
    expect(hex(await page.getByRole('textbox', { name: 'Custom Key Identifier' }).inputValue())).toBe(
      fingerprint,
    );
    await expect(page.getByRole('button', { name: `Download ${FILE.privateKey}` })).toHaveCount(0);

    // A DER file through the file picker gives the same result.
    execFileSync('openssl', [
      'x509',
      '-in',
      join(fixtures, 'procedure-cert.pem'),
      '-outform',
      'DER',
      '-out',
      join(dir, 'c.cer'),
    ]);
    await page.getByLabel('Certificate file', { exact: true }).setInputFiles(join(dir, 'c.cer'));
    await expect(page.getByRole('textbox', { name: 'Thumbprint (SHA-1, hex)' })).toHaveValue(fingerprint);
    await next(page);
    await expect(page.locator('#step-heading')).toHaveText('Review');
  });
});

test('a chain with its authority first: the app’s certificate is used, and the step says which', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'byo-chain-'));
  const at = (name: string) => join(dir, name);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  run(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.pem')].concat([
      '-subj',
      '/CN=Example Issuing CA',
      '-days',
      '30',
    ]),
  );
  run(
    ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('app.key'), '-out', at('app.csr')].concat([
      '-subj',
      '/CN=app.example',
    ]),
  );
  run(
    [
      'x509',
      '-req',
      '-in',
      at('app.csr'),
      '-CA',
      at('ca.pem'),
      '-CAkey',
      at('ca.key'),
      '-set_serial',
      '7',
    ].concat(['-days', '30', '-out', at('app.pem')]),
  );

  await toCertificateStep(page, 'onedrive:admin');
  await certificateReady(page);
  await page.getByRole('radio', { name: 'Use my own certificate' }).click();
  await page.getByLabel('Certificate file', { exact: true }).setInputFiles({
    name: 'chain.pem',
    mimeType: 'application/x-pem-file',
    buffer: Buffer.concat([readFileSync(at('ca.pem')), readFileSync(at('app.pem'))]),
  });
  await page
    .getByRole('alertdialog', { name: 'Replace a key you have not saved?' })
    .getByRole('button', { name: 'Replace it' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Thumbprint (SHA-1, hex)' })).toHaveValue(
    fingerprintSha1(at('app.pem')),
  );
  await expect(
    page.getByText(
      'The file held 2 certificates; using the one for CN=app.example, not its issuer CN=Example Issuing CA.',
    ),
  ).toBeVisible();
});

test.describe('a certificate check that does not end', () => {
  test('a file over 1 MB is refused by its size; a check can be cancelled and holds up no other work', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await toCertificateStep(page, 'onedrive:admin');
    const identifier = page.getByRole('textbox', { name: 'Custom Key Identifier' });
    const generated = await certificateReady(page);
    await page.getByRole('radio', { name: 'Use my own certificate' }).click();
    const paste = page.getByRole('textbox', { name: 'Or paste the certificate' });
    const check = page.getByRole('button', { name: 'Check certificate' });
    const dialog = page.getByRole('alertdialog', { name: 'Replace a key you have not saved?' });

    // The page refuses a 2 MB file of repeated BEGIN lines by its size, without reading it.
    await page.getByLabel('Certificate file', { exact: true }).setInputFiles({
      name: 'crafted.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from('-----BEGIN A-----\n'.repeat(Math.ceil((2 * 1024 * 1024) / 18))),
    });
    await expect(page.getByRole('alert')).toHaveText(
      /^This file is 2\.0 MB; a certificate file is a few KB\. Choose the certificate \(\.cer, \.crt or \.pem\)/,
    );

    // The step's first check starts its worker; the test then keeps that worker busy, as a check that never ends would.
    await paste.fill('hello, this is not a certificate');
    const [stepWorker] = await Promise.all([page.waitForEvent('worker'), check.click()]);
    await expect(page.getByRole('alert')).toHaveText(/This is not a certificate we can read/);
    const holdUp = (worker: typeof stepWorker) =>
      worker.evaluate(() => {
        setTimeout(() => {
          const end = Date.now() + 120_000;
          while (Date.now() < end);
        });
      });
    await holdUp(stepWorker);

    await paste.fill(readFileSync(join(fixtures, 'procedure-cert.pem'), 'utf8'));
    await check.click();
    await expect(page.getByRole('main').getByText('Checking the certificate…')).toBeVisible();
    await expect(check).toBeDisabled();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(
      page.getByText(/^The check was cancelled\. Choose or paste the certificate again/),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);

    // Checking again runs on a fresh worker and answers.
    const [freshWorker] = await Promise.all([page.waitForEvent('worker'), check.click()]);
    await dialog.getByRole('button', { name: 'Keep the current one' }).click();
    await expect(identifier).toHaveValue(generated);

    // While a check is stuck, generating a certificate starts at once on another worker.
    await holdUp(freshWorker);
    await check.click();
    await expect(page.getByRole('main').getByText('Checking the certificate…')).toBeVisible();
    await page.getByRole('radio', { name: 'Generate a new certificate' }).click();
    await page.getByRole('button', { name: 'Generate a different certificate' }).click();
    await page.getByRole('combobox', { name: 'Key size' }).selectOption('2048');
    await page.getByRole('button', { name: 'Generate certificate' }).click();
    await dialog.getByRole('button', { name: 'Replace it' }).click();
    await expect(identifier).not.toHaveValue(generated, { timeout: 60_000 });
  });
});

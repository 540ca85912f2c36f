import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import {
  doItMyself,
  generatedCertificate,
  next,
  renderWizard,
  stepHeading,
} from '../../../test-support/browser/render-wizard';

describe('Certificate', () => {
  it('a subject field longer than its limit is kept whole and explained, counted in characters', async () => {
    await renderWizard({
      link: '?connectors=sharepoint:admin',
      answers: { certificate: await generatedCertificate() },
    });
    await doItMyself();
    await next();
    await next();
    await expect.element(stepHeading()).toHaveTextContent('Certificate');
    await page.getByRole('button', { name: 'Generate a different certificate' }).click();
    const commonName = page.getByRole('textbox', { name: 'Common name (CN)' });
    const pasted = '😀'.repeat(65);
    await commonName.fill(pasted);
    await expect.element(commonName).toHaveValue(pasted);
    await page.getByRole('button', { name: 'Generate certificate' }).click();
    await expect
      .element(
        page.getByText('Common name (CN) can be at most 64 characters (RFC 5280); it has 65. Shorten it.'),
      )
      .toBeVisible();
    await expect.element(commonName).toHaveAttribute('aria-invalid', 'true');
    await commonName.fill('😀'.repeat(64));
    await expect.element(page.getByText(/Common name \(CN\) can be at most/)).not.toBeInTheDocument();
  });
});

import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { doItMyself, next, renderWizard, stepHeading } from '../../../test-support/browser/render-wizard';

describe('Connectors', () => {
  it('with no connector chosen, Next explains and stays; a choice clears the message', async () => {
    await renderWizard();
    await doItMyself();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('Choose at least one connector.');
    await expect.element(stepHeading()).toHaveTextContent('Connectors');
    await page
      .getByRole('group', { name: 'Outlook Mail' })
      .getByRole('radio', { name: 'Admin accounts' })
      .click();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    await next();
    await expect.element(stepHeading()).toHaveTextContent('App details');
  });

  it('a shared link preselects the choices, and changes reach the address bar', async () => {
    await renderWizard({ link: '?connectors=outlook-mail:admin,onedrive:user&name=Contoso%20Sync' });
    await doItMyself();
    const mail = page.getByRole('group', { name: 'Outlook Mail' });
    await expect.element(mail.getByRole('checkbox', { name: 'Outlook Mail' })).toBeChecked();
    await expect.element(mail.getByRole('radio', { name: 'Admin accounts' })).toBeChecked();
    await expect
      .element(
        page
          .getByRole('group', { name: 'OneDrive', exact: true })
          .getByRole('radio', { name: 'Non-admin users' }),
      )
      .toBeChecked();
    await expect
      .element(page.getByRole('group', { name: 'Microsoft Teams' }).getByRole('checkbox'))
      .not.toBeChecked();

    await page
      .getByRole('group', { name: 'Outlook Calendar' })
      .getByRole('radio', { name: 'Admin accounts' })
      .click();
    await next();
    await expect
      .poll(() => window.location.search)
      .toMatch(/connectors=onedrive:user,outlook-calendar:admin,outlook-mail:admin/);
    expect(window.location.search).toMatch(/name=Contoso\+Sync/);
  });
});

import { describe, expect, it } from 'vitest';
import { choicesNeedCertificate, connectorsSchema, toForm, toSelections } from './connectors-schema';

describe('connectors form', () => {
  it('round-trips selections in catalog order', () => {
    const form = toForm([
      { id: 'sharepoint', mode: 'admin' },
      { id: 'outlook-mail', mode: 'user' },
    ]);
    expect(form.choices.sharepoint).toEqual({ selected: true, mode: 'admin' });
    expect(form.choices.teams).toEqual({ selected: false, mode: 'user' });
    expect(toSelections(connectorsSchema.parse(form))).toEqual([
      { id: 'outlook-mail', mode: 'user' },
      { id: 'sharepoint', mode: 'admin' },
    ]);
  });

  it('requires at least one connector, with a message saying so', () => {
    const result = connectorsSchema.safeParse(toForm([]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      message: 'Choose at least one connector.',
      path: ['choices'],
    });
  });

  it('rejects an unknown mode', () => {
    const form = toForm([{ id: 'teams', mode: 'user' }]);
    const bad = { choices: { ...form.choices, teams: { selected: true, mode: 'owner' } } };
    expect(connectorsSchema.safeParse(bad).success).toBe(false);
  });

  it('knows when the choices on screen call for a certificate', () => {
    expect(choicesNeedCertificate(toForm([{ id: 'sharepoint', mode: 'admin' }]))).toBe(true);
    expect(choicesNeedCertificate(toForm([{ id: 'sharepoint', mode: 'user' }]))).toBe(false);
    const unselected = toForm([]);
    expect(
      choicesNeedCertificate({
        choices: { ...unselected.choices, sharepoint: { selected: false, mode: 'admin' } },
      }),
    ).toBe(false);
    // Admin Outlook Mail signs in with the client secret only.
    expect(choicesNeedCertificate(toForm([{ id: 'outlook-mail', mode: 'admin' }]))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import type { GeneratedCertificate } from '../crypto/certificate-types';
import { initialAnswers, planFor, type WizardAnswers } from './answers';
import { certificateNeed } from './certificate-preparation';

const need = (patch: Partial<WizardAnswers>) => {
  const answers = { ...initialAnswers(defaultConfig), ...patch };
  return certificateNeed(answers, planFor(answers, defaultConfig));
};

describe('certificateNeed', () => {
  it('is not known before any connector is chosen', () => {
    expect(need({})).toBe('unknown');
  });

  it('is needed as soon as the chosen connectors call for a certificate and none exists', () => {
    expect(need({ connectors: [{ id: 'sharepoint', mode: 'admin' }] })).toBe('needed');
  });

  it('is not needed without admin connectors that sign in with one, or once the admin has one', () => {
    expect(need({ connectors: [{ id: 'sharepoint', mode: 'user' }] })).toBe('not-needed');
    const certificate = {
      source: 'generated',
      certificate: {} as GeneratedCertificate,
      passphrase: 'x',
    } as const;
    expect(need({ connectors: [{ id: 'sharepoint', mode: 'admin' }], certificate })).toBe('not-needed');
  });
});

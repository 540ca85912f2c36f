import { describe, expect, it } from 'vitest';
import { defaultCertificateRequest } from '../../crypto/certificate-preparer';
import { certificateFormSchema, defaultCertificateForm, toRequest } from './certificate-schema';

const base = defaultCertificateForm('Abcd-Efgh-Jkmn-Pqrs-Tuvw-Xyz2');
const issues = (form: unknown) =>
  certificateFormSchema.safeParse(form).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('certificate form', () => {
  it('defaults to the procedure: its subject, RSA-4096, 18,250 days, a generated passphrase, AES PFX', () => {
    expect(issues(base)).toEqual([]);
    expect(toRequest(base)).toEqual({
      subject: { C: 'AU', ST: 'Some-State', L: '', O: 'An Org', OU: '', CN: 'ADomain' },
      keySize: 4096,
      validityDays: 18250,
      passphrase: 'Abcd-Efgh-Jkmn-Pqrs-Tuvw-Xyz2',
      pfxEncryption: 'aes256',
    });
  });

  it('asks for exactly the certificate prepared ahead of the step', () => {
    expect(toRequest(base)).toEqual(defaultCertificateRequest('Abcd-Efgh-Jkmn-Pqrs-Tuvw-Xyz2'));
  });

  it('reports subject problems on their fields', () => {
    const result = issues({ ...base, subject: { ...base.subject, C: 'Australia', O: 'x'.repeat(65) } });
    expect(result.map(([path]) => path)).toEqual(['subject.C', 'subject.O']);
    expect(result[0]?.[1]).toMatch(/two-letter/i);
    expect(result[1]?.[1]).toMatch(/64/);
  });

  it('refuses invisible and bidirectional characters in the subject, naming them', () => {
    const result = issues({
      ...base,
      subject: { ...base.subject, O: 'Contoso\u200B', CN: 'app\u202Eexe.fdp' },
    });
    expect(result).toEqual([
      [
        'subject.O',
        expect.stringMatching(/^Organization \(O\) contains an invisible zero-width space \(U\+200B\)/),
      ],
      ['subject.CN', expect.stringMatching(/right-to-left override \(U\+202E\).*type the value again\.$/)],
    ]);
  });

  it('asks for a stronger custom passphrase, and explains how', () => {
    expect(issues({ ...base, passphraseMode: 'custom', customPassphrase: 'short' })).toEqual([
      ['customPassphrase', expect.stringMatching(/at least 8 characters/)],
    ]);
    expect(issues({ ...base, passphraseMode: 'custom', customPassphrase: 'password1' })[0]?.[1]).toMatch(
      /generate one/,
    );
    const strong = {
      ...base,
      passphraseMode: 'custom' as const,
      customPassphrase: 'correct horse battery staple 42',
    };
    expect(issues(strong)).toEqual([]);
    expect(toRequest(strong).passphrase).toBe('correct horse battery staple 42');
  });

  it('leaves the key unencrypted only after an explicit acknowledgement', () => {
    const none = { ...base, passphraseMode: 'none' as const };
    expect(issues(none)).toEqual([['acknowledgeUnencrypted', expect.stringMatching(/unencrypted key.pem/)]]);
    expect(toRequest({ ...none, acknowledgeUnencrypted: true }).passphrase).toBeNull();
  });

  it('maps the choices to the request', () => {
    expect(toRequest({ ...base, keySize: '2048', validityDays: '365', pfxLegacy: true })).toMatchObject({
      keySize: 2048,
      validityDays: 365,
      pfxEncryption: '3des',
    });
  });
});

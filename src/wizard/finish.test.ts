import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import type { GeneratedCertificate } from '../crypto/certificate-types';
import { initialAnswers, type CertificateAnswer } from './answers';
import { answersAfterFinish, finishedNotice, leftNotice, secretsInPage, unsavedWarning } from './finish';

const generated = (passphrase: string | null): CertificateAnswer => ({
  source: 'generated',
  certificate: { privateKeyEncrypted: passphrase !== null } as GeneratedCertificate,
  passphrase,
});

describe('Finish', () => {
  it('names what exists only in the page: the client secret, the private key and its passphrase', () => {
    const answers = initialAnswers(defaultConfig);
    expect(secretsInPage(answers, false)).toEqual([]);
    expect(secretsInPage(answers, true)).toEqual(['the client secret']);
    expect(secretsInPage({ ...answers, certificate: generated('maple-river-7') }, true)).toEqual([
      'the client secret',
      'the private key',
      'the passphrase',
    ]);
    expect(secretsInPage({ ...answers, certificate: generated(null) }, false)).toEqual(['the private key']);
  });

  it('says what it removed, and that the sign-in was forgotten', () => {
    expect(finishedNotice(['the client secret', 'the private key', 'the passphrase'], false)).toBe(
      'Finished. The client secret, the private key and the passphrase were removed from this page.',
    );
    expect(finishedNotice(['the client secret'], true)).toBe(
      'Finished. The client secret was removed from this page. The wizard forgot your sign-in too.',
    );
    expect(finishedNotice([], false)).toBe('Finished. Nothing secret was left in this page.');
    expect(leftNotice(['the private key', 'the passphrase'])).toBe(
      'You left the wizard, so the private key and the passphrase were removed from this page.',
    );
  });

  it('warns in the words of the unsaved-secret warnings', () => {
    expect(unsavedWarning(['the client secret'])).toBe(
      'The client secret has not been saved. Finishing removes it from this page, and it cannot be recovered.',
    );
    expect(unsavedWarning(['the client secret', 'the certificate’s private key'])).toBe(
      'The client secret and the certificate’s private key have not been saved. Finishing removes them from this ' +
        'page, and they cannot be recovered.',
    );
  });

  it('opens the start page again with the answers the page opened with, and no certificate', () => {
    const opening = { ...initialAnswers(defaultConfig), path: 'automatic' as const, displayName: 'Contoso' };
    expect(answersAfterFinish(opening)).toEqual({
      ...opening,
      path: null,
      certificate: null,
      savedFiles: [],
    });
  });
});

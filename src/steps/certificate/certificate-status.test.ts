import { describe, expect, it } from 'vitest';
import type { CertificateAnswer } from '../../wizard/answers';
import { certificateReadyMessage } from './certificate-status';

describe('certificateReadyMessage', () => {
  it('says what the step has to show for each source of the certificate', () => {
    const answer = (value: object) => value as CertificateAnswer;
    expect(certificateReadyMessage(answer({ source: 'generated' }))).toBe(
      'The certificate is ready. Save its files below.',
    );
    expect(certificateReadyMessage(answer({ source: 'uploaded' }))).toBe(
      'The certificate was read. Its details and any warnings are below.',
    );
    expect(certificateReadyMessage(answer({ source: 'requested', certificate: null }))).toBe(
      'The signing request is ready. Download it and the private key below.',
    );
    expect(certificateReadyMessage(answer({ source: 'requested', certificate: {} }))).toBe(
      'The issued certificate matches the key. Save its files below.',
    );
  });
});

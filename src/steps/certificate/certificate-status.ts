import type { CertificateAnswer } from '../../wizard/answers';

/** What the page's live region says when the step has a new certificate (or signing request) to show. */
export function certificateReadyMessage(answer: CertificateAnswer): string {
  switch (answer.source) {
    case 'generated':
      return 'The certificate is ready. Save its files below.';
    case 'uploaded':
      return 'The certificate was read. Its details and any warnings are below.';
    case 'requested':
      return answer.certificate
        ? 'The issued certificate matches the key. Save its files below.'
        : 'The signing request is ready. Download it and the private key below.';
  }
}

import { useEffect } from 'react';
import type { AppConfig } from '../config/config-schema';
import type { WizardAnswers } from './answers';
import { shareLinkQuery } from './share-link';

/**
 * Keeps the address bar's query equal to the non-secret answers, so the page's URL is always a shareable link. A
 * `demo` value stays: the link of a demo opens the demo.
 */
export function useShareLinkSync(answers: WizardAnswers, config: AppConfig) {
  useEffect(() => {
    const demo = new URLSearchParams(window.location.search).get('demo');
    const answered = shareLinkQuery(answers, config);
    const query =
      demo === null ? answered : [`demo=${encodeURIComponent(demo)}`, answered].filter(Boolean).join('&');
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(null, '', url);
  }, [answers, config]);
}

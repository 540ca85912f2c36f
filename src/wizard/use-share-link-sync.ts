import { useEffect } from 'react';
import type { AppConfig } from '../config/config-schema';
import type { WizardAnswers } from './answers';
import { shareLinkQuery } from './share-link';

/** Keeps the address bar's query equal to the non-secret answers, so the page's URL is always a shareable link. */
export function useShareLinkSync(answers: WizardAnswers, config: AppConfig) {
  useEffect(() => {
    const query = shareLinkQuery(answers, config);
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(null, '', url);
  }, [answers, config]);
}

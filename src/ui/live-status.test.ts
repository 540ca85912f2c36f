import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LiveStatusProvider, useAnnouncer, useLiveStatus } from './live-status';
import { LIVE_STATUS_ID } from './live-status-id';

describe('the page’s live region', () => {
  it('is in the page from the start, polite, empty and visually hidden, after what it wraps', () => {
    const html = renderToStaticMarkup(
      createElement(LiveStatusProvider, null, createElement('main', null, 'The wizard')),
    );
    expect(html).toBe(
      `<main>The wizard</main><div id="${LIVE_STATUS_ID}" role="status" class="visually-hidden"></div>`,
    );
  });

  it('cannot be used outside its provider, where nothing would be said', () => {
    function Step() {
      useLiveStatus('Reading your tenant…');
      return null;
    }
    function Copy() {
      useAnnouncer();
      return null;
    }
    for (const component of [Step, Copy])
      expect(() => renderToStaticMarkup(createElement(component))).toThrow(/outside LiveStatusProvider/);
  });
});

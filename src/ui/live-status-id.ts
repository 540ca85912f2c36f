/** The id of the page's polite live region (`LiveStatusProvider`). */
export const LIVE_STATUS_ID = 'live-status';

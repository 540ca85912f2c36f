import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/**
 * The script of `redirect.html`, the redirect URI of every sign-in: it hands Microsoft's response to the page that
 * started the sign-in (the popup's opener, or the wizard after a full-page redirect) and closes or leaves. It runs no
 * MSAL instance and no React, as MSAL's redirect bridge requires.
 *
 * The admin consent URL also returns here; that answer carries no MSAL state, so it is shown instead of forwarded.
 */
const params = new URLSearchParams(window.location.search || window.location.hash.slice(1));
const status = document.getElementById('status');

function show(message: string) {
  if (status) status.textContent = message;
}

if (params.has('admin_consent')) {
  show(
    params.get('admin_consent')?.toLowerCase() === 'true'
      ? 'Admin consent was granted to the Entra Setup Wizard. Close this window and sign in to the wizard again.'
      : 'Admin consent was not granted. Close this window.',
  );
} else if (params.has('error') && !params.has('state')) {
  show(`Microsoft returned an error: ${params.get('error_description') ?? params.get('error') ?? ''}`);
} else {
  broadcastResponseToMainFrame().catch((error: unknown) => {
    console.error('The sign-in response could not be handed to the wizard:', error);
    show('This sign-in window is no longer needed. Close it and try again in the wizard.');
  });
}

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/config-schema';
import { automaticModeUnavailable } from './start-schema';

describe('automatic mode on the start page', () => {
  it('tells the admin it is not set up here, and whoever hosts the site what to do', () => {
    const unavailable = automaticModeUnavailable({ ...defaultConfig, clientId: undefined }, false);
    expect(unavailable?.reason).toBe(
      'Not available: automatic mode is not set up on this site. Use the portal steps instead.',
    );
    // The admin's sentence speaks of the site, not of config keys; the host's names the key and the deployment guide.
    expect(unavailable?.reason).not.toMatch(/clientId|config\.json/);
    expect(unavailable?.forHost).toMatch(/^If you host this site: /);
    expect(unavailable?.forHost).toMatch(/config\.json as clientId/);
    expect(unavailable?.forHost).toMatch(/the deployment guide \(docs\/deploy\.md in its source\)/);
  });

  it('points at the problem bar when sign-in could not start, with nothing for the host', () => {
    const unavailable = automaticModeUnavailable({ ...defaultConfig, clientId: 'x' }, false);
    expect(unavailable?.reason).toMatch(/^Not available: sign-in could not start in this browser/);
    expect(unavailable?.forHost).toBeNull();
  });

  it('is available with a clientId and sign-in started', () => {
    expect(automaticModeUnavailable({ ...defaultConfig, clientId: 'x' }, true)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { createHarness, graphWrites, userMailTeamsPlan } from '../../test-support/graph/emulator-harness';
import { testBranding, testLogo } from '../../test-support/logo-images';
import { describeRequests } from './describe-requests';
import { RUN_STORAGE_KEY } from './run-storage';

describe('a run with branding', () => {
  it('sends info and the home page in the upsert, then PUTs the logo bytes with their type', async () => {
    const { emu, createRunner, storage } = createHarness();
    const branding = testBranding();
    const plan = userMailTeamsPlan(false, { branding });
    const result = await createRunner().run(plan);

    expect(result.drift).toEqual([]);
    const app = emu.application(plan.application.uniqueName)!;
    expect(app.info).toMatchObject(branding.info);
    expect(app.web?.homePageUrl).toBe('https://www.contoso.com/');
    expect(emu.logoOf(app.id)).toEqual({ contentType: 'image/png', bytes: branding.logo!.bytes });
    // The logo went on its own, as raw bytes after the upsert; the resume record holds none of it.
    const writes = graphWrites(emu).map((e) => `${e.method} ${e.path.replace(app.id, '{id}')}`);
    expect(writes.indexOf('PUT /v1.0/applications/{id}/logo')).toBeGreaterThan(
      writes.findIndex((w) => w.startsWith('PATCH /v1.0/applications(uniqueName=')),
    );
    const logoCall = emu.log.find((e) => e.method === 'PUT');
    expect(logoCall?.batchItem).toBe(false);
    expect(storage.data.get(RUN_STORAGE_KEY) ?? '').not.toMatch(/iVBORw0KGgo|www\.contoso\.com|137,80,78,71/);
  });

  it('leaves info and the logo alone when the admin chose none', async () => {
    const { emu, createRunner } = createHarness();
    const plan = userMailTeamsPlan(false);
    await createRunner().run(plan);
    expect(graphWrites(emu).some((e) => e.path.endsWith('/logo'))).toBe(false);
    const upsert = graphWrites(emu).find((e) => e.method === 'PATCH');
    expect(JSON.parse(upsert?.requestBody ?? '{}')).not.toHaveProperty('info');
    expect(emu.logoOf(plan.application.uniqueName)).toBeUndefined();
  });

  it('lists the logo upload in the review, with its type and size in place of the bytes', () => {
    const plan = userMailTeamsPlan(false, { branding: testBranding(testLogo('brand.png')) });
    const requests = describeRequests(plan);
    const upsert = requests.find((r) => r.operationId === 'upsert-application');
    expect(upsert?.body).toMatchObject({
      info: plan.application.info,
      web: { homePageUrl: 'https://www.contoso.com/' },
    });
    expect(requests.find((r) => r.operationId === 'upload-logo')).toEqual({
      operationId: 'upload-logo',
      method: 'PUT',
      url: '/v1.0/applications/{applicationId}/logo',
      headers: { 'Content-Type': 'image/png' },
      binary: `(the ${plan.logo!.bytes.length} bytes of brand.png, 215×215 pixels)`,
    });
  });
});

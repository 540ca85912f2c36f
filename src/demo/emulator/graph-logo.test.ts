import { describe, expect, it } from 'vitest';
import { gifImage, pngImage, SVG_LOGO } from '../../../test-support/logo-images';
import { callGraph } from './graph-client';
import { adminTenant } from './test-tenant';

const APP = "/applications(uniqueName='branded')";

async function withApplication(scopes = ['Application.ReadWrite.All']) {
  const { emu, token } = await adminTenant({}, scopes);
  const created = await callGraph(
    emu,
    token,
    'PATCH',
    APP,
    { displayName: 'Branded', signInAudience: 'AzureADMultipleOrgs' },
    { prefer: 'create-if-missing' },
  );
  const id = String(created.body?.['id']);
  emu.state.holds.clear();
  return { emu, token, id };
}

/** `PUT /applications/{id}/logo` with raw bytes, as the wizard's fetch sends them. */
async function putLogo(
  emu: Awaited<ReturnType<typeof withApplication>>['emu'],
  token: string,
  path: string,
  contentType: string,
  bytes: Uint8Array,
) {
  const res = await emu.handle({
    method: 'PUT',
    url: `https://graph.microsoft.com/v1.0${path}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: new TextDecoder().decode(bytes),
    bodyBytes: bytes,
  });
  if ('abort' in res) throw new Error('aborted');
  return { status: res.status, error: res.body ? (JSON.parse(res.body) as { error: unknown }).error : null };
}

describe('PUT /applications/{id}/logo', () => {
  it('stores the image bytes and their type, and sets info.logoUrl', async () => {
    const { emu, token, id } = await withApplication();
    const png = pngImage(215);
    expect(await putLogo(emu, token, `/applications/${id}/logo`, 'image/png', png)).toEqual({
      status: 204,
      error: null,
    });
    expect(emu.logoOf(id)).toEqual({ contentType: 'image/png', bytes: png });
    const read = await callGraph(emu, token, 'GET', `/applications/${id}?$select=info`);
    expect((read.body?.['info'] as { logoUrl: string }).logoUrl).toMatch(
      /^https:\/\/secure\.aadcdn\.microsoftonline-p\.com\/.+\/bannerlogo\?ts=\d+$/,
    );
    // A PUT replaces the logo; by alternate key too.
    const gif = gifImage();
    expect((await putLogo(emu, token, `${APP}/logo`, 'image/gif', gif)).status).toBe(204);
    expect(emu.logoOf('branded')?.contentType).toBe('image/gif');
  });

  it('refuses another type, an SVG, bytes of another type, an empty body and more than 100 KB', async () => {
    const { emu, token, id } = await withApplication();
    const path = `/applications/${id}/logo`;
    const refused = async (type: string, bytes: Uint8Array) => {
      const res = await putLogo(emu, token, path, type, bytes);
      expect(res.status).toBe(400);
      return (res.error as { code: string; message: string }).message;
    };
    expect(await refused('image/svg+xml', SVG_LOGO)).toMatch(
      /Content-Type 'image\/svg\+xml' is not supported/,
    );
    expect(await refused('application/octet-stream', pngImage(10))).toMatch(/not supported/);
    expect(await refused('image/png', SVG_LOGO)).toBe('The request body is not a valid image/png image.');
    expect(await refused('image/png', new Uint8Array())).toMatch(/body is empty/);
    expect(await refused('image/png', pngImage(400))).toMatch(/a logo may be at most 102400 bytes/);
    expect(emu.logoOf(id)).toBeUndefined();
  });

  it('needs a write permission, an application that exists, and PUT', async () => {
    const { emu, token } = await adminTenant({}, ['Application.Read.All']);
    expect(
      (
        await putLogo(
          emu,
          token,
          '/applications/5f0c7c2e-0000-4000-8000-000000000000/logo',
          'image/png',
          pngImage(4),
        )
      ).status,
    ).toBe(403);
    const writer = await withApplication();
    const missing = await putLogo(
      writer.emu,
      writer.token,
      '/applications/5f0c7c2e-0000-4000-8000-000000000000/logo',
      'image/png',
      pngImage(4),
    );
    expect(missing.status).toBe(404);
    const get = await callGraph(writer.emu, writer.token, 'GET', `/applications/${writer.id}/logo`);
    expect(get.status).toBe(405);
  });
});

describe('info on the application', () => {
  it('stores the links, and refuses an undeclared property or a link that is not a URL', async () => {
    const { emu, token, id } = await withApplication();
    const info = { termsOfServiceUrl: 'https://contoso.com/terms', supportUrl: 'https://contoso.com/help' };
    expect((await callGraph(emu, token, 'PATCH', `/applications/${id}`, { info })).status).toBe(204);
    expect(emu.application(id)?.info).toMatchObject(info);
    const undeclared = await callGraph(emu, token, 'PATCH', `/applications/${id}`, {
      info: { termsOfUseUrl: 'https://contoso.com/terms' },
    });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body?.['error']).toMatchObject({
      code: 'BadRequest',
      message: "Property 'termsOfUseUrl' does not exist as a declared property of informationalUrl",
    });
    const notUrl = await callGraph(emu, token, 'PATCH', `/applications/${id}`, {
      info: { supportUrl: 'contoso help desk' },
    });
    expect(notUrl.status).toBe(400);
    expect(notUrl.body?.['error']).toMatchObject({
      message: "Invalid value specified for property 'info' of resource 'Application'.",
    });
  });
});

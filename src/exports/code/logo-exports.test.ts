/** The logo and the links in every "Export as code" file: each reads the logo from a file next to it. */
import { execFileSync } from 'node:child_process';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { clouds } from '../../config/clouds';
import { buildPlan } from '../../plan/build-plan';
import { gifImage } from '../../../test-support/logo-images';
import { testBranding } from '../../../test-support/logo-images';
import { azureCliScript } from './azure-cli-script';
import { bicepFile } from './bicep-file';
import { m365CliScript } from './m365-cli-script';
import { powershellScript } from './powershell-script';
import { terraformFile } from './terraform-file';

const branding = testBranding();
const plan = buildPlan({
  connectors: [{ id: 'sharepoint', mode: 'user' }],
  displayName: 'Contoso Sync',
  redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
  branding,
});
const input = { plan, cloud: clouds.usgov, date: '2026-12-03' };
const bash = (text: string) => execFileSync('bash', ['-n'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });

describe('the logo and links in the code exports', () => {
  it.each([
    ['setup.sh', azureCliScript, 'az account get-access-token --resource "$LOGO_GRAPH"'],
    ['setup-m365.sh', m365CliScript, 'm365 util accesstoken get --resource "$LOGO_GRAPH"'],
  ])('%s parses, sends info, and PUTs logo.png with curl after the upsert', (_name, render, token) => {
    const text = render(input);
    expect(() => bash(text)).not.toThrow();
    expect(text).toContain('"termsOfServiceUrl": "https://www.contoso.com/terms"');
    expect(text).toContain('"homePageUrl": "https://www.contoso.com/"');
    expect(text).toContain(
      "LOGO_FILE='logo.png'\nLOGO_TYPE='image/png'\nLOGO_GRAPH='https://graph.microsoft.us'",
    );
    expect(text).toContain(token);
    expect(text).toContain('--data-binary @"$LOGO_FILE"');
    expect(text.indexOf('retry upload_logo')).toBeGreaterThan(text.indexOf('graph_send patch'));
    expect(text).toContain('# Logo: read from logo.png next to this file');
  });

  it('setup.ps1 uploads the file with Invoke-MgGraphRequest and its type', () => {
    const text = powershellScript(input);
    expect(text).toContain("$LogoFile = 'logo.png'");
    expect(text).toContain(
      `Invoke-MgGraphRequest -Method PUT -Uri "/v1.0/applications/$($app.Id)/logo" -InputFilePath $LogoFile -ContentType 'image/png'`,
    );
    expect(text).toContain("termsOfServiceUrl = 'https://www.contoso.com/terms'");
  });

  it('main.tf sets logo_image from the file and the four links', async () => {
    const tf = (await parseHcl('main.tf', terraformFile(input))) as {
      resource: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    const app = tf.resource['azuread_application']?.['connector']?.[0];
    expect(app).toMatchObject({
      logo_image: '${filebase64("${path.module}/logo.png")}',
      marketing_url: 'https://www.contoso.com/connectors',
      privacy_statement_url: 'https://www.contoso.com/privacy',
      support_url: 'https://www.contoso.com/support',
      terms_of_service_url: 'https://www.contoso.com/terms',
      web: [expect.objectContaining({ homepage_url: 'https://www.contoso.com/' })],
    });
  });

  it('main.bicep sets info and says how to upload the logo it cannot set', () => {
    const text = bicepFile(input);
    expect(text).toMatch(/info: \{\n\s+termsOfServiceUrl: 'https:\/\/www\.contoso\.com\/terms'/);
    expect(text).toContain('// Bicep cannot set the logo');
    expect(text).toContain(
      '//   curl --silent --show-error -X PUT "https://graph.microsoft.us/v1.0/applications/<object id>/logo" \\',
    );
    expect(text).toContain('-H "Content-Type: image/png" --data-binary @logo.png');
  });

  it('names a GIF logo logo.gif, and a plan without a logo has no logo step', () => {
    const gif = buildPlan({
      ...plan.input,
      branding: { ...branding, logo: { ...branding.logo!, contentType: 'image/gif', bytes: gifImage(215) } },
    });
    expect(azureCliScript({ ...input, plan: gif })).toContain("LOGO_FILE='logo.gif'");
    const none = buildPlan({ ...plan.input, branding: { ...branding, logo: null } });
    for (const render of [azureCliScript, powershellScript, terraformFile, bicepFile]) {
      expect(render({ ...input, plan: none })).not.toMatch(/logo\.png|LOGO_FILE|LogoFile|logo_image/);
    }
  });
});

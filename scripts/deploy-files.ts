/**
 * The deployment files made from the code: `docs/deploy.md`'s generated blocks and `public/staticwebapp.config.json`.
 * `deploy-files.test.ts` fails when either differs from what the code makes; `npm run deploy-files` writes them.
 */
import { format, resolveConfig } from 'prettier';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { securityHeaders } from '../src/auth/security-headers';
import { STATIC_WEB_APP_CONFIG_FILE, staticWebAppConfig } from '../src/auth/static-web-app-config';
import { clouds } from '../src/config/clouds';
import { deployGuideBlocks } from './deploy-guide-blocks';

const root = join(import.meta.dirname, '..');

export const DEPLOY_GUIDE = join(root, 'docs', 'deploy.md');
export const STATIC_WEB_APP_CONFIG = join(root, 'public', STATIC_WEB_APP_CONFIG_FILE);

/** A generated block: `<!-- generated:name -->`, its content, `<!-- /generated:name -->`. */
const BLOCK = /(<!-- generated:([a-z-]+) -->\n)[\s\S]*?(\n<!-- \/generated:\2 -->)/g;

/** The guide with each generated block's content replaced; every block must be there once, and no other. */
export function fillBlocks(guide: string, blocks: Readonly<Record<string, string>>): string {
  const seen: string[] = [];
  const filled = guide.replace(BLOCK, (_all, open: string, name: string, close: string) => {
    const content = blocks[name];
    if (content === undefined) throw new Error(`docs/deploy.md has an unknown generated block "${name}"`);
    seen.push(name);
    return `${open}\n${content}\n${close}`;
  });
  const missing = Object.keys(blocks).filter((name) => !seen.includes(name));
  if (missing.length) throw new Error(`docs/deploy.md lacks the generated blocks ${missing.join(', ')}`);
  const twice = seen.filter((name, i) => seen.indexOf(name) !== i);
  if (twice.length) throw new Error(`docs/deploy.md has the generated blocks ${twice.join(', ')} twice`);
  return filled;
}

async function prettier(text: string, path: string): Promise<string> {
  return format(text, { ...(await resolveConfig(path)), filepath: path });
}

/** What the two files should hold, formatted as the project formats them. */
export async function deployFiles(): Promise<{ guide: string; staticWebAppConfig: string }> {
  const guide = fillBlocks(await readFile(DEPLOY_GUIDE, 'utf8'), deployGuideBlocks());
  const config = staticWebAppConfig(securityHeaders(Object.values(clouds)));
  return {
    guide: await prettier(guide, DEPLOY_GUIDE),
    staticWebAppConfig: await prettier(JSON.stringify(config), STATIC_WEB_APP_CONFIG),
  };
}

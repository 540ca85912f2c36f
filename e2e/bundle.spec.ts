import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '../dist');

test('node-forge is only in the certificate worker, never in the page bundle', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'index.html loads one entry script').toBeDefined();
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const worker = assets.find((f) => f.startsWith('certificate.worker'));
  expect(worker).toBeDefined();
  // A string from node-forge's PEM decoder: present in the worker, absent from everything the page loads.
  const marker = 'Invalid PEM formatted message';
  expect(readFileSync(join(dist, 'assets', worker ?? ''), 'utf8')).toContain(marker);
  for (const file of assets.filter((f) => f !== worker)) {
    expect(readFileSync(join(dist, 'assets', file), 'utf8'), file).not.toContain(marker);
  }
});

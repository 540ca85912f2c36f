import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { buildPlan } from '../plan/build-plan';
import { portalInstructions } from './portal-instructions';
import { portalStepsFile } from './portal-steps-file';

const plan = buildPlan({
  connectors: [{ id: 'sharepoint', mode: 'admin' }],
  displayName: 'Contoso_Sync',
  redirectUris: ['https://a.example.com/cb'],
});
const steps = portalInstructions({
  plan,
  privateKey: 'passphrase',
  cloud: clouds.global,
  platformName: 'Kloudless',
});
const file = portalStepsFile(plan.application.displayName, steps);

describe('portal-steps.md', () => {
  it('numbers the steps as the page does, each title once, in order', () => {
    const titles = [...file.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(titles).toEqual(steps.map((s, i) => [i + 1, s.title]));
    expect(file.startsWith('# Portal steps for Contoso\\_Sync\n')).toBe(true);
  });

  it('gives every link as a plain address and every value exactly, in a code span', () => {
    for (const step of steps) {
      if (step.link) expect(file).toContain(`   ${step.link.label}: <${step.link.href}>\n`);
      for (const v of step.values ?? []) expect(file).toContain(`   - ${v.label}: \`${v.value}\`\n`);
    }
    expect(file).toContain('   - Name: `Contoso_Sync`\n');
    expect(file).toContain(
      '   - Microsoft Graph, Application: `Directory.ReadWrite.All Files.ReadWrite.All Group.ReadWrite.All Sites.ReadWrite.All User.ReadWrite.All`\n',
    );
  });

  it('keeps text Markdown would hide, such as <your organization>', () => {
    expect(file).toContain('"Grant admin consent for \\<your organization>"');
    const details = steps.flatMap((s) => s.details);
    expect(details.length).toBeGreaterThan(10);
    // Once Markdown's escapes are read, every detail is there word for word.
    const unescaped = file.replace(/\\(.)/g, '$1');
    for (const detail of details) expect(unescaped).toContain(detail);
  });

  it('fences a value that holds backticks so it still reads exactly', () => {
    const odd = portalStepsFile('A', [
      { id: 'x', title: 'X', details: [], values: [{ label: 'Name', value: '`a``b' }] },
    ]);
    expect(odd).toContain('   - Name: ``` `a``b ```\n');
  });
});

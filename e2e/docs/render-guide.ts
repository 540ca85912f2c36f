/** `docs/guide.md`, rendered from the guide's scenarios: a section per scenario, a captioned screenshot per step. */
import type { GuideScenario } from './scenarios';

export const GUIDE_PATH = 'docs/guide.md';
export const SCREENSHOT_DIR = 'docs/screenshots';

export function renderGuide(scenarios: readonly GuideScenario[], date: Date): string {
  const lines: string[] = [
    '# Entra Setup Wizard: user guide',
    '',
    '<!-- Written by `npm run docs` from e2e/docs/scenarios.ts; edit that file, not this one. -->',
    '',
    'This guide walks through the wizard as an administrator sees it, with notes for support staff who take',
    'customers through it. The automatic paths are shown on the demo tenant (open it from the start page with “Try',
    'it with a demo tenant”), so each one can be followed without a tenant, and every credential shown is made up.',
    `The screenshots are taken at 1280×800 on ${date.toISOString().slice(0, 10)} (the guide’s fixed date); values`,
    'that differ on every run (certificate serials and thumbprints, passphrases, secrets) are greyed out.',
    '',
    'For hosting the wizard, see the [deployer’s guide](deploy.md).',
    '',
    '## Contents',
    '',
    ...scenarios.map((s) => `- [${s.title}](#${anchor(s.title)})`),
    '',
  ];
  for (const scenario of scenarios) {
    lines.push(
      `## ${scenario.title}`,
      '',
      scenario.intro,
      '',
      `Try it: open the wizard’s address followed by \`${scenario.link.replace(/^\//, '')}\`.`,
      '',
    );
    scenario.steps.forEach((step, index) => {
      lines.push(
        `### ${index + 1}. ${step.title}`,
        '',
        `![${step.title}](screenshots/${step.id}.png)`,
        '',
        step.caption,
        '',
      );
      if (step.support) lines.push(`> **For support staff:** ${step.support}`, '');
    });
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

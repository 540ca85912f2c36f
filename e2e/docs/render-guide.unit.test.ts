import { describe, expect, it } from 'vitest';
import { anchor, renderGuide } from './render-guide';
import { GUIDE_SCENARIOS } from './scenarios';

describe('renderGuide', () => {
  const guide = renderGuide(GUIDE_SCENARIOS, new Date('2026-05-04T09:00:00Z'));

  it('captions every step of every scenario under its screenshot', () => {
    for (const scenario of GUIDE_SCENARIOS) {
      scenario.steps.forEach((step, index) => {
        const block = `### ${index + 1}. ${step.title}\n\n![${step.title}](screenshots/${step.id}.png)\n\n${step.caption}\n`;
        expect(guide).toContain(block);
        if (step.support) expect(guide).toContain(`> **For support staff:** ${step.support}`);
      });
    }
  });

  it('lists the scenarios with links to their sections, and covers the five paths', () => {
    expect(GUIDE_SCENARIOS.map((s) => s.id)).toEqual([
      'offline',
      'sharepoint-admin',
      'mail-calendar-users',
      'admin-consent-needed',
      'rerun',
    ]);
    for (const scenario of GUIDE_SCENARIOS) {
      expect(guide).toContain(`- [${scenario.title}](#${anchor(scenario.title)})`);
      expect(guide).toContain(`\n## ${scenario.title}\n`);
    }
    expect(anchor('Automatic: SharePoint Online for admin accounts, with admin consent')).toBe(
      'automatic-sharepoint-online-for-admin-accounts-with-admin-consent',
    );
  });

  it('gives every screenshot a unique file', () => {
    const ids = GUIDE_SCENARIOS.flatMap((s) => s.steps.map((step) => step.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

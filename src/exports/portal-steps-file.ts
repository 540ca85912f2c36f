import type { InstructionStep } from './portal-instructions';

/** The name of the portal steps file in offline mode's ZIP. */
export const PORTAL_STEPS_FILE_NAME = 'portal-steps.md';

/** Escapes what Markdown would otherwise hide or restyle, e.g. `<your organization>` read as an HTML tag. */
const text = (value: string) => value.replace(/[\\`*_<[\]]/g, (c) => `\\${c}`);

/** A code span that holds any value, backticks included, so values read exactly as they are to be pasted. */
function code(value: string): string {
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * Numbered steps as Markdown that reads as plain text too: each link, each detail, and each value to paste as a code
 * span; links are bare addresses.
 */
export function stepsMarkdown(steps: readonly InstructionStep[]): string {
  const lines: string[] = [];
  steps.forEach((step, index) => {
    const indent = ' '.repeat(`${index + 1}. `.length);
    if (index > 0) lines.push('');
    lines.push(`${index + 1}. ${text(step.title)}`);
    if (step.link) lines.push('', `${indent}${text(step.link.label)}: <${step.link.href}>`);
    lines.push('', ...step.details.map((detail) => `${indent}- ${text(detail)}`));
    if (step.values?.length) {
      lines.push('', ...step.values.map((v) => `${indent}- ${text(v.label)}: ${code(v.value)}`));
    }
  });
  return `${lines.join('\n')}\n`;
}

/** `portal-steps.md`: the numbered portal steps as the page shows them, with each link and each value to paste. */
export function portalStepsFile(appName: string, steps: readonly InstructionStep[]): string {
  return [
    `# Portal steps for ${text(appName)}`,
    '',
    'Do these in the Microsoft Entra admin center, in order. The files they name are in the same ZIP.',
    '',
    stepsMarkdown(steps),
  ].join('\n');
}

/**
 * The check's result as plain text for a support ticket. It holds names, ids, dates and findings, never a secret:
 * Graph does not return secret values on reads, and secret hints are left out too.
 */
import { connector } from '../catalog/connectors';
import type { RegistrationPlan } from '../plan/plan-types';
import type { CheckStatus, ChecklistItem } from './checklist';
import type { RegistrationSnapshot } from './registration-check';

const TAG: Readonly<Record<CheckStatus, string>> = { ok: 'OK', warning: 'WARNING', error: 'ERROR' };

/** The report; `repaired` lists what the last Repair changed, when there was one. */
export function checklistReport(
  snapshot: RegistrationSnapshot,
  plan: RegistrationPlan,
  items: readonly ChecklistItem[],
  repaired?: readonly string[],
): string {
  const app = snapshot.application;
  const count = (status: CheckStatus) => items.filter((i) => i.status === status).length;
  const lines = [
    'Check of a Microsoft Entra app registration (Entra Setup Wizard)',
    '',
    `Registration: ${app.displayName ?? ''}`,
    `Application (client) ID: ${app.appId ?? ''}`,
    `Object ID: ${app.id ?? ''}`,
    `Unique name: ${app.uniqueName ?? '(none)'}`,
    `Service principal: ${snapshot.servicePrincipal?.id ?? '(none)'}`,
    `Checked at: ${new Date(snapshot.readAt).toISOString()}`,
    `Connectors: ${plan.connectors
      .map((c) => `${connector(c.id).name} (${c.mode === 'admin' ? 'admin accounts' : 'user accounts'})`)
      .join(', ')}`,
    `Result: ${count('error')} errors, ${count('warning')} warnings, ${count('ok')} ok`,
  ];
  if (repaired?.length) {
    lines.push('', 'Repair changed:', ...repaired.map((r) => `  - ${r}`));
  }
  for (const item of items) {
    lines.push('', `[${TAG[item.status]}] ${item.title}`, `  Found: ${item.finding}`);
    if (item.status !== 'ok') lines.push(`  Means: ${item.meaning}`, `  Remedy: ${item.remedy}`);
    for (const d of item.details ?? []) {
      lines.push(`    [${TAG[d.status]}] ${d.label}${d.note ? ` (${d.note})` : ''}`);
    }
    if (item.link && item.status !== 'ok') lines.push(`  See: ${item.link.href}`);
  }
  return `${lines.join('\n')}\n`;
}

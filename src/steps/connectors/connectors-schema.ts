import { z } from '../../ui/zod-without-eval';
import { connector, connectorIds, connectors, type ConnectorId } from '../../catalog/connectors';
import type { ConnectorSelection } from '../../plan/plan-types';

const choice = z.object({ selected: z.boolean(), mode: z.enum(['user', 'admin']) });

export const connectorsSchema = z
  .object({
    choices: z.record(z.enum(connectorIds as [ConnectorId, ...ConnectorId[]]), choice),
  })
  .refine((v) => Object.values(v.choices).some((c) => c.selected), {
    error: 'Choose at least one connector.',
    path: ['choices'],
  });

export type ConnectorsForm = z.infer<typeof connectorsSchema>;

export function toForm(selections: readonly ConnectorSelection[]): ConnectorsForm {
  const choices = Object.fromEntries(
    connectors.map((c) => {
      const chosen = selections.find((s) => s.id === c.id);
      return [c.id, { selected: Boolean(chosen), mode: chosen?.mode ?? 'user' }];
    }),
  ) as ConnectorsForm['choices'];
  return { choices };
}

export function toSelections(form: ConnectorsForm): ConnectorSelection[] {
  return connectors.flatMap((c) => {
    const choice = form.choices[c.id];
    return choice?.selected ? [{ id: c.id, mode: choice.mode }] : [];
  });
}

/** Whether the choices on screen, not yet submitted, include an admin connector that signs in with a certificate. */
export function choicesNeedCertificate(form: ConnectorsForm): boolean {
  return toSelections(form).some((s) => s.mode === 'admin' && connector(s.id).modes.admin.certificate);
}

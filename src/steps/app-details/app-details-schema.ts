import { z } from '../../ui/zod-without-eval';
import { connectorIds, type ConnectorId } from '../../catalog/connectors';
import { displayNameProblem, redirectUriProblem } from '../../catalog/entra-limits';
import type { AppConfig } from '../../config/config-schema';
import { checked } from '../../ui/checked-field';
import { redirectUriFor, type WizardAnswers } from '../../wizard/answers';

export const appDetailsSchema = z.object({
  displayName: checked(displayNameProblem),
  redirects: z.array(
    z.object({
      connectors: z.array(z.enum(connectorIds as [ConnectorId, ...ConnectorId[]])).min(1),
      uri: checked(redirectUriProblem),
    }),
  ),
  /** Show the optional "How it looks to your users" step next. */
  customizeBranding: z.boolean(),
});

export type AppDetailsForm = z.infer<typeof appDetailsSchema>;

/** One entry per distinct redirect URI: connectors that share a URI share an entry. */
export function toForm(answers: WizardAnswers, config: AppConfig): AppDetailsForm {
  const groups = new Map<string, ConnectorId[]>();
  for (const { id } of answers.connectors) {
    const uri = redirectUriFor(answers, config, id);
    groups.set(uri, [...(groups.get(uri) ?? []), id]);
  }
  return {
    displayName: answers.displayName,
    redirects: [...groups].map(([uri, ids]) => ({ connectors: ids, uri })),
    customizeBranding: answers.customizeBranding,
  };
}

/** A draft is reused only while it covers exactly the connectors now chosen. */
export function draftFits(
  draft: AppDetailsForm | undefined,
  answers: WizardAnswers,
): draft is AppDetailsForm {
  if (!draft) return false;
  const drafted = draft.redirects.flatMap((r) => r.connectors).sort();
  const chosen = answers.connectors.map((c) => c.id).sort();
  return JSON.stringify(drafted) === JSON.stringify(chosen);
}

export function toAnswers(
  form: AppDetailsForm,
): Pick<WizardAnswers, 'displayName' | 'redirectUris' | 'customizeBranding'> {
  const redirectUris: Partial<Record<ConnectorId, string>> = {};
  for (const group of form.redirects) for (const id of group.connectors) redirectUris[id] = group.uri.trim();
  return { displayName: form.displayName.trim(), redirectUris, customizeBranding: form.customizeBranding };
}

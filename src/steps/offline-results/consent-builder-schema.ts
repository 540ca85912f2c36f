import { z } from 'zod';
import { clientIdProblem, tenantProblem } from '../../auth/consent-url';

const checked = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

export const consentBuilderSchema = z.object({
  clientId: checked(clientIdProblem),
  tenant: checked(tenantProblem),
  redirectUri: z.string().min(1),
});

export type ConsentBuilderForm = z.infer<typeof consentBuilderSchema>;

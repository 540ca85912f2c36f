import { z } from '../../ui/zod-without-eval';
import { clientIdProblem, tenantProblem } from '../../auth/consent-url';
import { checked } from '../../ui/checked-field';

export const consentBuilderSchema = z.object({
  clientId: checked(clientIdProblem),
  tenant: checked(tenantProblem),
  redirectUri: z.string().min(1),
});

export type ConsentBuilderForm = z.infer<typeof consentBuilderSchema>;

import { z } from 'zod';

export const secretLifetimes = [
  { months: 6, label: '6 months' },
  { months: 12, label: '12 months (recommended)' },
  { months: 24, label: '24 months (the portal’s longest)' },
] as const;

/** Automatic mode's last choices before anything is created. */
export const automaticOptionsSchema = z.object({
  secretLifetimeMonths: z.enum(['6', '12', '24']),
  grantConsent: z.boolean(),
  /** Add a client secret to a registration that has one (a new registration always gets one). */
  newSecret: z.boolean(),
});

export type AutomaticOptionsForm = z.infer<typeof automaticOptionsSchema>;

export const toOptionAnswers = (form: AutomaticOptionsForm) => ({
  secretLifetimeMonths: Number(form.secretLifetimeMonths) as 6 | 12 | 24,
  grantConsent: form.grantConsent,
  newSecret: form.newSecret,
});

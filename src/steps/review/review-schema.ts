import { z } from '../../ui/zod-without-eval';
import { RECOMMENDED_SECRET_DAYS, SECRET_LIFETIMES, type SecretLifetimeMonths } from '../../plan/plan-types';

/** How the review names each lifetime the plan offers (a new lifetime needs its label here). */
const LIFETIME_LABELS: Readonly<Record<SecretLifetimeMonths, string>> = {
  6: `${RECOMMENDED_SECRET_DAYS} days (recommended)`,
  12: '12 months',
  24: '24 months (the portal’s longest)',
};

export const secretLifetimes = SECRET_LIFETIMES.map((months) => ({ months, label: LIFETIME_LABELS[months] }));

/** A lifetime as the radio group holds it. */
type LifetimeOption = `${SecretLifetimeMonths}`;
const isLifetime = (value: unknown): value is LifetimeOption =>
  SECRET_LIFETIMES.some((months) => String(months) === value);

/** Automatic mode's last choices before anything is created. */
export const automaticOptionsSchema = z.object({
  secretLifetimeMonths: z.custom<LifetimeOption>(isLifetime, 'Choose how long the client secret lasts.'),
  grantConsent: z.boolean(),
  /** The app instance property lock, in both modes (the manifest carries it offline). */
  lockInstanceProperties: z.boolean(),
  /** Add a client secret to a registration that has one (a new registration always gets one). */
  newSecret: z.boolean(),
});

export type AutomaticOptionsForm = z.infer<typeof automaticOptionsSchema>;

export const toOptionAnswers = (form: AutomaticOptionsForm) => ({
  secretLifetimeMonths: Number(form.secretLifetimeMonths) as SecretLifetimeMonths,
  grantConsent: form.grantConsent,
  newSecret: form.newSecret,
  lockInstanceProperties: form.lockInstanceProperties,
});

import {
  Caption1,
  Checkbox,
  Field,
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { connectors } from '../../catalog/connectors';
import { connectorNames } from './plan-summary';
import { RECOMMENDED_SECRET_DAYS, type RegistrationPlan } from '../../plan/plan-types';
import { secretLifetimes, type AutomaticOptionsForm } from './review-schema';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { display: 'block', paddingLeft: '32px', color: tokens.colorNeutralForeground3 },
  fieldHint: { display: 'block', color: tokens.colorNeutralForeground3 },
  // The lifetimes sit side by side, and wrap on a narrow window rather than widen the page.
  lifetimes: { flexWrap: 'wrap', minWidth: 0 },
});

const LOCK_DOCS =
  'https://learn.microsoft.com/entra/identity-platform/howto-configure-app-instance-property-locks';

interface SecureDefaultsProps {
  readonly form: UseFormReturn<AutomaticOptionsForm>;
  readonly plan: RegistrationPlan;
  /** The secret's lifetime is chosen here only in automatic mode; offline, the portal step says what to pick. */
  readonly automatic: boolean;
}

/** The connectors whose admin accounts sign in with a certificate: the only place the platform accepts one. */
const certificateConnectors = connectors.filter((c) => c.modes.admin.certificate).map((c) => c.id);

/**
 * The security settings a new registration gets unless the admin changes them: the app instance property lock, a
 * client secret of at most 180 days, and a certificate where the platform signs in with one. Each is a choice.
 */
export function SecureDefaults({ form, plan, automatic }: SecureDefaultsProps) {
  const styles = useStyles();
  const { clientSecret, certificate } = plan.credentials;
  return (
    <section className={styles.stack} aria-labelledby="secure-defaults-heading">
      <h2 id="secure-defaults-heading" className={styles.heading}>
        Security settings
      </h2>
      <Controller
        control={form.control}
        name="lockInstanceProperties"
        render={({ field }) => (
          <div>
            <Checkbox
              checked={field.value}
              onChange={(_, d) => field.onChange(Boolean(d.checked))}
              label="Lock the app’s credentials in other tenants (app instance property lock, recommended)"
            />
            <Caption1 className={styles.hint}>
              When a customer’s tenant consents, it gets its own copy of the app (a service principal). The
              lock stops anyone there from adding secrets or certificates to that copy and signing in as your
              app. The platform never needs to change them.{' '}
              <Link href={LOCK_DOCS} target="_blank" rel="noreferrer">
                About app instance property locks
              </Link>
            </Caption1>
          </div>
        )}
      />
      {automatic && !clientSecret.forbidden && (
        <Controller
          control={form.control}
          name="secretLifetimeMonths"
          render={({ field }) => (
            <Field
              label="Client secret expires after"
              hint={
                <span className={styles.fieldHint}>
                  Microsoft’s Zero Trust assessment flags client secrets that last longer than{' '}
                  {RECOMMENDED_SECRET_DAYS} days. The wizard offers a calendar reminder for the renewal.
                </span>
              }
            >
              <RadioGroup
                layout="horizontal"
                className={styles.lifetimes}
                value={field.value}
                onChange={(_, d) => field.onChange(d.value)}
              >
                {secretLifetimes.map((l) => (
                  <Radio key={l.months} value={String(l.months)} label={l.label} />
                ))}
              </RadioGroup>
            </Field>
          )}
        />
      )}
      <Caption1 className={styles.fieldHint}>
        {certificate.required
          ? `Admin accounts of ${connectorNames(certificate.neededBy)} sign in with a certificate, which Microsoft ` +
            'recommends over a secret: its private key never leaves your hands. The platform still needs the ' +
            'client secret for sign-in on behalf of users.'
          : 'The connectors you chose sign in with the client secret only: the platform accepts a certificate, ' +
            `which Microsoft recommends over a secret, only for admin accounts of ${connectorNames(certificateConnectors)}. ` +
            'Keep the secret short-lived and in a secret store.'}
      </Caption1>
    </section>
  );
}

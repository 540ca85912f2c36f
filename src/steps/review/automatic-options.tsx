import { Caption1, Checkbox, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { secretLifetimes, type AutomaticOptionsForm } from './review-schema';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { display: 'block', paddingLeft: '32px', color: tokens.colorNeutralForeground3 },
});

interface AutomaticOptionsProps {
  readonly form: UseFormReturn<AutomaticOptionsForm>;
  readonly consentNeeded: boolean;
  /** The tenant's consent settings stop some connector's accounts from consenting themselves. */
  readonly consentRecommended: boolean;
  /** The tenant forbids client secrets: the lifetime does not apply. */
  readonly secretForbidden: boolean;
}

/** The client secret's lifetime and whether to grant admin consent right away. */
export function AutomaticOptions({
  form,
  consentNeeded,
  consentRecommended,
  secretForbidden,
}: AutomaticOptionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      {!secretForbidden && (
        <Controller
          control={form.control}
          name="secretLifetimeMonths"
          render={({ field }) => (
            <Field label="Client secret expires after">
              <RadioGroup
                layout="horizontal"
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
      <Controller
        control={form.control}
        name="grantConsent"
        render={({ field }) => (
          <div>
            <Checkbox
              checked={field.value}
              onChange={(_, d) => field.onChange(Boolean(d.checked))}
              label={`Grant admin consent for my organization now${consentRecommended ? ' (recommended)' : ''}`}
            />
            <Caption1 className={styles.hint}>
              {consentNeeded ? 'Some permissions need an administrator. ' : ''}
              {consentRecommended
                ? 'Your tenant’s consent settings stop some connectors’ accounts from consenting themselves. '
                : ''}
              The wizard then also asks you for the permissions to grant it (AppRoleAssignment.ReadWrite.All
              for application permissions, DelegatedPermissionGrant.ReadWrite.All for delegated ones).
              Granting Microsoft Graph application permissions needs the Privileged Role Administrator or
              Global Administrator role; without it you get a link to send to an administrator.
            </Caption1>
          </div>
        )}
      />
    </div>
  );
}

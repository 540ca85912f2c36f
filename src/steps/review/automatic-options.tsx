import { Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { AutomaticOptionsForm } from './review-schema';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { display: 'block', paddingLeft: '32px', color: tokens.colorNeutralForeground3 },
});

interface AutomaticOptionsProps {
  readonly form: UseFormReturn<AutomaticOptionsForm>;
  readonly consentNeeded: boolean;
  /** The tenant's consent settings stop some connector's accounts from consenting themselves. */
  readonly consentRecommended: boolean;
}

/** Whether to grant admin consent right away. */
export function AutomaticOptions({ form, consentNeeded, consentRecommended }: AutomaticOptionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
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

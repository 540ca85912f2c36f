import { Body1, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface RotationRemovalProps {
  readonly platform: string;
  /** `secret` or `certificate`. */
  readonly what: string;
  /** The old credential in words. */
  readonly oldName: string;
  /**
   * A rotation finished later: the newer credential in words (name, hint or thumbprint, end date), which the admin
   * confirms the platform uses. Null when this page added the new one.
   */
  readonly newName: string | null;
  /** Whether the new credential is saved (copied or downloaded): until then it cannot be confirmed. */
  readonly saved: boolean;
  readonly confirmed: boolean;
  readonly onConfirmed: (confirmed: boolean) => void;
  readonly disabled: boolean;
}

/**
 * The overlap, and its end: the old credential keeps working beside the new one until the admin confirms that the
 * platform uses the new one, which needs the new one saved first. Only then can the removal run.
 */
export function RotationRemoval({
  platform,
  what,
  oldName,
  newName,
  saved,
  confirmed,
  onConfirmed,
  disabled,
}: RotationRemovalProps) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Body1>
        {newName
          ? `Removing the old ${oldName} stops every sign-in that still uses it. Check on ${platform}’s Custom OAuth keys page that it holds the newer ${what}, and that ${platform} signs in, then confirm here and remove the old one.`
          : `Until you remove it, the registration accepts the old ${oldName} and the new ${what} side by side, so ${platform} keeps signing in while you change its settings. Enter the new ${what} on ${platform}’s Custom OAuth keys page, check that ${platform} signs in, then confirm here and remove the old one.`}
      </Body1>
      <Checkbox
        label={newName ? `${platform} now uses the newer ${newName}` : `${platform} now uses the new ${what}`}
        checked={confirmed}
        disabled={!saved || disabled}
        onChange={(_, d) => onConfirmed(d.checked === true)}
      />
      <Caption1 className={styles.hint}>
        {saved
          ? `Confirm this first: a ${what} ${platform} still uses stops its sign-ins the moment it is removed.`
          : `Save the new ${what} first: copy it, or download ${what === 'secret' ? 'the credentials' : 'the private key or the credentials'}.`}
      </Caption1>
    </div>
  );
}

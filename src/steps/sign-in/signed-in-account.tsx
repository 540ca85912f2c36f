import { Body1, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { PersonSwapRegular, SignOutRegular } from '@fluentui/react-icons';
import type { AuthAccount } from '../../auth/auth-types';
import { CopyButton } from '../../ui/copy-button';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  tenant: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

interface SignedInAccountProps {
  readonly account: AuthAccount;
  readonly onSignOut: () => void;
  readonly onSwitch: () => void;
}

/** Who is signed in and to which directory: the registration is created there. */
export function SignedInAccount({ account, onSignOut, onSwitch }: SignedInAccountProps) {
  const styles = useStyles();
  return (
    <section className={styles.card} aria-label="Signed-in account">
      <Body1>
        Signed in as <Text weight="semibold">{account.name}</Text> ({account.username})
      </Body1>
      <span className={styles.tenant}>
        <Body1>
          Directory (tenant) ID: <span className={styles.mono}>{account.tenantId}</span>
        </Body1>
        <CopyButton label="Directory (tenant) ID" value={account.tenantId} />
      </span>
      <Body1>The app registration will be created in this directory.</Body1>
      <div className={styles.actions}>
        <Button icon={<SignOutRegular />} onClick={onSignOut}>
          Sign out
        </Button>
        <Button icon={<PersonSwapRegular />} onClick={onSwitch}>
          Use another account
        </Button>
      </div>
    </section>
  );
}

/** The demo tenant's sign-in page and permission prompt, laid out like Microsoft's and marked as the demo's. */
import {
  Body1,
  Button,
  Caption1,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Persona,
  tokens,
} from '@fluentui/react-components';
import type { EmulatedUser } from './emulator/types';

const useStyles = makeStyles({
  surface: { maxWidth: '440px' },
  brand: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  accounts: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
  },
  account: { justifyContent: 'flex-start', padding: tokens.spacingVerticalM, width: '100%' },
  permissions: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  demo: { color: tokens.colorPaletteMarigoldForeground2 },
});

const DEMO_NOTE = 'Demo tenant: a simulated Contoso directory in this page. Nothing is sent to Microsoft.';

/** "Pick an account": the demo's administrator and ordinary user (inside a `Dialog`). */
export function DemoSignInDialog({
  accounts,
  onAnswer,
}: {
  readonly accounts: readonly EmulatedUser[];
  readonly onAnswer: (user: EmulatedUser | null) => void;
}) {
  const styles = useStyles();
  return (
    <DialogSurface className={styles.surface} aria-describedby="demo-sign-in-note">
      <DialogBody>
        <DialogTitle>
          <Caption1 className={styles.brand} block>
            Microsoft (demo)
          </Caption1>
          Pick an account
        </DialogTitle>
        <DialogContent>
          <Caption1 id="demo-sign-in-note" className={styles.demo} block>
            {DEMO_NOTE}
          </Caption1>
          <ul className={styles.accounts} aria-label="Accounts">
            {accounts.map((user) => (
              <li key={user.oid} style={{ listStyle: 'none' }}>
                <Button appearance="subtle" className={styles.account} onClick={() => onAnswer(user)}>
                  <Persona
                    name={user.displayName}
                    secondaryText={`${user.userPrincipalName} · ${user.isAdmin ? 'Global Administrator' : 'User'}`}
                  />
                </Button>
              </li>
            ))}
          </ul>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onAnswer(null)}>Cancel</Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}

/**
 * "Permissions requested", as an administrator sees it; an ordinary user sees "Need admin approval" for the
 * permissions only an administrator can grant, and can only go back.
 */
export function DemoConsentDialog({
  user,
  permissions,
  onAnswer,
}: {
  readonly user: EmulatedUser;
  readonly permissions: readonly string[];
  readonly onAnswer: (accepted: boolean) => void;
}) {
  const styles = useStyles();
  return (
    <DialogSurface className={styles.surface} aria-describedby="demo-consent-note">
      <DialogBody>
        <DialogTitle>
          <Caption1 className={styles.brand} block>
            Microsoft (demo) · {user.userPrincipalName}
          </Caption1>
          {user.isAdmin ? 'Permissions requested' : 'Need admin approval'}
        </DialogTitle>
        <DialogContent>
          <Caption1 id="demo-consent-note" className={styles.demo} block>
            {DEMO_NOTE}
          </Caption1>
          <Body1 block>
            {user.isAdmin
              ? 'Entra Setup Wizard (demo) would like to:'
              : 'Entra Setup Wizard (demo) needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.'}
          </Body1>
          <ul className={styles.permissions} aria-label="Permissions">
            {permissions.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </DialogContent>
        <DialogActions>
          {user.isAdmin ? (
            <>
              <Button onClick={() => onAnswer(false)}>Cancel</Button>
              <Button appearance="primary" onClick={() => onAnswer(true)}>
                Accept
              </Button>
            </>
          ) : (
            <Button onClick={() => onAnswer(false)}>
              Return to the application without granting consent
            </Button>
          )}
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}

import {
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  mergeClasses,
  shorthands,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { PlannedPermission } from '../../plan/plan-types';
import { LogoCanvas } from './logo-canvas';

const useStyles = makeStyles({
  dialog: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '440px',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  brand: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  app: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', minWidth: 0 },
  appName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  unverified: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  buttons: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
  button: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  accept: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
});

/** Who is consenting: an administrator is also offered consent for the whole organization. */
export type PreviewAudience = 'admin' | 'user';

interface ConsentPreviewProps {
  readonly audience: PreviewAudience;
  readonly appName: string;
  readonly logo: ImageBitmap | null;
  readonly homePageUrl: string;
  readonly termsOfServiceUrl: string;
  readonly privacyStatementUrl: string;
  readonly permissions: readonly PlannedPermission[];
}

/** A link the admin entered, shown only once it is a full https address. */
const usable = (url: string) => /^https:\/\/[^\s/]+\.[^\s]+$/i.test(url.trim());

/**
 * A likeness of Microsoft's "Permissions requested" prompt with the registration's name, logo and links: what the
 * connector's users will read before they click Accept. The app shows as "unverified" until its publisher is
 * verified, as Microsoft's prompt does.
 */
export function ConsentPreview(props: ConsentPreviewProps) {
  const { audience, appName, logo, homePageUrl, termsOfServiceUrl, privacyStatementUrl, permissions } = props;
  const styles = useStyles();
  const name = appName.trim() || 'Your app';
  const terms = usable(termsOfServiceUrl);
  const privacy = usable(privacyStatementUrl);
  return (
    <div className={styles.dialog} data-testid={`consent-preview-${audience}`}>
      <Caption1 className={styles.brand}>Microsoft</Caption1>
      <Text as="p" className={styles.title}>
        Permissions requested
      </Text>
      <div className={styles.app}>
        <LogoCanvas bitmap={logo} size={48} label={`Logo of ${name}`} initial={[...name][0] ?? '?'} />
        <div>
          {usable(homePageUrl) ? (
            <Link className={styles.appName} href={homePageUrl.trim()} target="_blank" rel="noreferrer">
              {name}
            </Link>
          ) : (
            <Text className={styles.appName}>{name}</Text>
          )}
          <div>
            <Caption1 className={styles.unverified}>unverified</Caption1>
          </div>
        </div>
      </div>
      <Text as="p">This app would like to:</Text>
      <ul className={styles.list}>
        {permissions.map((p) => (
          <li key={`${p.api}|${p.kind}|${p.name}`}>
            <Text size={200}>{p.description}</Text>
          </li>
        ))}
      </ul>
      {audience === 'admin' && <Checkbox disabled label="Consent on behalf of your organization" />}
      <Text as="p" size={200}>
        Accepting these permissions means that you allow this app to use your data as specified in their{' '}
        {terms ? (
          <Link href={termsOfServiceUrl.trim()} target="_blank" rel="noreferrer">
            terms of service
          </Link>
        ) : (
          'terms of service'
        )}{' '}
        and{' '}
        {privacy ? (
          <Link href={privacyStatementUrl.trim()} target="_blank" rel="noreferrer">
            privacy statement
          </Link>
        ) : (
          'privacy statement'
        )}
        . {!terms && !privacy && 'The publisher has not provided links to their terms for you to review. '}
        You can change these permissions at https://myapps.microsoft.com.
      </Text>
      <div className={styles.buttons}>
        <span className={styles.button}>Cancel</span>
        <span className={mergeClasses(styles.button, styles.accept)}>Accept</span>
      </div>
    </div>
  );
}

import {
  Badge,
  Body1,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { CheckStatus, ChecklistItem } from '../../graph/checklist';
import type { CredentialExpiry } from '../../graph/checklist-credentials';
import type { RepairFix } from '../../plan/plan-types';
import { CredentialActions } from './credential-actions';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const BADGE: Readonly<Record<CheckStatus, { label: string; color: 'success' | 'warning' | 'danger' }>> = {
  ok: { label: 'OK', color: 'success' },
  warning: { label: 'Warning', color: 'warning' },
  error: { label: 'Error', color: 'danger' },
};

interface ChecklistViewProps {
  readonly items: readonly ChecklistItem[];
  /** The fixes Repair will apply; the items whose fix is in it show it ticked. */
  readonly fixes: readonly RepairFix[];
  readonly onFixChange: (fix: RepairFix, on: boolean) => void;
  /** Disables the choices (while Repair runs). */
  readonly disabled?: boolean;
  /**
   * Credential rotation's hook: when given, each expiring or expired credential offers "Rotate" and this is called
   * with it. Without it, the item says how to rotate by hand.
   */
  readonly onRotate?: (credential: CredentialExpiry) => void;
  /** Disables the Rotate and Remove buttons (a rotation is under way, or the policies are being read for one). */
  readonly rotateDisabled?: boolean;
  /**
   * The rotation's last stage alone: each credential a newer one replaces offers "Remove" instead of "Rotate"
   * (which would add a third), and this is called with it.
   */
  readonly onRemoveOld?: (credential: CredentialExpiry) => void;
  /** Credential types the tenant's policy keeps from being rotated, with why: no Rotate for them, the reason instead. */
  readonly refused?: Readonly<Partial<Record<CredentialExpiry['type'], string>>>;
}

/** The checklist: each item's status, what was found, what it means and what Repair does about it. */
export function ChecklistView({
  items,
  fixes,
  onFixChange,
  disabled,
  onRotate,
  rotateDisabled,
  onRemoveOld,
  refused = {},
}: ChecklistViewProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Checklist">
      {items.map((item) => {
        const badge = BADGE[item.status];
        const headingId = `check-${item.id}`;
        return (
          <li key={item.id} className={styles.item} aria-labelledby={headingId} data-status={item.status}>
            <div className={styles.head}>
              <Badge appearance="filled" color={badge.color}>
                {badge.label}
              </Badge>
              {/* Right under the step's heading: the items are the step's sections. */}
              <Subtitle2 as="h2" id={headingId} className={styles.title}>
                {item.title}
              </Subtitle2>
            </div>
            <Body1>{item.finding}</Body1>
            {item.status !== 'ok' && <Caption1>{item.meaning}</Caption1>}
            {item.details && item.details.some((d) => d.status !== 'ok') && (
              <ul className={styles.details}>
                {item.details.map((d) => (
                  <li key={d.label}>
                    <Caption1>
                      {BADGE[d.status].label}: {d.label}
                      {d.note ? ` (${d.note})` : ''}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
            {item.status !== 'ok' &&
              (item.fix ? (
                <Checkbox
                  checked={fixes.includes(item.fix)}
                  disabled={disabled}
                  onChange={(_e, data) => onFixChange(item.fix as RepairFix, data.checked === true)}
                  label={item.remedy}
                />
              ) : (
                <Body1>{item.remedy}</Body1>
              ))}
            {onRotate && item.credentials && (
              <CredentialActions
                credentials={item.credentials}
                disabled={Boolean(disabled || rotateDisabled)}
                onRotate={onRotate}
                onRemoveOld={onRemoveOld}
                refused={refused}
              />
            )}
            {item.link && item.status !== 'ok' && (
              <Link href={item.link.href} target="_blank" rel="noreferrer">
                {item.link.label}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

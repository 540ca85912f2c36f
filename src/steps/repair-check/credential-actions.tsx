import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, DeleteRegular } from '@fluentui/react-icons';
import type { CredentialExpiry } from '../../graph/checklist-credentials';
import { replacementWords } from '../../wizard/rotation';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface CredentialActionsProps {
  readonly credentials: readonly CredentialExpiry[];
  readonly disabled: boolean;
  readonly onRotate: (credential: CredentialExpiry) => void;
  readonly onRemoveOld: ((credential: CredentialExpiry) => void) | undefined;
  readonly refused: Readonly<Partial<Record<CredentialExpiry['type'], string>>>;
}

const nameOf = (c: CredentialExpiry) => c.displayName ?? c.keyId;

/**
 * What the checklist offers for each credential ending soon or ended: "Rotate" it; or, where a newer one replaces it
 * already (a rotation begun earlier), "Remove" it, the rotation's last stage, since rotating again would add a third;
 * or, where the tenant's policy forbids its type, why not.
 */
export function CredentialActions({
  credentials,
  disabled,
  onRotate,
  onRemoveOld,
  refused,
}: CredentialActionsProps) {
  const styles = useStyles();
  const due = credentials.filter((c) => c.status !== 'ok');
  if (due.length === 0) return null;
  const removable = due.filter((c) => c.replacement && onRemoveOld);
  const rotatable = due.filter((c) => !removable.includes(c) && !refused[c.type]);
  const reasons = [...new Set(due.flatMap((c) => (removable.includes(c) ? [] : (refused[c.type] ?? []))))];
  return (
    <div className={styles.stack}>
      {removable.map((c) => (
        <Caption1 key={`newer-${c.keyId}`}>
          {nameOf(c)} has a newer replacement: the {c.replacement ? replacementWords(c.replacement) : ''}.
          Once the platform uses it, remove {nameOf(c)}.
        </Caption1>
      ))}
      <div className={styles.buttons}>
        {removable.map((c) => (
          <Button
            key={`remove-${c.keyId}`}
            icon={<DeleteRegular />}
            disabledFocusable={disabled}
            onClick={() => onRemoveOld?.(c)}
          >
            Remove {nameOf(c)}
          </Button>
        ))}
        {rotatable.map((c) => (
          <Button
            key={c.keyId}
            icon={<ArrowSyncRegular />}
            disabledFocusable={disabled}
            onClick={() => onRotate(c)}
          >
            Rotate {nameOf(c)}
          </Button>
        ))}
      </div>
      {reasons.map((reason) => (
        <Body1 key={reason}>{reason}</Body1>
      ))}
    </div>
  );
}

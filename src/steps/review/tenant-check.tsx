import {
  Body1,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { ExistingCredential, ExistingRegistration, RegistrationPlan } from '../../plan/plan-types';
import type { CredentialChanges } from './credential-changes';
import type { AutomaticOptionsForm } from './review-schema';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    minWidth: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  changes: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '4px 16px' },
  term: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hint: { display: 'block', paddingLeft: '32px', color: tokens.colorNeutralForeground3 },
});

interface TenantCheckProps {
  readonly plan: RegistrationPlan;
  /** What the check found under the display name's unique name; undefined before it ran. */
  readonly found: ExistingRegistration | null | undefined;
  /** What the check found under the plan's unique name (another one when the admin asked for a new registration). */
  readonly existing: ExistingRegistration | null | undefined;
  readonly changes: CredentialChanges | null;
  readonly form: UseFormReturn<AutomaticOptionsForm>;
  /** The admin's answer when the registration found has another display name. */
  readonly target: 'update' | 'new' | null;
  readonly onTarget: (target: 'update' | 'new') => void;
  readonly targetError: string | null;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '–');

function CredentialRows({
  kind,
  items,
}: {
  readonly kind: string;
  readonly items: readonly ExistingCredential[];
}) {
  const styles = useStyles();
  return (
    <>
      {items.map((c) => (
        <tr key={c.keyId}>
          <td>{kind}</td>
          <td>{c.displayName ?? '–'}</td>
          <td className={styles.mono}>{kind === 'Client secret' ? `${c.hint}…` : c.hint}</td>
          <td>{day(c.startDateTime)}</td>
          <td>
            {day(c.endDateTime)}
            {c.expired ? ' (expired)' : ''}
          </td>
          <td>{c.madeByWizard ? 'Yes' : 'No'}</td>
        </tr>
      ))}
    </>
  );
}

function ChangeList({ label, items }: { readonly label: string; readonly items: readonly string[] }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd style={{ margin: 0 }}>
        {items.length === 0 ? (
          'nothing'
        ) : (
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

/**
 * What the tenant holds under the plan's unique name, read before any write: the registration and its credentials,
 * what the run adds, keeps and removes, and the admin's choices about them.
 */
export function TenantCheck({
  plan,
  found,
  existing,
  changes,
  form,
  target,
  onTarget,
  targetError,
}: TenantCheckProps) {
  const styles = useStyles();
  const { displayName, uniqueName } = plan.application;
  if (found === undefined) {
    return (
      <Body1>
        Before anything is written, Create checks your tenant for a registration with the unique name{' '}
        <code className={styles.mono}>{uniqueName}</code>. If one exists, the wizard stops here and shows what
        it holds and what the run would change.
      </Body1>
    );
  }
  const renamed = found !== null && found.displayName !== displayName;
  const separate = target === 'new' && renamed;
  return (
    <div className={styles.stack}>
      {found === null ? (
        <Body1>
          No registration in your tenant has the unique name <code className={styles.mono}>{uniqueName}</code>
          : the run creates a new one.
        </Body1>
      ) : (
        <MessageBar intent={renamed ? 'warning' : 'info'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This registration exists already</MessageBarTitle>“{found.displayName}”
            (Application ID <span className={styles.mono}>{found.appId}</span>) has the unique name{' '}
            <code className={styles.mono}>{found.uniqueName}</code>
            {renamed
              ? `, which the name “${displayName}” gives too.`
              : ', so the run updates it instead of creating another.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {found && renamed && (
        <Field
          label={`It is named “${found.displayName}”, not “${displayName}”. Which registration should this be?`}
          required
          validationMessage={targetError}
        >
          <RadioGroup value={target ?? ''} onChange={(_, d) => onTarget(d.value as 'update' | 'new')}>
            <Radio
              value="update"
              label={`Update “${found.displayName}”: it is renamed “${displayName}” and gets this plan’s permissions`}
            />
            <Radio
              value="new"
              label={`Create a new registration named “${displayName}”, and leave “${found.displayName}” as it is`}
            />
          </RadioGroup>
        </Field>
      )}
      {separate && existing === null && (
        <Body1>
          The run creates a new registration with the unique name{' '}
          <code className={styles.mono}>{uniqueName}</code>.
        </Body1>
      )}
      {existing && (existing.secrets.length > 0 || existing.certificates.length > 0) && (
        <div className={styles.scroll}>
          <table className={styles.table} aria-label="Current secrets and certificates">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
                <th scope="col">Hint or thumbprint</th>
                <th scope="col">Starts</th>
                <th scope="col">Expires</th>
                <th scope="col">Made by this wizard</th>
              </tr>
            </thead>
            <tbody>
              <CredentialRows kind="Client secret" items={existing.secrets} />
              <CredentialRows kind="Certificate" items={existing.certificates} />
            </tbody>
          </table>
        </div>
      )}
      {existing && (
        <Controller
          control={form.control}
          name="newSecret"
          render={({ field }) => (
            <div>
              <Checkbox
                checked={field.value}
                onChange={(_, d) => field.onChange(Boolean(d.checked))}
                label="Create a new client secret"
              />
              <Caption1 className={styles.hint}>
                {existing.secrets.some((s) => !s.expired)
                  ? 'The registration has a valid secret, which the platform already holds. Create a new one only if it was lost.'
                  : 'The registration has no valid secret, so the platform needs a new one.'}{' '}
                Older secrets stay until you remove them on the Credentials step, after saving the new one.
              </Caption1>
            </div>
          )}
        />
      )}
      {changes && (
        <section aria-label="What the run changes">
          <dl className={styles.changes}>
            <ChangeList label="The run adds" items={changes.adds} />
            <ChangeList label="It keeps" items={changes.keeps} />
            <ChangeList label="It removes" items={changes.removes} />
          </dl>
          {existing && (
            <Caption1>
              Once the new credentials are saved, the Credentials step lets you remove older ones this wizard
              made. Nothing is removed without your tick.
            </Caption1>
          )}
        </section>
      )}
    </div>
  );
}

import {
  Body1,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Controller } from 'react-hook-form';
import type { OwnedApplication } from '../../graph/registration-check';
import { unsavedSecrets } from '../../wizard/answers';
import { unsavedOfRun, useAutomaticRun } from '../../wizard/automatic-run';
import { rotatedName } from '../../wizard/rotation';
import type { StepProps } from '../../wizard/step-definition';
import { useStepForm } from '../../wizard/use-step-form';
import { repairTargetSchema, type RepairTargetForm } from './repair-target-schema';
import { SwitchRegistrationDialog } from './switch-registration-dialog';
import { useLiveStatus } from '../../ui/live-status';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '70ch' },
  option: { display: 'flex', flexDirection: 'column' },
});

const READING = 'Reading the registrations you own…';
const NONE_OWNED = 'You own no app registrations in this tenant. Enter the ID of the one to check.';
const unlisted = (message: string) =>
  `The registrations you own could not be listed (${message}). Enter the application (client) ID instead.`;

/** What the page's live region says as the list of registrations is read. */
function ownedStatus(owned: Owned): string {
  switch (owned.status) {
    case 'loading':
      return READING;
    case 'failed':
      return unlisted(owned.message);
    case 'loaded':
      return owned.apps.length === 0
        ? NONE_OWNED
        : `${owned.apps.length} registration${owned.apps.length === 1 ? '' : 's'} you own, listed below.`;
  }
}

type Owned =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly apps: readonly OwnedApplication[] }
  | { readonly status: 'failed'; readonly message: string };

/** Which registration to check: one the admin owns, or any by its application (client) ID. */
export function RepairTargetStep({
  formId,
  context,
  onComplete,
  draft,
  onDraft,
}: StepProps<RepairTargetForm>) {
  const styles = useStyles();
  const run = useAutomaticRun();
  const form = useStepForm(repairTargetSchema, {
    draft,
    onDraft,
    defaults: { appId: context.answers.repairAppId },
  });
  const [owned, setOwned] = useState<Owned>({ status: 'loading' });
  useEffect(() => {
    // A read, never a write: safe to start from an effect.
    if (!run) return;
    let live = true;
    run.ownedApplications().then(
      (apps) => live && setOwned({ status: 'loaded', apps }),
      (error: unknown) =>
        live &&
        setOwned({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // The list is read once per visit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useLiveStatus(ownedStatus(owned));

  // Another registration makes the rotation under way stale (the wizard's answers drop it), but what it made and the
  // admin has not saved is never dropped without asking.
  const [switching, setSwitching] = useState<string | null>(null);
  const rotation = context.answers.rotation;
  const unsaved = [...unsavedOfRun(run), ...unsavedSecrets(context.answers)];
  const choose = (appId: string) => {
    const other = appId !== context.answers.repairAppId && rotation !== null && rotation.appId !== appId;
    if (other && unsaved.length > 0) setSwitching(appId);
    else onComplete({ repairAppId: appId });
  };
  const switchAnyway = () => {
    if (switching === null) return;
    // The run's new secret and the certificate answer's key go; a run still writing keeps its secret.
    if (unsavedOfRun(run).length && run && !run.forget()) return;
    setSwitching(null);
    onComplete({ repairAppId: switching, certificate: null });
  };

  return (
    <form id={formId} noValidate onSubmit={form.handleSubmit((values) => choose(values.appId.toLowerCase()))}>
      <SwitchRegistrationDialog
        open={switching !== null}
        unsaved={unsaved}
        rotating={rotation ? rotatedName(rotation.old) : 'credential'}
        onCancel={() => setSwitching(null)}
        onConfirm={switchAnyway}
      />
      <div className={styles.stack}>
        <Body1>
          Pick the registration to check, or give its application (client) ID. The wizard reads it, its
          enterprise application and the consent it holds; nothing changes until you click Repair.
        </Body1>
        <Controller
          control={form.control}
          name="appId"
          render={({ field, fieldState }) => (
            <>
              {owned.status === 'loading' && <Spinner size="tiny" label={READING} />}
              {owned.status === 'failed' && (
                <MessageBar intent="warning">
                  <MessageBarBody>{unlisted(owned.message)}</MessageBarBody>
                </MessageBar>
              )}
              {owned.status === 'loaded' &&
                (owned.apps.length ? (
                  <Field label="Registrations you own">
                    <RadioGroup
                      value={field.value.toLowerCase()}
                      onChange={(_e, data) => field.onChange(data.value)}
                    >
                      {owned.apps.map((app) => (
                        <Radio
                          key={app.id}
                          value={app.appId}
                          label={
                            <span className={styles.option}>
                              {app.displayName}
                              <Caption1>
                                {app.appId}
                                {app.uniqueName ? '' : ' · not made by the wizard'}
                              </Caption1>
                            </span>
                          }
                        />
                      ))}
                    </RadioGroup>
                  </Field>
                ) : (
                  <Caption1>{NONE_OWNED}</Caption1>
                ))}
              <Field
                label="Application (client) ID"
                validationMessage={fieldState.error?.message}
                hint="Also accepted: the registration's object ID."
              >
                <Input
                  value={field.value}
                  onChange={(_e, data) => field.onChange(data.value)}
                  onBlur={field.onBlur}
                  placeholder="00000000-0000-0000-0000-000000000000"
                  spellCheck={false}
                />
              </Field>
            </>
          )}
        />
      </div>
    </form>
  );
}

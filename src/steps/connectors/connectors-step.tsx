import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { Controller, useWatch } from 'react-hook-form';
import { connectors } from '../../catalog/connectors';
import { usePrepareCertificate } from '../../wizard/certificate-preparation';
import type { StepProps } from '../../wizard/step-definition';
import { useStepForm } from '../../wizard/use-step-form';
import { ConnectorCard } from './connector-card';
import {
  choicesNeedCertificate,
  connectorsSchema,
  toForm,
  toSelections,
  type ConnectorsForm,
} from './connectors-schema';

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL, maxWidth: '70ch' },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  error: { marginBottom: tokens.spacingVerticalM },
});

/** Pick the connectors and, for each, whether non-admin users or admin accounts connect. */
export function ConnectorsStep({ formId, context, onComplete, draft, onDraft }: StepProps<ConnectorsForm>) {
  const styles = useStyles();
  const form = useStepForm(connectorsSchema, {
    draft,
    onDraft,
    defaults: toForm(context.answers.connectors),
  });
  // The certificate an admin connector needs is made while the admin finishes the next steps.
  const choices = useWatch({ control: form.control, name: 'choices' });
  // Check and repair never makes a certificate.
  usePrepareCertificate(context.answers.path !== 'repair' && choicesNeedCertificate({ choices }));
  const error = form.formState.errors.choices?.root?.message ?? form.formState.errors.choices?.message;

  return (
    <form
      id={formId}
      noValidate
      onSubmit={form.handleSubmit((values) => onComplete({ connectors: toSelections(values) }))}
    >
      <Body1 className={styles.intro}>
        Choose the connectors your organization will use. Non-admin users each connect their own account with
        delegated permissions. Admin accounts connect once for the whole organization with application
        permissions.
      </Body1>
      {error && (
        <MessageBar intent="error" className={styles.error} role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.cards}>
        {connectors.map((c) => (
          <Controller
            key={c.id}
            control={form.control}
            name={`choices.${c.id}`}
            render={({ field }) => (
              <ConnectorCard
                connector={c}
                selected={field.value.selected}
                mode={field.value.mode}
                onSelectedChange={(selected) => {
                  field.onChange({ ...field.value, selected });
                  if (selected) form.clearErrors('choices');
                }}
                onModeChange={(mode) => {
                  // Choosing how accounts connect implies using the connector.
                  field.onChange({ selected: true, mode });
                  form.clearErrors('choices');
                }}
              />
            )}
          />
        ))}
      </div>
    </form>
  );
}

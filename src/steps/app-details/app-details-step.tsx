import { Body1, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import { connector } from '../../catalog/connectors';
import { DISPLAY_NAME_MAX } from '../../catalog/entra-limits';
import { characterCount } from '../../catalog/hidden-characters';
import type { StepProps } from '../../wizard/step-definition';
import { useStepForm } from '../../wizard/use-step-form';
import { appDetailsSchema, draftFits, toAnswers, toForm, type AppDetailsForm } from './app-details-schema';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const names = (ids: readonly string[]) => {
  const list = ids.map((id) => connector(id as Parameters<typeof connector>[0]).name);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? '');
};

/** The registration's name and the Web redirect URI of each chosen connector. */
export function AppDetailsStep({ formId, context, onComplete, draft, onDraft }: StepProps<AppDetailsForm>) {
  const styles = useStyles();
  const form = useStepForm(appDetailsSchema, {
    draft: draftFits(draft, context.answers) ? draft : undefined,
    onDraft,
    defaults: toForm(context.answers, context.config),
    mode: 'onTouched',
  });
  const redirects = form.getValues('redirects');
  const platform = context.config.platformName;

  return (
    <form
      id={formId}
      noValidate
      className={styles.form}
      onSubmit={form.handleSubmit((v) => onComplete(toAnswers(v)))}
    >
      <Controller
        control={form.control}
        name="displayName"
        render={({ field, fieldState }) => (
          <Field
            label="Application name"
            required
            validationMessage={fieldState.error?.message}
            hint={`Users see this name when they consent. ${characterCount(field.value)}/${DISPLAY_NAME_MAX} characters.`}
          >
            {/* No maxLength: it would cut a pasted name without a word; the check says how long it may be. */}
            <Input {...field} />
          </Field>
        )}
      />
      <section className={styles.section} aria-labelledby="redirects-heading">
        <h2 id="redirects-heading" className={styles.heading}>
          Redirect URIs (Web)
        </h2>
        <Body1>
          Use the redirect URI that {platform}’s Custom OAuth keys page lists for each connector. Entra
          accepts https URIs, or http://localhost, of at most 256 characters, without wildcards or fragments.
        </Body1>
        {redirects.map((group, index) => (
          <Controller
            key={group.connectors.join()}
            control={form.control}
            name={`redirects.${index}.uri`}
            render={({ field, fieldState }) => (
              <Field
                label={`Redirect URI for ${names(group.connectors)}`}
                required
                validationMessage={fieldState.error?.message}
              >
                <Input {...field} type="url" inputMode="url" placeholder="https://" />
              </Field>
            )}
          />
        ))}
      </section>
      <Controller
        control={form.control}
        name="customizeBranding"
        render={({ field: { value, onChange, ...field } }) => (
          <Field hint="An optional step: a logo, and your home page, terms of service, privacy statement and support links, with a preview of the consent prompt. An app without them looks less trustworthy to the users who must accept it.">
            <Checkbox
              {...field}
              checked={value}
              onChange={(_e, data) => onChange(data.checked === true)}
              label="Set the logo and links users see when they consent"
            />
          </Field>
        )}
      />
    </form>
  );
}

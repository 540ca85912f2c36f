import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { generatePassphrase } from '../../crypto/passphrase';
import { estimatePassphraseStrength } from '../../crypto/passphrase-strength';
import { subjectFieldLabels, subjectFieldOrder } from '../../crypto/subject';
import { CREDENTIAL_FILE_NAMES } from '../../exports/certificate-files';
import { CopyButton } from '../../ui/copy-button';
import { validityChoices, type CertificateForm } from './certificate-schema';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    marginBottom: tokens.spacingVerticalS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

const strengthState = { 'too-weak': 'error', fair: 'warning', strong: 'success' } as const;

interface GenerateFormProps {
  readonly form: UseFormReturn<CertificateForm>;
  /** For a signing request: the certificate authority decides the validity, so it is not asked. */
  readonly forRequest?: boolean;
}

/** The certificate's subject, key size, validity and key protection. */
export function GenerateForm({ form, forRequest = false }: GenerateFormProps) {
  const styles = useStyles();
  const mode = useWatch({ control: form.control, name: 'passphraseMode' });
  const custom = useWatch({ control: form.control, name: 'customPassphrase' });
  const generated = useWatch({ control: form.control, name: 'generatedPassphrase' });
  const strength = custom ? estimatePassphraseStrength(custom) : null;

  return (
    <div className={styles.stack}>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Subject</legend>
        <Caption1>
          {forRequest
            ? 'What the request asks your certificate authority to certify. Your authority may require particular fields or replace them. Empty fields are left out.'
            : 'Prefilled with the procedure’s example. Empty fields are left out, as openssl does.'}
        </Caption1>
        <div className={styles.grid}>
          {subjectFieldOrder.map((field) => (
            <Controller
              key={field}
              control={form.control}
              name={`subject.${field}`}
              render={({ field: input, fieldState }) => (
                <Field label={subjectFieldLabels[field]} validationMessage={fieldState.error?.message}>
                  {/* No maxLength: it would cut a pasted value without a word; the check says the limit. */}
                  <Input {...input} />
                </Field>
              )}
            />
          ))}
        </div>
      </fieldset>

      <div className={styles.grid}>
        <Controller
          control={form.control}
          name="keySize"
          render={({ field }) => (
            <Field label="Key size" hint="RSA. 4096 bits matches the procedure.">
              <Select {...field}>
                <option value="4096">4096 bits</option>
                <option value="3072">3072 bits</option>
                <option value="2048">2048 bits</option>
              </Select>
            </Field>
          )}
        />
        {!forRequest && (
          <Controller
            control={form.control}
            name="validityDays"
            render={({ field }) => (
              <Field label="Valid for">
                <RadioGroup value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                  {validityChoices.map((c) => (
                    <Radio key={c.days} value={String(c.days)} label={c.label} />
                  ))}
                </RadioGroup>
              </Field>
            )}
          />
        )}
      </div>
      {!forRequest && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Your tenant may cap certificate lifetimes with an app management policy (many security baselines
            allow at most one year). If it does, a longer certificate is refused: choose 1 year.
          </MessageBarBody>
        </MessageBar>
      )}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Private key passphrase</legend>
        <Controller
          control={form.control}
          name="passphraseMode"
          render={({ field }) => (
            <RadioGroup
              value={field.value}
              onChange={(_, d) => field.onChange(d.value)}
              aria-label="Passphrase"
            >
              <Radio value="generated" label="Generate a strong passphrase (recommended)" />
              <Radio value="custom" label="Use my own passphrase" />
              <Radio
                value="none"
                label={`No passphrase: leave ${CREDENTIAL_FILE_NAMES.privateKey} unencrypted`}
              />
            </RadioGroup>
          )}
        />
        {mode === 'generated' && (
          <div className={styles.row}>
            <Field label="Generated passphrase" hint="Save it with the key: the platform asks for it.">
              <Input
                className={styles.mono}
                value={generated}
                readOnly
                contentAfter={<CopyButton label="passphrase" value={generated} appearance="transparent" />}
              />
            </Field>
            <Button
              icon={<ArrowSyncRegular />}
              onClick={() =>
                form.setValue('generatedPassphrase', generatePassphrase(), { shouldDirty: true })
              }
            >
              New passphrase
            </Button>
          </div>
        )}
        {mode === 'custom' && (
          <Controller
            control={form.control}
            name="customPassphrase"
            render={({ field, fieldState }) => (
              <Field
                label="Your passphrase"
                validationMessage={fieldState.error?.message ?? strength?.hint}
                validationState={
                  fieldState.error ? 'error' : strength ? strengthState[strength.label] : 'none'
                }
              >
                <Input {...field} type="password" autoComplete="new-password" />
              </Field>
            )}
          />
        )}
        {mode === 'none' && (
          <>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                Anyone who gets an unencrypted {CREDENTIAL_FILE_NAMES.privateKey} can sign in as this app with
                its admin permissions. Keep it only where the platform needs it.
              </MessageBarBody>
            </MessageBar>
            <Controller
              control={form.control}
              name="acknowledgeUnencrypted"
              render={({ field, fieldState }) => (
                <Field validationMessage={fieldState.error?.message}>
                  <Checkbox
                    checked={field.value}
                    onChange={(_, d) => field.onChange(Boolean(d.checked))}
                    label="I understand the key will not be encrypted"
                  />
                </Field>
              )}
            />
          </>
        )}
      </fieldset>

      <Controller
        control={form.control}
        name="pfxLegacy"
        render={({ field }) => (
          <Checkbox
            checked={field.value}
            onChange={(_, d) => field.onChange(Boolean(d.checked))}
            label={`Protect ${CREDENTIAL_FILE_NAMES.pfx} with 3DES for older Windows importers (weaker than the default AES-256)`}
          />
        )}
      />
    </div>
  );
}

import { Body1, Field, Input, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { Cloud } from '../../config/clouds';
import { adminConsentUrl } from '../../auth/consent-url';
import { CopyField } from '../../ui/copy-field';
import { consentBuilderSchema, type ConsentBuilderForm } from './consent-builder-schema';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // A native select is as wide as its longest option: let it shrink to the column and cut long URIs short.
  selectRoot: { minWidth: 0, width: '100%' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

interface ConsentBuilderProps {
  readonly cloud: Cloud;
  readonly redirectUris: readonly string[];
  readonly appName: string;
  /** Tells the instructions the client ID once it is valid, so their links point at the app. */
  readonly onClientId: (clientId: string | undefined) => void;
}

/** Builds the admin consent link from the IDs the admin copies after registering the app. */
export function ConsentBuilder({ cloud, redirectUris, appName, onClientId }: ConsentBuilderProps) {
  const styles = useStyles();
  const form = useForm<ConsentBuilderForm>({
    resolver: zodResolver(consentBuilderSchema),
    mode: 'onChange',
    defaultValues: { clientId: '', tenant: '', redirectUri: redirectUris[0] ?? '' },
  });
  const values = useWatch({ control: form.control });
  const parsed = consentBuilderSchema.safeParse(values);
  const url = parsed.success ? adminConsentUrl({ cloud, ...parsed.data }) : null;
  const message = url
    ? `Please grant admin consent to "${appName}" for our organization. Sign in as a Global Administrator or Privileged Role Administrator and open: ${url}`
    : '';

  return (
    <div className={styles.stack}>
      <div className={styles.grid}>
        <Controller
          control={form.control}
          name="clientId"
          render={({ field, fieldState }) => (
            <Field label="Application (client) ID" validationMessage={fieldState.error?.message}>
              <Input
                {...field}
                placeholder="00000000-0000-0000-0000-000000000000"
                onChange={(event) => {
                  field.onChange(event);
                  const id = event.target.value.trim();
                  onClientId(consentBuilderSchema.shape.clientId.safeParse(id).success ? id : undefined);
                }}
              />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="tenant"
          render={({ field, fieldState }) => (
            <Field label="Directory (tenant) ID or domain" validationMessage={fieldState.error?.message}>
              <Input {...field} placeholder="contoso.onmicrosoft.com" />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="redirectUri"
          render={({ field }) => (
            <Field label="Return to (a registered redirect URI)">
              <Select {...field} root={{ className: styles.selectRoot }} className={styles.select}>
                {redirectUris.map((uri) => (
                  <option key={uri}>{uri}</option>
                ))}
              </Select>
            </Field>
          )}
        />
      </div>
      {url ? (
        <>
          <CopyField label="Admin consent URL" value={url} />
          <Body1>
            <Link href={url} target="_blank" rel="noreferrer">
              Open the admin consent page
            </Link>{' '}
            (you must be an administrator who can grant these permissions).
          </Body1>
          <CopyField label="Message for your administrator" value={message} />
        </>
      ) : (
        <Body1>Enter the client ID and tenant to build the link.</Body1>
      )}
    </div>
  );
}

import {
  Body1,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { BRANDING_LINKS } from '../../catalog/branding-links';
import type { LogoImage } from '../../catalog/logo-image';
import { clouds } from '../../config/clouds';
import { portalLinks } from '../../exports/portal-links';
import type { StepProps } from '../../wizard/step-definition';
import { useStepForm } from '../../wizard/use-step-form';
import { brandingSchema, toBranding, toForm, type BrandingForm } from './branding-schema';
import { ConsentPreview, type PreviewAudience } from './consent-preview';
import { decodeLogo } from './decode-logo';
import { LogoField } from './logo-field';
import { VerificationNote } from './verification-note';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/**
 * "How it looks to your users": the logo and the links of the registration, with a live preview of the consent
 * prompt. The links are the step's form; the logo is stored as soon as it passes its checks (in memory, like the
 * certificate), so Back keeps it.
 */
export function BrandingStep({
  formId,
  context,
  onComplete,
  onUpdate,
  draft,
  onDraft,
}: StepProps<BrandingForm>) {
  const styles = useStyles();
  const { answers, config, plan } = context;
  const form = useStepForm(brandingSchema, {
    draft,
    onDraft,
    defaults: toForm(answers.branding),
    mode: 'onTouched',
  });
  const links = useWatch({ control: form.control }) as BrandingForm;
  const logo = answers.branding.logo;
  const [decoded, setDecoded] = useState<{ logo: LogoImage; bitmap: ImageBitmap | null } | null>(null);
  const bitmap = decoded && decoded.logo === logo ? decoded.bitmap : null;
  const [problem, setProblem] = useState<string | null>(null);
  const [audience, setAudience] = useState<PreviewAudience>('admin');
  const fileInput = useRef<HTMLInputElement>(null);

  // The logo chosen on an earlier visit is decoded again for the preview (a read only: nothing is stored).
  useEffect(() => {
    if (!logo || decoded?.logo === logo) return;
    let live = true;
    void decodeLogo(logo).then((image) => live && setDecoded({ logo, bitmap: image }));
    return () => {
      live = false;
    };
  }, [logo, decoded]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    void form.handleSubmit((values) => {
      // A refused file stays on screen until another is chosen or it is removed: never go on past it.
      if (problem) fileInput.current?.focus();
      else onComplete({ branding: toBranding(values, logo) });
    })(event);
  const storeLogo = (next: LogoImage | null) => onUpdate({ branding: { ...answers.branding, logo: next } });
  const permissions = plan?.permissions ?? [];
  const shown = audience === 'admin' ? permissions : permissions.filter((p) => p.kind === 'delegated');
  const cloud = clouds[config.cloud];

  return (
    <div className={styles.layout}>
      <form id={formId} noValidate className={styles.column} onSubmit={onSubmit}>
        <Body1>
          What the connectors’ users see when they consent comes from the registration: its name, its logo and
          these links. All are optional; whatever you leave empty stays as the registration has it.
        </Body1>
        <LogoField
          ref={fileInput}
          logo={logo}
          problem={problem}
          onLogo={(next, image) => {
            setProblem(null);
            setDecoded({ logo: next, bitmap: image });
            storeLogo(next);
          }}
          onProblem={setProblem}
          onRemove={() => {
            setProblem(null);
            storeLogo(null);
          }}
        />
        {BRANDING_LINKS.map(({ key, label }) => (
          <Controller
            key={key}
            control={form.control}
            name={key}
            render={({ field, fieldState }) => (
              <Field label={label} validationMessage={fieldState.error?.message}>
                <Input {...field} type="url" inputMode="url" placeholder="https://" />
              </Field>
            )}
          />
        ))}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The sign-in page is your tenant’s</MessageBarTitle>
            The logo, background and text of the Microsoft sign-in page belong to your whole tenant, under{' '}
            <Link href={portalLinks.companyBranding(cloud)} target="_blank" rel="noreferrer">
              Company branding
            </Link>
            . The wizard never changes them.
          </MessageBarBody>
        </MessageBar>
      </form>
      <section className={styles.column} aria-labelledby="preview-heading">
        <h2 id="preview-heading" className={styles.heading}>
          Preview of the consent prompt
        </h2>
        <RadioGroup
          aria-label="Preview as"
          layout="horizontal"
          value={audience}
          onChange={(_e, data) => setAudience(data.value as PreviewAudience)}
        >
          <Radio value="admin" label="An administrator" />
          <Radio value="user" label="A user who is not an administrator" />
        </RadioGroup>
        <ConsentPreview
          audience={audience}
          appName={answers.displayName}
          logo={bitmap}
          homePageUrl={links.homePageUrl ?? ''}
          termsOfServiceUrl={links.termsOfServiceUrl ?? ''}
          privacyStatementUrl={links.privacyStatementUrl ?? ''}
          permissions={shown}
        />
        <VerificationNote audience={audience} adminOnly={permissions.some((p) => p.adminConsentRequired)} />
      </section>
    </div>
  );
}

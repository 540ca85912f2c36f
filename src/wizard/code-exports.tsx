import { Body1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Cloud } from '../config/clouds';
import { codeExports } from '../exports/code/code-exports';
import { CERTIFICATE_FILE } from '../exports/code/code-model';
import type { RegistrationPlan } from '../plan/plan-types';
import { DownloadButton } from '../ui/download-button';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  large: { fontSize: tokens.fontSizeBase500 },
  medium: { fontSize: tokens.fontSizeBase400 },
  downloads: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

interface CodeExportsProps {
  readonly plan: RegistrationPlan;
  readonly cloud: Cloud;
  /** The level of the section's heading in the page. */
  readonly headingLevel: 2 | 3;
  /** The heading's size follows the page's other section headings: large on the results, medium in the review. */
  readonly headingSize?: 'large' | 'medium';
}

/** "Export as code": the plan as a script or template for each tool, each a download made when it is clicked. */
export function CodeExports({ plan, cloud, headingLevel, headingSize = 'large' }: CodeExportsProps) {
  const styles = useStyles();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const certificate = plan.credentials.certificate.required;
  return (
    <section className={styles.section} aria-labelledby="code-exports-heading">
      <Heading
        id="code-exports-heading"
        className={mergeClasses(styles.heading, headingSize === 'large' ? styles.large : styles.medium)}
      >
        Export as code
      </Heading>
      <Body1>
        The same registration as a script or template you can read before you run it: Azure CLI, Microsoft
        Graph PowerShell, CLI for Microsoft 365, Terraform or Bicep. Each finds the registration by its unique
        name and updates it, or creates it, and grants consent through Microsoft Graph.
        {certificate
          ? ` Put ${CERTIFICATE_FILE} next to the file: it reads the certificate from there.`
          : ''}{' '}
        No file holds a secret.
      </Body1>
      <div className={styles.downloads}>
        {codeExports.map((e) => (
          <DownloadButton
            key={e.name}
            fileName={e.name}
            type={e.type}
            content={() => e.render({ plan, cloud, date: new Date().toISOString().slice(0, 10) })}
          />
        ))}
      </div>
    </section>
  );
}

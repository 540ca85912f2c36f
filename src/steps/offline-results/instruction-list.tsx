import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { InstructionStep } from '../../exports/portal-instructions';
import { CopyField } from '../../ui/copy-field';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  details: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  values: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
});

/** The numbered portal steps, each with its link and the values to paste. */
export function InstructionList({ steps }: { readonly steps: readonly InstructionStep[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label="Portal steps">
      {steps.map((step) => (
        <li key={step.id}>
          <h3 className={styles.title}>{step.title}</h3>
          {step.link && (
            <Link href={step.link.href} target="_blank" rel="noreferrer">
              {step.link.label} <OpenRegular aria-label="(opens in a new tab)" />
            </Link>
          )}
          <ul className={styles.details}>
            {step.details.map((d) => (
              <li key={d}>
                <Body1>{d}</Body1>
              </li>
            ))}
          </ul>
          {step.values && step.values.length > 0 && (
            <div className={styles.values}>
              {step.values.map((v) => (
                <CopyField key={v.label} label={v.label} value={v.value} />
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

import { makeStyles, tokens } from '@fluentui/react-components';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  wrap: { position: 'relative' },
  pre: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    paddingRight: '48px',
    maxHeight: '420px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  copy: { position: 'absolute', top: tokens.spacingVerticalXS, right: tokens.spacingHorizontalXS },
});

interface CodeBlockProps {
  /** Names the block for assistive technology and the copy button. */
  readonly label: string;
  readonly code: string;
}

/** Preformatted text such as JSON, scrollable and focusable so keyboard users can scroll it too. */
export function CodeBlock({ label, code }: CodeBlockProps) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <pre className={styles.pre} aria-label={label} tabIndex={0} role="region">
        <code>{code}</code>
      </pre>
      <div className={styles.copy}>
        <CopyButton label={label} value={code} />
      </div>
    </div>
  );
}

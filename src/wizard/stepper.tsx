import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, RecordRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '36px',
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid transparent`,
    color: tokens.colorNeutralForeground3,
  },
  current: {
    borderLeftColor: tokens.colorBrandStroke1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  done: { color: tokens.colorNeutralForeground2 },
  doneIcon: { color: tokens.colorPaletteGreenForeground1 },
  jump: {
    padding: 0,
    minWidth: 0,
    height: 'auto',
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase300,
    color: 'inherit',
    textDecoration: 'underline dotted',
  },
});

interface StepperProps {
  readonly steps: readonly { readonly id: string; readonly title: string }[];
  readonly current: string;
  readonly onGoTo: (id: string) => void;
}

/** The list of steps. Earlier steps are buttons to go back to; later ones are reached with Next. */
export function Stepper({ steps, current, onGoTo }: StepperProps) {
  const styles = useStyles();
  const currentIndex = steps.findIndex((s) => s.id === current);
  return (
    <nav aria-label="Setup steps">
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          const label = `${index + 1}. ${step.title}`;
          return (
            <li
              key={step.id}
              className={mergeClasses(
                styles.item,
                state === 'current' && styles.current,
                state === 'done' && styles.done,
              )}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {state === 'done' ? (
                <CheckmarkCircleFilled className={styles.doneIcon} aria-hidden />
              ) : state === 'current' ? (
                <RecordRegular aria-hidden />
              ) : (
                <CircleRegular aria-hidden />
              )}
              {state === 'done' ? (
                <Button appearance="transparent" className={styles.jump} onClick={() => onGoTo(step.id)}>
                  {label}
                </Button>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

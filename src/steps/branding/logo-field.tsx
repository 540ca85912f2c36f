import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { forwardRef, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { LOGO_CONTENT_TYPES, LOGO_RECOMMENDED_SIZE, type LogoImage } from '../../catalog/logo-image';
import { readLogoFile } from './decode-logo';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  input: { maxWidth: '100%' },
});

interface LogoFieldProps {
  readonly logo: LogoImage | null;
  /** What is wrong with the file chosen last; null when it was taken (or none was chosen). */
  readonly problem: string | null;
  /** A file was chosen and passed every check. */
  readonly onLogo: (logo: LogoImage, bitmap: ImageBitmap) => void;
  readonly onProblem: (problem: string) => void;
  /** Remove the logo (and the problem): the registration's logo is then left as it is. */
  readonly onRemove: () => void;
}

/** The logo is a file in this page only: "Copy link to this setup" carries the links, never the logo. */
const NOT_IN_LINK = 'The link to this setup carries the links below, not the logo.';

const HINT = `PNG, JPG or GIF, at most 100 KB, square; ${LOGO_RECOMMENDED_SIZE}×${LOGO_RECOMMENDED_SIZE} pixels shows best. It is checked here, in your browser, and sent to Microsoft only when the registration is made. ${NOT_IN_LINK}`;

/** The logo file: checked by its content as soon as it is chosen, with one clear message per problem. */
export const LogoField = forwardRef<HTMLInputElement, LogoFieldProps>(function LogoField(
  { logo, problem, onLogo, onProblem, onRemove },
  ref,
) {
  const styles = useStyles();
  const [advice, setAdvice] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = (node: HTMLInputElement | null) => {
    input.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };

  // The file field shows the logo that is kept, back on this step after Back, rather than "No file chosen"; once the
  // logo is removed, it shows none. A refused file stays named, next to its message.
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    if (!logo) {
      if (!problem && field.files?.length) field.value = '';
      return;
    }
    if (field.files?.[0]?.name === logo.fileName) return;
    const kept = new DataTransfer();
    kept.items.add(new File([logo.bytes.slice()], logo.fileName, { type: logo.contentType }));
    field.files = kept.files;
  }, [logo, problem]);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setReading(true);
    const result = await readLogoFile(file);
    setReading(false);
    if (result.ok) {
      setAdvice(result.advice);
      onLogo(result.logo, result.bitmap);
    } else {
      setAdvice(null);
      onProblem(result.problem);
    }
  };

  const status = logo
    ? `Chosen: ${logo.fileName}, ${logo.width}×${logo.height} pixels, ${Math.ceil(logo.bytes.length / 1024)} KB.${advice ? ` ${advice}` : ''} ${NOT_IN_LINK}`
    : HINT;
  return (
    <Field
      label="Logo"
      validationMessage={problem ?? undefined}
      validationState={problem ? 'error' : 'none'}
      hint={reading ? 'Reading the image…' : status}
    >
      {(props) => (
        <div className={styles.row}>
          <input
            {...props}
            ref={setInput}
            className={styles.input}
            type="file"
            accept={LOGO_CONTENT_TYPES.join(',')}
            onChange={(e) => void onChange(e)}
            // Cleared as the file chooser opens, so the same file, fixed since, is read again.
            onClick={(e) => {
              e.currentTarget.value = '';
            }}
          />
          {(logo || problem) && (
            <Button
              onClick={() => {
                setAdvice(null);
                onRemove();
              }}
            >
              Remove logo
            </Button>
          )}
        </div>
      )}
    </Field>
  );
});

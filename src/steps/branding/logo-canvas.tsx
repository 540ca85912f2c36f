import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  canvas: { display: 'block', borderRadius: tokens.borderRadiusMedium },
  placeholder: {
    display: 'grid',
    placeItems: 'center',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground5,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightSemibold,
  },
});

interface LogoCanvasProps {
  readonly bitmap: ImageBitmap | null;
  /** Width and height in CSS pixels. */
  readonly size: number;
  readonly label: string;
  /** What stands in for a missing logo (Entra shows a generic icon): the app's initial. */
  readonly initial: string;
}

/**
 * The logo drawn on a canvas from its decoded bitmap: no image address is made for it, so its bytes never reach a
 * URL (and the Content Security Policy needs no `blob:` images).
 */
export function LogoCanvas({ bitmap, size, label, initial }: LogoCanvasProps) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !bitmap) return;
    const scale = window.devicePixelRatio || 1;
    context.canvas.width = size * scale;
    context.canvas.height = size * scale;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size * scale, size * scale);
  }, [bitmap, size]);
  if (!bitmap) {
    return (
      <div
        className={styles.placeholder}
        style={{ width: size, height: size, fontSize: size / 2 }}
        role="img"
        aria-label={label}
      >
        {initial}
      </div>
    );
  }
  return (
    <canvas
      ref={canvas}
      className={styles.canvas}
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
    />
  );
}

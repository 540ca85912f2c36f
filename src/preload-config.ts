/**
 * The first script of the wizard's page: a tiny entry of its own, which the build puts in index.html as an async
 * module next to main.tsx's, so it runs while the wizard's code still downloads. Unless another site frames the
 * wizard (then nothing of it starts, not even this), it has the browser download config.json at once, as a preload
 * that `loadConfig`'s fetch then takes: the file is there when the wizard starts, which can then render at once.
 */
import { framedByAnotherOrigin } from './auth/frame-guard';

if (!framedByAnotherOrigin(window)) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = '/config.json';
  document.head.append(link);
}

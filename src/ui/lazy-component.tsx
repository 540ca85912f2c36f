import { lazy, type ComponentType, type FunctionComponent } from 'react';

/** Code the page loads on demand could not be downloaded (the network dropped, or the site was updated since). */
export class LoadFailure extends Error {
  constructor(cause: unknown) {
    super('Part of the wizard could not be downloaded.', { cause });
    this.name = 'LoadFailure';
  }
}

/** A component whose code loads on demand, and can be asked to load ahead of its first render. */
export interface Preloadable {
  /** Starts downloading the code (once); resolves when it is there, rejects when it could not be downloaded. */
  preload(): Promise<void>;
}

export type LazyComponent<TProps> = FunctionComponent<TProps> & Preloadable;

/**
 * A component in a chunk of its own, downloaded the first time it renders or is preloaded, whichever comes first. It
 * suspends until then (render it inside `Suspense`); once the code is there, it renders at once, so a preloaded
 * component never shows its fallback (React would keep a fallback it had shown for a moment on screen a while longer).
 * A failed download throws a `LoadFailure`, which the error boundaries explain. A failed preload is forgotten, so
 * rendering tries again; a failed render stays failed until the page is reloaded (React keeps it).
 */
export function lazyComponent<TProps extends object>(
  load: () => Promise<ComponentType<TProps>>,
): LazyComponent<TProps> {
  let loaded: ComponentType<TProps> | null = null;
  let loading: Promise<ComponentType<TProps>> | null = null;
  const once = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw new LoadFailure(error);
      },
    ));
  const Lazy = lazy(async () => ({ default: await once() }));
  function OnDemandComponent(props: TProps) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(OnDemandComponent, { preload: () => once().then(() => undefined) });
}

/** Whether `component` is a `lazyComponent`, which can be preloaded. */
export const isPreloadable = (component: object): component is Preloadable =>
  'preload' in component && typeof component.preload === 'function';

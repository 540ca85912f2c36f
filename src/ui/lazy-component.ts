import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

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

export type LazyComponent<TProps> = LazyExoticComponent<ComponentType<TProps>> & Preloadable;

/**
 * A component in a chunk of its own, downloaded the first time it renders or is preloaded, whichever comes first; it
 * suspends until then (render it inside `Suspense`). A failed download throws a `LoadFailure`, which the error
 * boundaries explain. A failed preload is forgotten, so rendering tries again; a failed render stays failed until
 * the page is reloaded (React keeps it).
 */
export function lazyComponent<TProps>(load: () => Promise<ComponentType<TProps>>): LazyComponent<TProps> {
  let loading: Promise<ComponentType<TProps>> | null = null;
  const once = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw new LoadFailure(error);
    }));
  const Component = lazy(async () => ({ default: await once() }));
  return Object.assign(Component, { preload: () => once().then(() => undefined) });
}

/** Whether `component` is a `lazyComponent`, which can be preloaded. */
export const isPreloadable = (component: object): component is Preloadable =>
  'preload' in component && typeof component.preload === 'function';

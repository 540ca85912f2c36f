import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { isPreloadable, lazyComponent, LoadFailure } from './lazy-component';

const Component = () => null;
const Greeting = ({ name }: { readonly name: string }) => createElement('b', null, `Hello ${name}`);

describe('lazyComponent', () => {
  it('downloads its code once, however often it is preloaded', async () => {
    const load = vi.fn(() => Promise.resolve(Component));
    const lazy = lazyComponent(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([lazy.preload(), lazy.preload()]);
    await lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('turns a failed download into a LoadFailure, and tries again the next time', async () => {
    const cause = new TypeError('Failed to fetch dynamically imported module');
    const load = vi.fn().mockRejectedValueOnce(cause).mockResolvedValueOnce(Component);
    const lazy = lazyComponent<object>(load);
    const failure = await lazy.preload().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LoadFailure);
    expect((failure as LoadFailure).cause).toBe(cause);
    await expect(lazy.preload()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('renders at once once its code is there, without suspending', async () => {
    const LazyGreeting = lazyComponent(() => Promise.resolve(Greeting));
    await LazyGreeting.preload();
    const html = renderToString(
      createElement(Suspense, { fallback: 'Loading' }, createElement(LazyGreeting, { name: 'admin' })),
    );
    expect(html).toContain('Hello');
    expect(html).not.toContain('Loading');
  });

  it('is told apart from a component loaded with the page', () => {
    expect(isPreloadable(lazyComponent(() => Promise.resolve(Component)))).toBe(true);
    expect(isPreloadable(Component)).toBe(false);
  });
});

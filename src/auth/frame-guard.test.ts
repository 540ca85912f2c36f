import { describe, expect, it } from 'vitest';
import { framedByAnotherOrigin, type FramedWindow } from './frame-guard';

/** A window of `origin`; a page of another origin throws when its location is read, as browsers do. */
function windowOf(origin: string, parent?: FramedWindow): FramedWindow {
  const self: { parent: FramedWindow; location: { origin: string } } = {
    parent: undefined as unknown as FramedWindow,
    location: { origin },
  };
  self.parent = parent ?? self;
  return self;
}

/** A window whose location cannot be read from the wizard's origin. */
function crossOriginWindow(parent?: FramedWindow): FramedWindow {
  const self = {
    get parent(): FramedWindow {
      return parent ?? self;
    },
    get location(): { origin: string } {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
    },
  };
  return self;
}

const WIZARD = 'https://setup.example.com';

describe('framedByAnotherOrigin', () => {
  it('lets the wizard run as the top page', () => {
    expect(framedByAnotherOrigin(windowOf(WIZARD))).toBe(false);
  });

  it('lets a page of the wizard’s own origin frame it, at any depth', () => {
    const top = windowOf(WIZARD);
    expect(framedByAnotherOrigin(windowOf(WIZARD, top))).toBe(false);
    expect(framedByAnotherOrigin(windowOf(WIZARD, windowOf(WIZARD, top)))).toBe(false);
  });

  it('refuses a frame in a page of another origin', () => {
    expect(framedByAnotherOrigin(windowOf(WIZARD, crossOriginWindow()))).toBe(true);
  });

  it('refuses a frame in a page whose origin it can read but is another one', () => {
    expect(framedByAnotherOrigin(windowOf(WIZARD, windowOf('https://evil.example')))).toBe(true);
  });

  it('refuses when another origin is further up, above a page of its own origin', () => {
    expect(framedByAnotherOrigin(windowOf(WIZARD, windowOf(WIZARD, crossOriginWindow())))).toBe(true);
  });

  it('refuses when another origin is in between, even under a top page of its own origin', () => {
    const top = windowOf(WIZARD);
    expect(framedByAnotherOrigin(windowOf(WIZARD, crossOriginWindow(top)))).toBe(true);
  });

  it('refuses a frame without an origin of its own (sandboxed)', () => {
    expect(framedByAnotherOrigin(windowOf('null', windowOf('null')))).toBe(true);
  });
});

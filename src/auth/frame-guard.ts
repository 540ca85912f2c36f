/** What the guard reads of a window: its parent (itself at the top) and its origin. */
export interface FramedWindow {
  readonly parent: FramedWindow;
  readonly location: { readonly origin: string };
}

/**
 * Whether the page runs inside a page of another origin, directly or further up: then the wizard must not start, so
 * that no other site can show it under a disguise and steer the admin's clicks (clickjacking) while they sign in or
 * copy credentials. Pages of the wizard's own origin may frame it. Reading the location of a page of another origin
 * throws, which counts as another origin; so does an opaque origin (`"null"`, a sandboxed frame), which matches none.
 *
 * Deployments also send `frame-ancestors 'none'` (`security-headers.ts`), which keeps the browser from loading the
 * wizard in any frame at all; this check covers a host that does not send it.
 */
export function framedByAnotherOrigin(self: FramedWindow): boolean {
  const origin = self.location.origin;
  let current = self;
  while (current.parent !== current) {
    const parent = current.parent;
    try {
      if (origin === 'null' || parent.location.origin !== origin) return true;
    } catch {
      return true;
    }
    current = parent;
  }
  return false;
}

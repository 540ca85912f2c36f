/**
 * Whether someone is signed in, for code that runs outside React (a step's `nextLabel`). The auth module registers
 * the reader once MSAL is ready; without sign-in nobody ever is. React code uses `useAuth()` instead.
 */
let reader: () => boolean = () => false;

/** Called once by the auth module at start-up. */
export function setSignedInReader(read: () => boolean): void {
  reader = read;
}

/** Whether an account is signed in right now. */
export function isSignedIn(): boolean {
  return reader();
}

/**
 * What must happen before an expired session is cleared: a form registers a saver that puts the
 * user's unsaved input in sessionStorage, so that nothing typed is lost on the way to sign in
 * again. The savers run synchronously, while the account is still known.
 */
/** Returns true when it stored something (the sign-in page then says the input will come back). */
type Saver = () => boolean;

const savers = new Set<Saver>();

/** Registers a saver; call the returned function when the form goes away. */
export function onSessionExpiring(save: Saver): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

/** Runs every saver; one that throws does not stop the others. Returns how many stored something. */
export function saveBeforeSessionEnds(): number {
  let saved = 0;
  for (const save of savers) {
    try {
      if (save()) saved += 1;
    } catch {
      // a draft that cannot be stored is lost; signing in again still works
    }
  }
  return saved;
}

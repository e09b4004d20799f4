/** Where the window remembers that the note was shown: once per session, not once per grant. */
const shownKey = "fd:access-propagation-note";

/**
 * True the first time it is asked in this window's session (the grant that shows "Roles take up
 * to 5 minutes to take effect."), false after: the note is said once, not per grant or row.
 */
export function claimPropagationNote(): boolean {
  try {
    if (window.sessionStorage.getItem(shownKey) !== null) return false;
    window.sessionStorage.setItem(shownKey, "shown");
  } catch {
    // No session storage (a locked-down web view): saying it again beats never saying it.
  }
  return true;
}

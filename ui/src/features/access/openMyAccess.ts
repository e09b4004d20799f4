import { createContext, useContext } from "react";

/**
 * Opens "What can I do here?" for the account around. ResourceArea provides it (switching to the
 * Access tab with the panel open), and so does an account's row on Connections (the panel opens
 * in the row), so that any refusal shown inside can offer it without passing it down. Null where
 * no account is around.
 */
export const OpenMyAccessContext = createContext<(() => void) | null>(null);

export function useOpenMyAccess(): (() => void) | null {
  return useContext(OpenMyAccessContext);
}

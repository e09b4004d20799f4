import { createContext, useContext } from "react";

/**
 * Opens the resource's Usage tab on one deployment. ResourceArea provides it around the
 * deployments panel, so a deployment's Manage panel can link there without every component in
 * between passing it on. Null outside a resource area (nothing to switch to).
 */
export const OpenUsageContext = createContext<((deployment: string) => void) | null>(null);

export function useOpenUsage(): ((deployment: string) => void) | null {
  return useContext(OpenUsageContext);
}

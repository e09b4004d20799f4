import { useMutation } from "@tanstack/react-query";
import { commands } from "../../../bindings";
import { unwrap } from "../../../lib/unwrap";

/**
 * Asks Rust which deployments an endpoint's resource has, through any signed-in account
 * profile that can see it. Null when none can. A mutation: it runs when asked, and the
 * picker holding it is remounted for each endpoint, so an old answer never shows.
 */
export function useFindDeployments() {
  return useMutation({
    mutationFn: (endpoint: string) => unwrap(commands.findDeployments(endpoint)),
  });
}

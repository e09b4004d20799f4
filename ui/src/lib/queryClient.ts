import { QueryClient } from "@tanstack/react-query";
import type { CommandError } from "../bindings";

declare module "@tanstack/react-query" {
  interface Register {
    // `unwrap` throws CommandErrors; a broken IPC call throws an Error.
    defaultError: CommandError | Error;
  }
}

/** The app's query client: commands are local IPC calls, not a flaky network. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Rust already retries the network calls that deserve it; retrying here only
        // delays showing the error.
        retry: false,
        // A desktop window gains and loses focus all the time.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

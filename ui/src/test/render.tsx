import { QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppFrame } from "../app/AppFrame";
import { createQueryClient } from "../lib/queryClient";

/** Renders `ui` with a fresh query client, as main.tsx does, so no cache leaks between tests. */
export function renderWithQueries(ui: ReactElement): RenderResult {
  return render(<QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>);
}

/** Renders the whole app window. */
export function renderApp(): RenderResult {
  return renderWithQueries(<AppFrame />);
}

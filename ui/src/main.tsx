// The app-wide styles first: screens' own stylesheets (imported by their components) come after them
// in the cascade and may refine them.
import "./styles/theme.css";
import "./styles/base.css";
import "./styles/frame.css";
import "./styles/content.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppFrame } from "./app/AppFrame";
import { applyTheme, systemTheme } from "./features/settings/theme";
import { createQueryClient } from "./lib/queryClient";

// Paint the OS theme before the first render, so a dark desktop never flashes white.
applyTheme(systemTheme());

const root = document.getElementById("root");
if (!root) {
  throw new Error("index.html has no #root element");
}

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <AppFrame />
    </QueryClientProvider>
  </StrictMode>,
);

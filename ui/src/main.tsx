import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppFrame } from "./app/AppFrame";
import { applyTheme, systemTheme } from "./features/settings/theme";
import { createQueryClient } from "./lib/queryClient";
import "./styles/theme.css";
import "./styles/base.css";
import "./styles/frame.css";
import "./styles/content.css";

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

import type { FieldProblem, NetworkSettings, ProxySetting } from "../../../bindings";
import { optional } from "../azure/azureForm";
import type { FormDefinition } from "../form/sectionForm";

/** Rust's `MIN_TIMEOUT_SECS` and `MAX_TIMEOUT_SECS`. */
export const MIN_TIMEOUT_SECS = 5;
export const MAX_TIMEOUT_SECS = 600;

/** The network section as typed. */
export type NetworkForm = {
  proxyMode: ProxySetting["mode"];
  /** Kept while another mode is chosen, so choosing Manual again loses nothing. */
  proxyUrl: string;
  /** One host per line, or separated by commas. */
  noProxy: string;
  caCertificate: string;
  requestTimeout: string;
};

/** Hosts typed one per line or separated by commas; blanks dropped. */
export function splitHosts(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((host) => host.trim())
    .filter((host) => host !== "");
}

const timeoutProblem = `Enter a whole number of seconds, ${MIN_TIMEOUT_SECS} to ${MAX_TIMEOUT_SECS}`;

function proxy(form: NetworkForm): ProxySetting {
  switch (form.proxyMode) {
    case "manual":
      return { mode: "manual", url: form.proxyUrl.trim(), noProxy: splitHosts(form.noProxy) };
    case "none":
      return { mode: "none" };
    case "system":
      return { mode: "system" };
  }
}

/** The seconds typed, when they are a whole number (Rust checks the range). */
function seconds(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

export const networkForm: FormDefinition<"network", NetworkForm> = {
  section: "network",
  toForm: (saved) => ({
    proxyMode: saved.proxy.mode,
    proxyUrl: saved.proxy.mode === "manual" ? saved.proxy.url : "",
    noProxy: saved.proxy.mode === "manual" ? saved.proxy.noProxy.join("\n") : "",
    caCertificate: saved.caCertificate ?? "",
    requestTimeout: String(saved.requestTimeoutSecs),
  }),
  toSettings: (form) => {
    const timeout = seconds(form.requestTimeout);
    if (timeout === null) {
      const problem: FieldProblem = { field: "network.requestTimeoutSecs", message: timeoutProblem };
      return { ok: false, problems: [problem] };
    }
    return {
      ok: true,
      value: {
        proxy: proxy(form),
        caCertificate: optional(form.caCertificate),
        requestTimeoutSecs: timeout,
      },
    };
  },
  // The proxy mode is a choice of three: Rust has nothing to say about it.
  shownFields: (form) => [
    ...(form.proxyMode === "manual" ? ["network.proxy.url", "network.proxy.noProxy"] : []),
    "network.caCertificate",
    "network.requestTimeoutSecs",
  ],
  fieldOf: {
    proxyMode: "network.proxy",
    proxyUrl: "network.proxy.url",
    noProxy: "network.proxy.noProxy",
    caCertificate: "network.caCertificate",
    requestTimeout: "network.requestTimeoutSecs",
  },
};

/**
 * The network settings as edited, for trying them before they are saved; a timeout that is not
 * a number yet counts as the saved one.
 */
export function networkBeingEdited(form: NetworkForm, saved: NetworkSettings): NetworkSettings {
  return {
    proxy: proxy(form),
    caCertificate: optional(form.caCertificate),
    requestTimeoutSecs: seconds(form.requestTimeout) ?? saved.requestTimeoutSecs,
  };
}

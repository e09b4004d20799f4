import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { commands, type AppFolder } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { InlineConfirm } from "../../../components/InlineConfirm";
import { unwrap } from "../../../lib/unwrap";
import { announceHistoryCleared } from "../../playground/historyEvents";
import { useConversations } from "../../playground/playgroundQueries";
import "./privacy.css";
import { plural } from "../../../lib/plural";

/** Queries that hold what Azure said about models, versions and quota: fetched again once dropped. */
const catalogQueries = new Set(["planFacts", "regionQuotas", "parameterRules"]);

type Asking = "history" | "secrets" | null;


/** One line of the section: what it is, where or how much, and its buttons. */
function DataRow(props: { title: string; detail: ReactNode; testId: string; children: ReactNode }) {
  return (
    <div className="privacy-row" data-testid={props.testId}>
      <div className="privacy-text">
        <h3 className="privacy-title">{props.title}</h3>
        <div className="privacy-detail">{props.detail}</div>
      </div>
      <div className="privacy-actions">{props.children}</div>
    </div>
  );
}

/** Privacy and data: open the data and log folders, clear history and cached catalogs, remove all secrets. */
export function PrivacySection() {
  const queryClient = useQueryClient();
  const info = useQuery({
    queryKey: ["app_info"],
    queryFn: () => unwrap(commands.appInfo()),
    staleTime: Infinity,
  });
  const conversations = useConversations("");
  const [asking, setAsking] = useState<Asking>(null);
  const [status, setStatus] = useState("");

  const open = useMutation({
    mutationFn: (folder: AppFolder) => unwrap(commands.openAppFolder(folder)),
    onSuccess: (path) => setStatus(`Opened ${path}.`),
  });
  const clearHistory = useMutation({
    mutationFn: () => unwrap(commands.clearHistory()),
    onSuccess: async (count) => {
      announceHistoryCleared();
      setAsking(null);
      setStatus(count === 0 ? "There was no conversation to delete." : `Deleted ${plural(count, "conversation", "conversations")}.`);
      await queryClient.invalidateQueries({ queryKey: ["conversations"] });
    },
  });
  const removeSecrets = useMutation({
    mutationFn: () => unwrap(commands.removeAllSecrets()),
    onSuccess: async (removed) => {
      setAsking(null);
      setStatus(
        `Signed out ${plural(removed.signIns, "profile", "profiles")} and deleted ${plural(removed.keys, "key", "keys")} from the keychain.`,
      );
      // Everything that was reached with a key or a sign-in is asked for again.
      await queryClient.invalidateQueries();
    },
  });

  function clearCatalogs() {
    queryClient.removeQueries({
      predicate: (query) => catalogQueries.has(String(query.queryKey[0])),
    });
    setStatus("Cleared. Models, versions and quotas will be read from Azure again when next shown.");
  }

  function ask(what: Asking) {
    clearHistory.reset();
    removeSecrets.reset();
    setStatus("");
    setAsking(what);
  }

  const count = conversations.data?.length;
  const path = (text: string | undefined) => <code className="privacy-path">{text ?? "…"}</code>;

  return (
    <section className="panel" aria-labelledby="settings-privacy-title">
      <h2 id="settings-privacy-title" className="panel-title">
        Privacy and data
      </h2>
      <p className="muted">
        Keys and sign-ins are kept only in your system’s keychain, never in these folders.
      </p>
      {info.isError && (
        <ErrorNotice title="Couldn’t read where the app keeps its files." error={info.error} onRetry={() => void info.refetch()} />
      )}
      <div className="privacy-rows">
        <DataRow title="Data folder" testId="privacy-data" detail={<>Profiles, settings and presets: {path(info.data?.dataDir)}</>}>
          <button type="button" className="button button-small" data-testid="privacy-open-data" disabled={open.isPending} onClick={() => open.mutate("data")}>
            Open folder
          </button>
        </DataRow>
        <DataRow title="Log folder" testId="privacy-logs" detail={<>What the app did, without secrets: {path(info.data?.logDir)}</>}>
          <button type="button" className="button button-small" data-testid="privacy-open-logs" disabled={open.isPending} onClick={() => open.mutate("logs")}>
            Open folder
          </button>
        </DataRow>
        <DataRow
          title="Conversation history"
          testId="privacy-history"
          detail={
            count === undefined
              ? "Counting saved conversations…"
              : count === 0
                ? "No saved conversations."
                : `${plural(count, "saved conversation", "saved conversations")}.`
          }
        >
          <button type="button" className="button button-small" data-testid="privacy-open-history" disabled={open.isPending} onClick={() => open.mutate("history")}>
            Open folder
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="privacy-clear-history"
            aria-expanded={asking === "history"}
            disabled={count === 0}
            onClick={() => ask("history")}
          >
            Clear history…
          </button>
        </DataRow>
        {asking === "history" && (
          <InlineConfirm
            testId="privacy-clear-history-confirmation"
            question={
              count === 1
                ? "Delete the saved conversation? It cannot be brought back."
                : `Delete ${count === undefined ? "every saved conversation" : `all ${count} saved conversations`}? They cannot be brought back.`
            }
            confirmLabel="Delete all"
            busyLabel="Deleting…"
            busy={clearHistory.isPending}
            error={clearHistory.error}
            errorTitle="Couldn’t clear the history."
            onConfirm={() => clearHistory.mutate()}
            onCancel={() => setAsking(null)}
          />
        )}
        <DataRow
          title="Cached model catalogs"
          testId="privacy-catalogs"
          detail="Models, versions and quotas read from Azure are kept while the app runs, to open screens quickly."
        >
          <button type="button" className="button button-small" data-testid="privacy-clear-catalogs" onClick={clearCatalogs}>
            Clear cached catalogs
          </button>
        </DataRow>
        <DataRow
          title="Secrets"
          testId="privacy-secrets"
          detail="Sign-ins and API keys in the keychain. Profiles stay; you sign in or paste keys again."
        >
          <button
            type="button"
            className="button button-small button-danger"
            data-testid="privacy-remove-secrets"
            aria-expanded={asking === "secrets"}
            onClick={() => ask("secrets")}
          >
            Remove all secrets…
          </button>
        </DataRow>
        {asking === "secrets" && (
          <InlineConfirm
            testId="privacy-remove-secrets-confirmation"
            question="Sign every profile out and delete every saved API key from the keychain? This cannot be undone."
            confirmLabel="Remove all secrets"
            busyLabel="Removing…"
            busy={removeSecrets.isPending}
            error={removeSecrets.error}
            errorTitle="Couldn’t remove every secret. Nothing else changed; try again."
            onConfirm={() => removeSecrets.mutate()}
            onCancel={() => setAsking(null)}
          />
        )}
      </div>
      {open.isError && <ErrorNotice title="Couldn’t open the folder." error={open.error} />}
      <p role="status" className="privacy-status" data-testid="privacy-status">
        {status}
      </p>
    </section>
  );
}

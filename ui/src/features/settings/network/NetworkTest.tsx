import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { commands, type NetworkSettings } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { unwrap } from "../../../lib/unwrap";
import { useProfiles } from "../../connections/connectionQueries";
import "./network.css";

/**
 * "Test": reaches a chosen connection with the network settings being edited, before they are
 * saved, so a wrong proxy or a missing company certificate shows here rather than in the middle of
 * a deployment. No key or sign-in is sent.
 */
export function NetworkTest({ network }: { network: NetworkSettings }) {
  const id = useId();
  const profiles = useProfiles();
  const [chosen, setChosen] = useState<string | null>(null);
  const test = useMutation({
    mutationFn: (profileId: string) => unwrap(commands.testNetwork(profileId, network)),
  });
  // A result speaks of the settings it was run with: once they are edited, it is not shown.
  const editing = JSON.stringify(network);
  const [ranWith, setRanWith] = useState<string | null>(null);
  const list = profiles.data ?? [];
  // Until the person picks one: the first real connection, else the Sandbox.
  const profileId =
    chosen ?? list.find((view) => !view.simulated)?.profile.id ?? list[0]?.profile.id ?? null;
  const result = ranWith === editing ? test.data : undefined;

  return (
    <div className="network-test" data-testid="network-test">
      <h3 className="network-test-title">Test these settings</h3>
      <div className="network-test-row">
        <label htmlFor={id} className="field-label">
          Connection
        </label>
        <select
          id={id}
          className="select"
          data-testid="network-test-profile"
          value={profileId ?? ""}
          disabled={list.length === 0}
          onChange={(event) => {
            setChosen(event.target.value);
            test.reset();
          }}
        >
          {list.map((view) => (
            <option key={view.profile.id} value={view.profile.id}>
              {view.profile.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          data-testid="network-test-run"
          disabled={profileId === null || test.isPending}
          onClick={() => {
            if (profileId === null) return;
            setRanWith(editing);
            test.mutate(profileId);
          }}
        >
          {test.isPending ? "Testing…" : "Test"}
        </button>
      </div>
      <p className="field-hint">
        Reaches the connection’s service with the settings above, saved or not. No key or sign-in is sent.
      </p>
      <div role="status" data-testid="network-test-result">
        {result !== undefined && (
          <p className={result.reached ? "network-test-ok" : "network-test-failed"}>
            <span aria-hidden="true">{result.reached ? "✓ " : "✕ "}</span>
            {result.summary}
          </p>
        )}
      </div>
      {test.isError && ranWith === editing && (
        <ErrorNotice title="Couldn’t run the test." error={test.error} />
      )}
      {profiles.isError && (
        <ErrorNotice title="Couldn’t list your connections." error={profiles.error} onRetry={() => void profiles.refetch()} />
      )}
    </div>
  );
}

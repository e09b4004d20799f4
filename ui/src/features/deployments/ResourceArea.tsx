import { rovingIndex } from "../../lib/rovingIndex";
import {
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { AccessView } from "../access/AccessView";
import { OpenMyAccessContext } from "../access/openMyAccess";
import { useAccounts } from "../connections/connectionQueries";
import { useSettings } from "../settings/settingsQueries";
import type { UsageSelection } from "../usage/aggregate";
import { OpenUsageContext } from "../usage/openUsage";
import { UsageView } from "../usage/UsageView";
import { accountKey } from "./coordinates";
import { DeploymentsError } from "./DeploymentsError";
import { DeploymentsPanel } from "./DeploymentsPanel";
import { QuotaView } from "./quota/QuotaView";
import { RegionFilter } from "./RegionFilter";
import { accountsIn, regionChoices, shownRegion } from "./regionFilter";
import { ResourceBrowser } from "./ResourceBrowser";

type ResourceAreaProps = { profileId: string; subscriptionId: string };

type Tab = "deployments" | "quota" | "usage" | "access";

const tabs: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: "deployments", label: "Deployments" },
  { id: "quota", label: "Quota" },
  { id: "usage", label: "Usage" },
  { id: "access", label: "Access" },
];

/** The deployment the Usage tab shows, for one resource; `fromManage` when a Manage panel opened it. */
type UsagePick = { account: string; deployment: UsageSelection; fromManage: boolean };

/** "What can I do here?" open on one resource's Access tab; `signal` counts the times it was asked for. */
type MyAccessPick = { account: string; signal: number };

/**
 * The subscription's AI resources on the left; on the right, the selected one's deployments or
 * the quota of a region, its usage and cost, or who has access to it, in four tabs.
 */
export function ResourceArea({ profileId, subscriptionId }: ResourceAreaProps) {
  const accounts = useAccounts(profileId, subscriptionId);
  const settings = useSettings();
  const [pickedKey, setPickedKey] = useState<string | null>(null);
  // Undefined until a region is picked here: until then the list follows Settings' default.
  const [pickedRegion, setPickedRegion] = useState<string | null | undefined>(undefined);
  const [tab, setTab] = useState<Tab>("deployments");
  const [usagePick, setUsagePick] = useState<UsagePick | null>(null);
  // The Access tab is mounted once opened (for the resource it was opened on), so a grant still
  // awaited and a form half filled in survive a look at another tab.
  const [accessOpenedFor, setAccessOpenedFor] = useState<string | null>(null);
  const [myAccessPick, setMyAccessPick] = useState<MyAccessPick | null>(null);
  const list = useMemo(() => accounts.data ?? [], [accounts.data]);
  const choices = useMemo(() => regionChoices(list), [list]);
  const { region, missedDefault } = shownRegion(
    choices,
    pickedRegion,
    settings.data?.azure.defaultRegion ?? null,
  );
  const inRegion = useMemo(() => accountsIn(list, region), [list, region]);
  const picked = list.find((account) => accountKey(account) === pickedKey) ?? null;
  const selected = picked ?? inRegion[0] ?? null;
  // A picked resource outside the region stays listed, where Azure lists it, and selected: a
  // change of filter never closes its panel (or a wizard half filled in there).
  const shown =
    picked === null || inRegion.includes(picked)
      ? inRegion
      : list.filter((account) => account === picked || inRegion.includes(account));

  const selectedKey = selected === null ? null : accountKey(selected);
  // Another resource picked while the Access tab shows: its Access view is the one kept mounted
  // from now on (an update during render, so it is never unmounted in between).
  if (tab === "access" && selectedKey !== null && accessOpenedFor !== selectedKey) {
    setAccessOpenedFor(selectedKey);
  }
  const usageSelection = usagePick?.account === selectedKey ? usagePick.deployment : null;
  // A deployment's Manage panel asks for its usage: the Usage tab, on that deployment.
  const openUsage = useCallback(
    (deployment: string) => {
      if (selectedKey === null) return;
      setUsagePick({ account: selectedKey, deployment, fromManage: true });
      setTab("usage");
    },
    [selectedKey],
  );
  // A refusal anywhere on the resource asks "What can I do here?": the Access tab, with it open.
  const openMyAccess = useCallback(() => {
    if (selectedKey === null) return;
    setAccessOpenedFor(selectedKey);
    setMyAccessPick((old) => ({ account: selectedKey, signal: (old?.signal ?? 0) + 1 }));
    setTab("access");
  }, [selectedKey]);

  function showTab(next: Tab) {
    if (next === "access") setAccessOpenedFor(selectedKey);
    setTab(next);
  }

  // The resource open on the right stays selected: a filter changes what is listed, not what is open.
  function pickRegion(next: string | null) {
    if (selected !== null) {
      setPickedKey(accountKey(selected));
    }
    setPickedRegion(next);
  }

  return (
    <div className="deployments-layout">
      <nav className="deployments-resources" aria-label="AI resources">
        <h2 className="panel-title">Resources</h2>
        {accounts.isPending && (
          <p role="status" className="muted">
            Loading resources…
          </p>
        )}
        {accounts.isError && (
          <DeploymentsError
            title="Couldn’t list the resources in this subscription."
            error={accounts.error}
            onRetry={() => void accounts.refetch()}
          />
        )}
        {accounts.isSuccess && list.length === 0 && (
          <p className="muted" data-testid="no-resources">
            No Azure OpenAI or AI Services resources in this subscription that you can see.
          </p>
        )}
        {list.length > 0 && (
          <RegionFilter
            choices={choices}
            total={list.length}
            value={region}
            onChange={pickRegion}
            missedDefault={missedDefault}
          />
        )}
        {list.length > 0 && (
          <ResourceBrowser
            accounts={shown}
            selectedKey={selected === null ? null : accountKey(selected)}
            onSelect={setPickedKey}
          />
        )}
      </nav>
      <div className="deployments-main">
        {selected !== null && (
          <OpenMyAccessContext value={openMyAccess}>
            <ResourceTabs
              tab={tab}
              onTab={showTab}
              deployments={
                <OpenUsageContext value={openUsage}>
                  <DeploymentsPanel
                    key={accountKey(selected)}
                    profileId={profileId}
                    account={selected}
                  />
                </OpenUsageContext>
              }
              // Mounted only while shown: coming back asks Azure again, as a deployment made or
              // deleted meanwhile moves the numbers.
              quota={
                tab === "quota" && (
                  <QuotaView
                    profileId={profileId}
                    subscriptionId={subscriptionId}
                    accounts={list}
                    defaultLocation={selected.location}
                  />
                )
              }
              // Mounted only while shown too: uPlot measures its box, which a hidden panel lacks.
              usage={
                tab === "usage" && (
                  <UsageView
                    key={accountKey(selected)}
                    profileId={profileId}
                    account={selected}
                    selection={usageSelection}
                    onSelection={(deployment) =>
                      setUsagePick({ account: accountKey(selected), deployment, fromManage: false })
                    }
                    focusPicker={usagePick?.account === selectedKey && usagePick.fromManage}
                  />
                )
              }
              access={
                (tab === "access" || accessOpenedFor === selectedKey) && (
                  <AccessView
                    key={accountKey(selected)}
                    profileId={profileId}
                    account={selected}
                    myAccessOpen={myAccessPick?.account === selectedKey}
                    myAccessSignal={myAccessPick?.signal ?? 0}
                    onMyAccessOpen={(open) =>
                      setMyAccessPick((old) =>
                        open ? { account: accountKey(selected), signal: (old?.signal ?? 0) + 1 } : null,
                      )
                    }
                  />
                )
              }
            />
          </OpenMyAccessContext>
        )}
      </div>
    </div>
  );
}

type ResourceTabsProps = {
  tab: Tab;
  onTab: (tab: Tab) => void;
  deployments: ReactNode;
  quota: ReactNode;
  usage: ReactNode;
  access: ReactNode;
};

/**
 * Tabs as the ARIA pattern has them: one stop in the tab order, arrow keys (and Home, End) move
 * and show at once. The deployments panel stays mounted while hidden, so a wizard half filled in
 * survives a look at the quota.
 */
function ResourceTabs({ tab, onTab, ...panels }: ResourceTabsProps) {
  const id = useId();
  const buttons = useRef(new Map<Tab, HTMLButtonElement>());

  function show(next: Tab) {
    onTab(next);
    buttons.current.get(next)?.focus();
  }

  function keyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const target = rovingIndex(event.key, index, tabs.length);
    const next = target === null ? undefined : tabs[target];
    if (next !== undefined) {
      event.preventDefault();
      show(next.id);
    }
  }

  return (
    <>
      <div className="resource-tabs" role="tablist" aria-label="Resource views">
        {tabs.map((item, index) => (
          <button
            key={item.id}
            ref={(element) => {
              if (element) {
                buttons.current.set(item.id, element);
              } else {
                buttons.current.delete(item.id);
              }
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${item.id}`}
            className="resource-tab"
            data-testid={`tab-${item.id}`}
            aria-selected={item.id === tab}
            aria-controls={`${id}-panel-${item.id}`}
            tabIndex={item.id === tab ? 0 : -1}
            onClick={() => onTab(item.id)}
            onKeyDown={(event) => keyDown(event, index)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {tabs.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${id}-panel-${item.id}`}
          className="resource-tabpanel"
          aria-labelledby={`${id}-tab-${item.id}`}
          hidden={item.id !== tab}
        >
          {panels[item.id]}
        </div>
      ))}
    </>
  );
}

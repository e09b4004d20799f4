import type { AccountView } from "../../bindings";

// The resource list's region filter: which regions it offers and which resources each shows.

/**
 * A region as compared: Azure's name in any case, with or without spaces, so "Sweden Central",
 * "swedencentral" and "SwedenCentral" are one region.
 */
export function regionKey(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}

/** A region the resources are in, as the filter offers it. */
export type RegionChoice = {
  key: string;
  /** As the first resource in it spells it. */
  label: string;
  count: number;
};

const collator = new Intl.Collator(undefined, { sensitivity: "base" });

/** Each region of the resources once, in alphabetical order, with how many resources are in it. */
export function regionChoices(accounts: readonly Pick<AccountView, "location">[]): RegionChoice[] {
  const byKey = new Map<string, RegionChoice>();
  for (const { location } of accounts) {
    const key = location === null ? "" : regionKey(location);
    if (location === null || key === "") {
      continue;
    }
    const known = byKey.get(key);
    if (known) {
      known.count += 1;
    } else {
      byKey.set(key, { key, label: location.trim(), count: 1 });
    }
  }
  return [...byKey.values()].sort((a, b) => collator.compare(a.label, b.label));
}

/** The resources in region `key`, in their order; all of them when `key` is null. */
export function accountsIn<T extends Pick<AccountView, "location">>(
  accounts: readonly T[],
  key: string | null,
): T[] {
  if (key === null) {
    return [...accounts];
  }
  return accounts.filter(({ location }) => location !== null && regionKey(location) === key);
}

/** The region the list shows, and the default region it could not show. */
export type ShownRegion = {
  /** The key of the region shown; null for all regions. */
  region: string | null;
  /** The default region as Settings names it, when no resource is in it; else null. */
  missedDefault: string | null;
};

/**
 * The region to show: the one picked on the screen (null for all), else, while none is picked
 * (`picked` undefined), the settings' default region. A region no resource is in shows all;
 * for the default, that is said.
 */
export function shownRegion(
  choices: readonly RegionChoice[],
  picked: string | null | undefined,
  defaultRegion: string | null,
): ShownRegion {
  const defaultKey = defaultRegion === null ? "" : regionKey(defaultRegion);
  const wanted = picked !== undefined ? picked : defaultKey === "" ? null : defaultKey;
  if (wanted === null || choices.some((choice) => choice.key === wanted)) {
    return { region: wanted, missedDefault: null };
  }
  return {
    region: null,
    missedDefault: picked === undefined && defaultRegion !== null ? defaultRegion.trim() : null,
  };
}

import type { AccountCoordinates } from "../../../bindings";

/** Which account's deployments a panel changes, and through which profile. */
export type ManageTarget = { profileId: string; account: AccountCoordinates };

import type { AccountCoordinates, DeploymentRow } from "../../bindings";
import { sampleCreatedRow } from "../../test/fixtures";

/**
 * Stands in for the real wizard in this folder's tests (`vi.mock("./wizard/DeploymentWizard",
 * () => import("./testWizard"))`): shows what it was given, and finishes or cancels on a click.
 */
export function DeploymentWizard(props: {
  profileId: string;
  account: AccountCoordinates;
  onCreated: (row: DeploymentRow) => void;
  onCancel: () => void;
}) {
  return (
    <div data-testid="deployment-wizard">
      <p>
        New deployment in {props.account.name} ({props.account.resourceGroup}) with {props.profileId}
      </p>
      <button type="button" onClick={() => props.onCreated(sampleCreatedRow({ name: "gpt-4o-new" }))}>
        Finish wizard
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel wizard
      </button>
    </div>
  );
}

import { NotBuiltYet } from "../../components/NotBuiltYet";
import { Screen } from "../../components/Screen";

export function DeploymentsScreen() {
  return (
    <Screen id="deployments" title="Deployments">
      <NotBuiltYet description="The model deployments of your Azure OpenAI resources will be shown here, with a wizard to create new ones." />
    </Screen>
  );
}

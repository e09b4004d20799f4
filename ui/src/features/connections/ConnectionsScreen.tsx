import { NotBuiltYet } from "../../components/NotBuiltYet";
import { Screen } from "../../components/Screen";

export function ConnectionsScreen() {
  return (
    <Screen id="connections" title="Connections">
      <NotBuiltYet description="Your Azure sign-ins and endpoint connections, including the ready-made Sandbox, will be listed here." />
    </Screen>
  );
}

import { NotBuiltYet } from "../../components/NotBuiltYet";
import { Screen } from "../../components/Screen";

export function PlaygroundScreen() {
  return (
    <Screen id="playground" title="Playground">
      <NotBuiltYet description="A streaming chat for trying prompts against your deployments will live here." />
    </Screen>
  );
}

import { NotBuiltYet } from "../../components/NotBuiltYet";
import { Screen } from "../../components/Screen";
import { useRouteParams } from "../../routes/useRoute";

export function PlaygroundScreen() {
  // "Open in Playground" on the Deployments screen names what to try: profile, deployment and
  // endpoint (only the name is shown until the playground itself is built).
  const deployment = useRouteParams().get("deployment");
  return (
    <Screen id="playground" title="Playground">
      {deployment !== null && deployment !== "" && (
        <p className="panel" role="status" data-testid="playground-target">
          Ready to try <strong>{deployment}</strong>
        </p>
      )}
      <NotBuiltYet description="A streaming chat for trying prompts against your deployments will live here." />
    </Screen>
  );
}

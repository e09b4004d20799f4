import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../bindings";
import { accountProfile, endpointProfile, sampleTenants, sandboxProfile } from "../../test/fixtures";
import { commandError, never } from "../../test/mockCommands";
import { sampleMyAccess } from "../access/testFixtures";
import { callsTo, detailOf, renderConnections } from "./testSupport";

function check(fields: Pick<CheckResult, "area" | "outcome" | "summary"> & Partial<CheckResult>): CheckResult {
  return { missingRole: null, code: null, requestId: null, ...fields };
}

describe("check connection", () => {
  it("lists one line per check with its outcome", async () => {
    const { user, calls } = renderConnections({
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: never,
      check_connection: () => ({
        checks: [
          check({ area: "arm", outcome: "ok", summary: "Listed 2 subscriptions." }),
          check({
            area: "deployments",
            outcome: "failed",
            summary: "Couldn’t list the deployments of contoso-eastus.",
            missingRole: "Cognitive Services User",
            code: "AuthorizationFailed",
            requestId: "req-d3p",
          }),
          check({ area: "inference", outcome: "skipped", summary: "No deployment to try." }),
        ],
        access: null,
      }),
    });
    const detail = await detailOf("Sandbox");

    await user.click(within(detail).getByTestId("check-connection"));

    const arm = await within(detail).findByTestId("check-result-arm");
    expect(arm).toHaveAttribute("data-outcome", "ok");
    expect(arm).toHaveTextContent("OK");
    expect(arm).toHaveTextContent("Listed 2 subscriptions.");

    const deployments = within(detail).getByTestId("check-result-deployments");
    expect(deployments).toHaveAttribute("data-outcome", "failed");
    expect(deployments).toHaveTextContent("Failed");
    expect(deployments).toHaveTextContent("Missing role: Cognitive Services User");
    expect(deployments).toHaveTextContent("AuthorizationFailed");
    expect(deployments).toHaveTextContent("req-d3p");

    const inference = within(detail).getByTestId("check-result-inference");
    expect(inference).toHaveAttribute("data-outcome", "skipped");
    expect(inference).toHaveTextContent("Skipped");
    expect(inference).toHaveTextContent("No deployment to try.");
    expect(callsTo(calls, "check_connection")).toEqual([
      { cmd: "check_connection", args: { profileId: "sandbox" } },
    ]);
  });

  it("says what the signed-in person can do on the account it checked", async () => {
    const { user } = renderConnections({
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: never,
      check_connection: () => ({
        checks: [
          check({ area: "arm", outcome: "ok", summary: "Listed 2 subscriptions." }),
          check({ area: "deployments", outcome: "ok", summary: "Listed 3 deployments of contoso-eastus." }),
          check({
            area: "inference",
            outcome: "failed",
            summary: "The sign-in was refused for chat.",
            code: "PermissionDenied",
          }),
        ],
        access: {
          subscriptionId: "sub-prod-0001",
          resourceGroup: "rg-ai",
          accountName: "contoso-eastus",
          access: sampleMyAccess(),
        },
      }),
    });
    const detail = await detailOf("Sandbox");

    await user.click(within(detail).getByTestId("check-connection"));

    const access = await within(detail).findByTestId("check-access");
    expect(within(access).getByRole("heading", { name: "What you can do on contoso-eastus" })).toBeVisible();
    expect(access).toHaveTextContent("For Ada Lovelace (ada@contoso.com)");
    const chat = within(access).getByTestId("my-access-inference");
    expect(chat).toHaveAttribute("data-allowed", "false");
    expect(chat).toHaveTextContent("Ask an Owner for: Cognitive Services OpenAI User on this resource");
    expect(within(access).getByTestId("my-access-readKeys")).toHaveAttribute("data-allowed", "true");
    expect(access).toHaveTextContent("With a key, chat works whatever your roles.");
  });

  it("says whether a key would work is unknown when the checked resource could not be read", async () => {
    const { user } = renderConnections({
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: never,
      check_connection: () => ({
        checks: [check({ area: "arm", outcome: "ok", summary: "Listed 2 subscriptions." })],
        access: {
          subscriptionId: "sub-prod-0001",
          resourceGroup: "rg-ai",
          accountName: "contoso-eastus",
          access: sampleMyAccess({ keysAccepted: null }),
        },
      }),
    });
    const detail = await detailOf("Sandbox");

    await user.click(within(detail).getByTestId("check-connection"));

    const access = await within(detail).findByTestId("check-access");
    expect(within(access).getByTestId("my-access-keys-unknown")).toHaveTextContent(
      "This resource could not be read with your sign-in, so whether a key would work is unknown",
    );
    expect(access).not.toHaveTextContent("With a key, chat works whatever your roles.");
  });

  it("shows a wrong key as a failed inference check", async () => {
    const { user } = renderConnections({
      list_profiles: () => [endpointProfile()],
      check_connection: () => ({
        checks: [
          check({ area: "arm", outcome: "skipped", summary: "Endpoint + key profiles don’t use Resource Manager." }),
          check({ area: "deployments", outcome: "skipped", summary: "Deployments are listed in the profile." }),
          check({
            area: "inference",
            outcome: "failed",
            summary: "The key was refused: it is wrong or was rotated. Paste the current key.",
            code: "401",
            requestId: "apim-4f2c",
          }),
        ],
        access: null,
      }),
    });
    const detail = await detailOf("Team endpoint");

    await user.click(within(detail).getByTestId("check-connection"));

    const inference = await within(detail).findByTestId("check-result-inference");
    expect(inference).toHaveAttribute("data-outcome", "failed");
    expect(inference).toHaveTextContent("The key was refused: it is wrong or was rotated.");
    expect(inference).toHaveTextContent("401");
    expect(inference).toHaveTextContent("apim-4f2c");
  });

  it("offers to sign in again when the check finds the sign-in expired", async () => {
    const { user } = renderConnections({
      list_profiles: () => [accountProfile()],
      list_tenants: () => sampleTenants(),
      list_subscriptions: never,
      check_connection: () => {
        throw commandError({
          kind: "signInRequired",
          message: "Your sign-in for Contoso expired. Sign in again.",
        });
      },
    });
    const detail = await detailOf("Contoso");

    await user.click(within(detail).getByTestId("check-connection"));

    expect(await within(detail).findByText("Your sign-in for Contoso expired. Sign in again.")).toBeVisible();
    expect(within(detail).getByTestId("sign-in-browser")).toBeVisible();
    expect(within(detail).getByTestId("sign-in-device-code")).toBeVisible();
    expect(within(detail).queryByTestId("check-result-arm")).not.toBeInTheDocument();
  });
});

import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ChatProblem, ConversationTarget, ProfileTargets } from "../../bindings";
import { accountProfile, endpointProfile, sandboxProfile } from "../../test/fixtures";
import { mockCommands } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { argsOf, gpt4oTarget, targetsFixture } from "../playground/testFixtures";
import { ProblemView } from "../playground/ProblemView";
import { signInProfileFor } from "./ChatAccessHelp";

const endpoint = gpt4oTarget.target.endpoint ?? "";

function problem(overrides: Partial<ChatProblem>): ChatProblem {
  return {
    kind: "auth",
    title: "This resource no longer accepts keys",
    action: "Key access was switched off on it: only Entra sign-in works.",
    code: null,
    message: "",
    status: 401,
    requestId: "req-401",
    retryAfterSecs: null,
    categories: [],
    ...overrides,
  };
}

const keyTarget: ConversationTarget = { profileId: "ep-1", deployment: "gpt-4o", endpoint };

describe("a chat refused for access", () => {
  it("points to what the person can do when the sign-in lacks the role", () => {
    renderWithQueries(
      <ProblemView
        problem={problem({
          kind: "forbidden",
          title: "You are signed in, but may not call this deployment",
          action: "Chatting needs the 'Cognitive Services OpenAI User' role on the resource.",
          code: "PermissionDenied",
          message: "The principal lacks the required data action.",
        })}
        target={{ ...keyTarget, profileId: "sandbox" }}
      />,
    );

    expect(screen.getByRole("alert")).toHaveTextContent(
      "Chatting needs the 'Cognitive Services OpenAI User' role on the resource.",
    );
    const link = screen.getByTestId("problem-access-link");
    expect(link).toHaveTextContent("What can I do here?");
    expect(link).toHaveAttribute("href", "#/deployments");
  });

  it("adds nothing to other problems", () => {
    renderWithQueries(<ProblemView problem={problem({ code: "401" })} target={keyTarget} />);
    expect(screen.queryByTestId("problem-access-note")).not.toBeInTheDocument();
    expect(screen.queryByTestId("problem-keys-off")).not.toBeInTheDocument();
  });

  it("switches an endpoint + key profile to a sign-in when the resource refuses keys", async () => {
    const user = userEvent.setup();
    const calls = mockCommands({
      list_profiles: () => [sandboxProfile(), endpointProfile({ endpoint })],
      playground_targets: () => targetsFixture,
      use_entra_sign_in: () => endpointProfile({ endpoint, signInWith: "sandbox" }),
    });
    renderWithQueries(
      <ProblemView
        problem={problem({
          code: "AuthenticationTypeDisabled",
          message: "Key based authentication is disabled for this resource.",
        })}
        target={keyTarget}
      />,
    );

    const useEntra = await screen.findByTestId("problem-use-entra");
    expect(useEntra).toHaveTextContent("Use Sandbox’s sign-in instead of the key");
    await user.click(useEntra);

    expect(await screen.findByTestId("problem-use-entra-done")).toHaveTextContent(
      "Team endpoint now signs in through Sandbox: send again.",
    );
    expect(argsOf(calls, "use_entra_sign_in")).toEqual([{ profileId: "ep-1", signInProfileId: "sandbox" }]);
  });

  it("says where to get a sign-in when no profile lists the endpoint", async () => {
    mockCommands({
      list_profiles: () => [endpointProfile({ endpoint })],
      playground_targets: () => [],
    });
    renderWithQueries(
      <ProblemView problem={problem({ code: "AuthenticationTypeDisabled" })} target={keyTarget} />,
    );

    expect(await screen.findByTestId("problem-no-sign-in")).toHaveTextContent(
      "No signed-in profile lists this endpoint",
    );
    expect(screen.queryByTestId("problem-use-entra")).not.toBeInTheDocument();
  });
});

describe("signInProfileFor", () => {
  const work = accountProfile({ id: "acct-work", name: "Work" });
  const lists = (profileId: string, at: string): ProfileTargets => ({
    profileId,
    profileName: profileId,
    targets: [{ ...gpt4oTarget, target: { ...gpt4oTarget.target, profileId, endpoint: at } }],
    problem: null,
  });

  it("takes the Sandbox, then a signed-in Azure account, that lists the endpoint", () => {
    const both = [lists("acct-work", endpoint), lists("sandbox", endpoint)];
    expect(signInProfileFor(endpoint, [work, sandboxProfile()], both)?.profile.id).toBe("sandbox");
    const unslashed = endpoint.replace(/\/$/, "").toUpperCase();
    expect(
      signInProfileFor(unslashed, [work, sandboxProfile()], [lists("acct-work", endpoint)])?.profile.id,
    ).toBe("acct-work");
  });

  it("takes no profile signed out, and the Sandbox for an endpoint it serves on this machine", () => {
    const signedOut = accountProfile({ id: "acct-work", signIn: "signedOut" });
    expect(signInProfileFor(endpoint, [signedOut], [lists("acct-work", endpoint)])).toBeNull();
    expect(signInProfileFor("http://127.0.0.1:41234/", [work, sandboxProfile()], [])?.profile.id).toBe("sandbox");
    expect(signInProfileFor(endpoint, [work, sandboxProfile()], [])).toBeNull();
  });
});

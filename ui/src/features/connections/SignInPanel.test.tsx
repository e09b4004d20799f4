import { waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ProfileView } from "../../bindings";
import { accountProfile, sampleTenants } from "../../test/fixtures";
import { commandError, never } from "../../test/mockCommands";
import { callsTo, detailOf, renderConnections } from "./testSupport";

const deviceCode = {
  signInId: "signin-42",
  userCode: "FDX7-K2PQ",
  verificationUri: "https://microsoft.com/devicelogin",
  expiresInSecs: 900,
};

const signedOut = () => accountProfile({ signIn: "signedOut", user: null, tenant: "organizations" });

/** A finish_sign_in that stays pending until the test says how it ends. */
function pendingFinish() {
  let settle: { resolve: (view: ProfileView) => void; reject: (error: unknown) => void } = {
    resolve: () => undefined,
    reject: () => undefined,
  };
  const reply = () =>
    new Promise<ProfileView>((resolve, reject) => {
      settle = { resolve, reject };
    });
  return { reply, settle: () => settle };
}

describe("signing in", () => {
  it("offers both ways to sign in to a signed-out account", async () => {
    renderConnections({ list_profiles: () => [signedOut()] });
    const detail = await detailOf("Contoso");

    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent("Not signed in");
    expect(within(detail).getByTestId("sign-in-browser")).toHaveTextContent("Sign in with browser");
    expect(within(detail).getByTestId("sign-in-device-code")).toHaveTextContent(
      "Sign in with a code",
    );
    expect(within(detail).getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(within(detail).queryByTestId("sign-in-again")).not.toBeInTheDocument();
    expect(within(detail).queryByTestId("tenant-select")).not.toBeInTheDocument();
  });

  it("shows a device code to copy, waits, and goes back to the choice on cancel", async () => {
    const finish = pendingFinish();
    const { user, calls } = renderConnections({
      list_profiles: () => [signedOut()],
      start_device_code: () => deviceCode,
      finish_sign_in: finish.reply,
      cancel_sign_in: () => {
        finish.settle().reject(commandError({ kind: "cancelled", message: "Sign-in cancelled." }));
        return null;
      },
    });
    const detail = await detailOf("Contoso");

    await user.click(within(detail).getByTestId("sign-in-device-code"));

    expect(await within(detail).findByTestId("device-code")).toHaveTextContent("FDX7-K2PQ");
    const link = within(detail).getByTestId("device-code-link");
    expect(link).toHaveTextContent("https://microsoft.com/devicelogin");
    expect(link).toHaveAttribute("href", "https://microsoft.com/devicelogin");
    expect(within(detail).getByTestId("device-code-waiting")).toHaveTextContent(
      "Waiting for you to sign in…",
    );
    expect(callsTo(calls, "finish_sign_in")).toEqual([
      { cmd: "finish_sign_in", args: { signInId: "signin-42" } },
    ]);

    await user.click(within(detail).getByTestId("device-code-copy"));
    expect(within(detail).getByTestId("device-code-copy")).toHaveTextContent("Copied");
    expect(await navigator.clipboard.readText()).toBe("FDX7-K2PQ");

    await user.click(within(detail).getByTestId("device-code-cancel"));

    expect(await within(detail).findByTestId("sign-in-device-code")).toBeVisible();
    expect(within(detail).queryByTestId("device-code")).not.toBeInTheDocument();
    expect(callsTo(calls, "cancel_sign_in")).toEqual([
      { cmd: "cancel_sign_in", args: { signInId: "signin-42" } },
    ]);
    // A cancel is the person's choice, not a failure.
    expect(within(detail).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says to copy the device code by hand when the clipboard refuses", async () => {
    const { user } = renderConnections({
      list_profiles: () => [signedOut()],
      start_device_code: () => deviceCode,
      finish_sign_in: never,
    });
    const detail = await detailOf("Contoso");
    await user.click(within(detail).getByTestId("sign-in-device-code"));
    await within(detail).findByTestId("device-code");
    const writeText = vi
      .spyOn(navigator.clipboard, "writeText")
      .mockRejectedValue(new Error("denied"));

    await user.click(within(detail).getByTestId("device-code-copy"));

    expect(
      await within(detail).findByText("Couldn’t copy: select the code and copy it yourself."),
    ).toBeVisible();
    expect(within(detail).getByTestId("device-code-copy")).toHaveTextContent("Copy code");
    expect(writeText).toHaveBeenCalledWith("FDX7-K2PQ");
    writeText.mockRestore();
  });

  it("shows why a sign-in was declined, with code and request id, and lets you try again", async () => {
    const { user, calls } = renderConnections({
      list_profiles: () => [signedOut()],
      start_device_code: () => deviceCode,
      finish_sign_in: () => {
        throw commandError({
          kind: "forbidden",
          message: "You declined the sign-in on the other device.",
          code: "AADSTS70000",
          requestId: "8c1f2e9a-0b7d-4c55-a1de-93f0c2b4e611",
        });
      },
    });
    const detail = await detailOf("Contoso");

    await user.click(within(detail).getByTestId("sign-in-device-code"));

    const alert = await within(detail).findByRole("alert");
    expect(alert).toHaveTextContent("Sign-in didn’t finish.");
    expect(alert).toHaveTextContent("You declined the sign-in on the other device.");
    expect(alert).toHaveTextContent("AADSTS70000");
    expect(alert).toHaveTextContent("8c1f2e9a-0b7d-4c55-a1de-93f0c2b4e611");
    expect(within(detail).queryByTestId("device-code-waiting")).not.toBeInTheDocument();

    await user.click(within(detail).getByTestId("sign-in-device-code"));
    await waitFor(() => expect(callsTo(calls, "start_device_code")).toHaveLength(2));
  });

  it("waits for the browser, then moves on to choosing a tenant", async () => {
    const finish = pendingFinish();
    let signedIn = false;
    const { user } = renderConnections({
      list_profiles: () => [signedIn ? accountProfile({ tenant: "organizations" }) : signedOut()],
      start_browser_sign_in: () => ({
        signInId: "signin-7",
        authorizeUrl: "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1",
      }),
      finish_sign_in: finish.reply,
      list_tenants: () => sampleTenants(),
      list_subscriptions: never,
    });
    const detail = await detailOf("Contoso");

    await user.click(within(detail).getByTestId("sign-in-browser"));

    expect(await within(detail).findByText("Finish signing in in your browser")).toBeVisible();
    expect(within(detail).getByLabelText(/browser didn’t open/)).toHaveValue(
      "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1",
    );
    expect(within(detail).getByTestId("device-code-waiting")).toBeVisible();
    expect(within(detail).getByTestId("device-code-cancel")).toBeVisible();

    signedIn = true;
    finish.settle().resolve(accountProfile({ tenant: "organizations" }));

    expect(await within(detail).findByTestId("tenant-select")).toBeVisible();
    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent("Signed in");
    expect(within(detail).getByTestId("profile-user")).toHaveTextContent("ada@contoso.com");
    expect(within(detail).queryByTestId("sign-in-browser")).not.toBeInTheDocument();
  });

  it("asks to sign in again when the sign-in expired", async () => {
    const { user } = renderConnections({
      list_profiles: () => [accountProfile({ signIn: "expired" })],
    });
    const detail = await detailOf("Contoso");

    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent(
      "Sign-in expired",
    );
    const heading = within(detail).getByRole("heading", { name: "Sign in again" });
    expect(within(detail).getByTestId("sign-in-browser")).toBeVisible();
    expect(within(detail).getByTestId("sign-in-device-code")).toBeVisible();
    expect(within(detail).queryByTestId("tenant-select")).not.toBeInTheDocument();

    await user.click(within(detail).getByTestId("sign-in-again"));
    expect(heading).toHaveFocus();
  });

  it("signs out a signed-in account", async () => {
    let signedIn = true;
    const { user, calls } = renderConnections({
      list_profiles: () => [signedIn ? accountProfile() : signedOut()],
      list_tenants: () => sampleTenants(),
      list_subscriptions: never,
      sign_out: () => {
        signedIn = false;
        return signedOut();
      },
    });
    const detail = await detailOf("Contoso");

    await user.click(within(detail).getByTestId("sign-out"));

    expect(await within(detail).findByTestId("sign-in-browser")).toBeVisible();
    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent("Not signed in");
    expect(within(detail).queryByTestId("sign-out")).not.toBeInTheDocument();
    expect(callsTo(calls, "sign_out")).toEqual([{ cmd: "sign_out", args: { profileId: "acct-1" } }]);
  });
});

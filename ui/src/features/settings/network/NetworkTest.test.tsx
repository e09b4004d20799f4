import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { NetworkSettings } from "../../../bindings";
import { createQueryClient } from "../../../lib/queryClient";
import { endpointProfile, sandboxProfile } from "../../../test/fixtures";
import { commandError, mockCommands, type CommandReplies } from "../../../test/mockCommands";
import { NetworkTest } from "./NetworkTest";

const manualProxy: NetworkSettings = {
  proxy: { mode: "manual", url: "http://proxy.contoso.com:8080", noProxy: [] },
  caCertificate: null,
  requestTimeoutSecs: 30,
};

function renderTest(replies: CommandReplies) {
  const calls = mockCommands({
    list_profiles: () => [sandboxProfile(), endpointProfile()],
    ...replies,
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <NetworkTest network={manualProxy} />
    </QueryClientProvider>,
  );
  return { calls, user: userEvent.setup() };
}

describe("network Test", () => {
  it("tests the settings being edited against the first real connection, and says how it went", async () => {
    const { calls, user } = renderTest({
      test_network: () => ({
        reached: true,
        host: "contoso.openai.azure.com:443",
        via: "proxy proxy.contoso.com:8080",
        status: 401,
        elapsedMs: 84,
        summary: "Reached contoso.openai.azure.com through the proxy proxy.contoso.com:8080 in 84 ms.",
        problem: null,
      }),
    });
    const profile = screen.getByTestId("network-test-profile");
    await screen.findByRole("option", { name: endpointProfile().profile.name });
    expect(profile).toHaveValue(endpointProfile().profile.id);

    await user.click(screen.getByTestId("network-test-run"));

    expect(await screen.findByText(/Reached contoso\.openai\.azure\.com through the proxy/)).toBeVisible();
    expect(calls.filter((c) => c.cmd === "test_network").map((c) => c.args)).toEqual([
      { profileId: endpointProfile().profile.id, network: manualProxy },
    ]);
  });

  it("shows what to do when the proxy refuses, and a command failure as an error", async () => {
    let answer = 0;
    const { user } = renderTest({
      test_network: () => {
        answer += 1;
        if (answer === 2) {
          throw commandError({ kind: "input", message: "network.proxy.url: not a URL" });
        }
        return {
          reached: false,
          host: "127.0.0.1:4010",
          via: "proxy proxy.contoso.com:8080",
          status: null,
          elapsedMs: null,
          summary: "The proxy proxy.contoso.com:8080 refused the connection: check the proxy address and port.",
          problem: "proxyRefused",
        };
      },
    });
    await screen.findByRole("option", { name: "Sandbox" });
    await user.selectOptions(screen.getByTestId("network-test-profile"), sandboxProfile().profile.id);
    await user.click(screen.getByTestId("network-test-run"));
    expect(await screen.findByTestId("network-test-result")).toHaveTextContent(
      "refused the connection: check the proxy address and port.",
    );

    await user.click(screen.getByTestId("network-test-run"));
    expect(await screen.findByRole("alert")).toHaveTextContent("network.proxy.url: not a URL");
  });
});

describe("network Test result", () => {
  it("goes away once the settings it was run with are edited", async () => {
    mockCommands({
      list_profiles: () => [sandboxProfile()],
      test_network: () => ({
        reached: true,
        host: "127.0.0.1:4010",
        via: "proxy proxy.contoso.com:8080",
        status: 200,
        elapsedMs: 12,
        summary: "Reached the Sandbox through the proxy proxy.contoso.com:8080 in 12 ms.",
        problem: null,
      }),
    });
    const queryClient = createQueryClient();
    const { rerender } = render(
      <QueryClientProvider client={queryClient}>
        <NetworkTest network={manualProxy} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await screen.findByRole("option", { name: "Sandbox" });
    await user.click(screen.getByTestId("network-test-run"));
    expect(await screen.findByText(/Reached the Sandbox/)).toBeVisible();

    // Same values again (a re-render): the result stays.
    rerender(
      <QueryClientProvider client={queryClient}>
        <NetworkTest network={{ ...manualProxy }} />
      </QueryClientProvider>,
    );
    expect(screen.getByText(/Reached the Sandbox/)).toBeVisible();

    rerender(
      <QueryClientProvider client={queryClient}>
        <NetworkTest network={{ ...manualProxy, proxy: { mode: "none" } }} />
      </QueryClientProvider>,
    );
    expect(screen.queryByText(/Reached the Sandbox/)).not.toBeInTheDocument();
  });
});

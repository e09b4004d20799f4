import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ChatProblem } from "../../bindings";
import { mockCommands } from "../../test/mockCommands";
import { ProblemView } from "./ProblemView";

function problem(overrides: Partial<ChatProblem>): ChatProblem {
  return {
    kind: "other",
    title: "Something went wrong",
    action: "Try again.",
    code: null,
    message: "",
    status: null,
    requestId: null,
    retryAfterSecs: null,
    categories: [],
    ...overrides,
  };
}

const throttled = problem({
  kind: "throttled",
  title: "'gpt-4o' has reached its rate limit",
  action: "Wait for the countdown, then retry: nothing was billed.",
  code: "429",
  message: "Requests to the ChatCompletions_Create Operation have exceeded call rate limit.",
  status: 429,
  requestId: "req-429-abc",
  retryAfterSecs: 3,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("ProblemView", () => {
  it("counts a 429 down, enables Retry only at zero, and never retries by itself", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    const onRetry = vi.fn();
    render(<ProblemView problem={throttled} onRetry={onRetry} />);

    const alert = screen.getByRole("alert");
    expect(alert).toHaveAttribute("data-kind", "throttled");
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 3 s");
    expect(screen.getByTestId("retry-button")).toBeDisabled();

    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 2 s");
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 1 s");
    expect(screen.getByTestId("retry-button")).toBeDisabled();

    act(() => vi.advanceTimersByTime(1000));
    expect(screen.queryByTestId("retry-countdown")).not.toBeInTheDocument();
    expect(screen.getByTestId("retry-button")).toBeEnabled();
    act(() => vi.advanceTimersByTime(60_000));
    expect(onRetry).not.toHaveBeenCalled();

    vi.useRealTimers();
    await userEvent.click(screen.getByTestId("retry-button"));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("starts a new countdown for a new 429", () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    const { rerender } = render(<ProblemView problem={throttled} onRetry={() => undefined} />);
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId("retry-button")).toBeEnabled();

    rerender(
      <ProblemView problem={{ ...throttled, retryAfterSecs: 11 }} onRetry={() => undefined} />,
    );
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 11 s");
    expect(screen.getByTestId("retry-button")).toBeDisabled();
  });

  it("counts from when the 429 arrived, so showing it again does not start the wait over", () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    const arrived = Date.now();
    const limited = { ...throttled, retryAfterSecs: 11 };
    const first = render(
      <ProblemView problem={limited} receivedAtMs={arrived} onRetry={() => undefined} />,
    );
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 6 s");
    first.unmount();

    act(() => vi.advanceTimersByTime(2000));
    render(<ProblemView problem={limited} receivedAtMs={arrived} onRetry={() => undefined} />);
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 4 s");
    expect(screen.getByTestId("retry-button")).toBeDisabled();

    act(() => vi.advanceTimersByTime(4000));
    expect(screen.queryByTestId("retry-countdown")).not.toBeInTheDocument();
    expect(screen.getByTestId("retry-button")).toBeEnabled();
  });

  it("shows Azure's code, message, status and request id verbatim, the id copyable", async () => {
    const user = userEvent.setup();
    render(
      <ProblemView
        problem={problem({
          kind: "notFound",
          title: "There is no deployment 'gpt-4o-old' at this endpoint",
          action: "Check the name on the Deployments screen, or pick another deployment.",
          code: "DeploymentNotFound",
          message: "The API deployment for this resource does not exist.",
          status: 404,
          requestId: "req-404-xyz",
        })}
        onRetry={() => undefined}
      />,
    );

    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("There is no deployment 'gpt-4o-old' at this endpoint");
    expect(alert).toHaveTextContent("Check the name on the Deployments screen");
    expect(screen.getByTestId("problem-details")).toHaveTextContent(
      "DeploymentNotFound · HTTP 404The API deployment for this resource does not exist." +
        "request id req-404-xyz",
    );
    expect(screen.getByRole("link", { name: "Open Deployments" })).toHaveAttribute(
      "href",
      "#/deployments",
    );
    // Retrying cannot find a missing deployment.
    expect(screen.queryByTestId("retry-button")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("copy-problem-request-id"));
    expect(await navigator.clipboard.readText()).toBe("req-404-xyz");
  });

  it("sends a paused or retired deployment to the Deployments screen", () => {
    const { rerender } = render(
      <ProblemView
        problem={problem({ kind: "paused", title: "'gpt-4o' is paused", code: "423", status: 423 })}
      />,
    );
    expect(screen.getByTestId("problem")).toHaveAttribute("data-kind", "paused");
    expect(screen.getByTestId("problem-link")).toHaveAttribute("href", "#/deployments");

    rerender(<ProblemView problem={problem({ kind: "retired", title: "Retired" })} />);
    expect(screen.getByTestId("problem-link")).toHaveAttribute("href", "#/deployments");
  });

  it("sends a sign-in problem to Connections", () => {
    render(<ProblemView problem={problem({ kind: "signInRequired", title: "Sign in again" })} />);
    expect(screen.getByRole("link", { name: "Open Connections" })).toHaveAttribute(
      "href",
      "#/connections",
    );
  });

  it("opens the quota request page through the shell when there is no quota", async () => {
    const calls = mockCommands({ open_link: () => null });
    render(<ProblemView problem={problem({ kind: "noQuota", title: "No quota" })} />);

    await userEvent.click(screen.getByRole("link", { name: "Request more quota" }));
    expect(calls).toEqual([
      { cmd: "open_link", args: { url: "https://aka.ms/oai/quotaincrease" } },
    ]);
  });

  it("names the categories of a refused prompt, and offers no retry (it was billed)", () => {
    render(
      <ProblemView
        problem={problem({
          kind: "promptFiltered",
          title: "The content filter blocked the prompt (violence)",
          action: "Rephrase the question.",
          code: "content_filter",
          message: "The response was filtered due to the prompt triggering Azure's policy.",
          status: 400,
          requestId: "req-filter",
          categories: ["violence"],
        })}
        onRetry={() => undefined}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Categories: violence");
    expect(screen.getByTestId("problem-details")).toHaveTextContent("content_filter · HTTP 400");
    expect(screen.queryByTestId("retry-button")).not.toBeInTheDocument();
  });

  it("offers Retry at once after a cut, a network failure or a filtered answer", () => {
    for (const kind of ["cut", "network", "answerFiltered"] as const) {
      const { unmount } = render(
        <ProblemView problem={problem({ kind, title: kind })} onRetry={() => undefined} />,
      );
      expect(screen.getByTestId("retry-button")).toBeEnabled();
      expect(screen.queryByTestId("retry-countdown")).not.toBeInTheDocument();
      unmount();
    }
  });
});

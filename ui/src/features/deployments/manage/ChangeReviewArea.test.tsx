import { QueryClientProvider, useMutation } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { DeploymentChange, DeploymentRow } from "../../../bindings";
import { createQueryClient } from "../../../lib/queryClient";
import { sampleDeploymentRow } from "../../../test/fixtures";
import { ChangeReviewArea } from "./ChangeReviewArea";
import { rowKey, sameChange } from "./reviewed";

type HarnessProps = {
  row: DeploymentRow;
  change: DeploymentChange | null;
  onApply: (change: DeploymentChange) => void;
};

/** The area with a review that passes, its request naming the capacity it checked. */
function Harness({ row, change, onApply }: HarnessProps) {
  const review = useMutation({
    mutationFn: async (checked: DeploymentChange) => ({
      problems: [],
      request: {
        method: "PATCH",
        url: "https://management.azure.com/deployments/chat-prod",
        body: JSON.stringify(checked),
      },
    }),
  });
  return (
    <ChangeReviewArea
      row={row}
      change={change}
      review={review}
      reviewTestId="review"
      apply={{ applying: false, mine: false, progress: null, error: null, onApply }}
    />
  );
}

function renderArea(props: HarnessProps) {
  const client = createQueryClient();
  const view = render(
    <QueryClientProvider client={client}>
      <Harness {...props} />
    </QueryClientProvider>,
  );
  return {
    rerender: (next: HarnessProps) =>
      view.rerender(
        <QueryClientProvider client={client}>
          <Harness {...next} />
        </QueryClientProvider>,
      ),
  };
}

const row = sampleDeploymentRow();
const to200: DeploymentChange = { kind: "scale", skuName: "GlobalStandard", capacity: 200 };
const to210: DeploymentChange = { kind: "scale", skuName: "GlobalStandard", capacity: 210 };

describe("ChangeReviewArea", () => {
  it("applies the change whose request is on screen", async () => {
    const user = userEvent.setup();
    const onApply = vi.fn();
    const area = renderArea({ row, change: to200, onApply });
    await user.click(screen.getByTestId("review"));
    expect(await screen.findByTestId("manage-request")).toHaveTextContent('"capacity":200');

    // The same change from a later render (another object): still what was reviewed.
    area.rerender({ row: { ...row }, change: { ...to200 }, onApply });
    await user.click(screen.getByTestId("manage-apply"));
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply.mock.calls[0]?.[0]).toBe(to200);
  });

  it("clears the review when the inputs make another change, for good", async () => {
    const user = userEvent.setup();
    const onApply = vi.fn();
    const area = renderArea({ row, change: to200, onApply });
    await user.click(screen.getByTestId("review"));
    await screen.findByTestId("manage-apply");

    area.rerender({ row, change: to210, onApply });
    expect(screen.queryByTestId("manage-request")).not.toBeInTheDocument();
    expect(screen.queryByTestId("manage-apply")).not.toBeInTheDocument();
    // Back to what was reviewed: still to be reviewed again.
    area.rerender({ row, change: to200, onApply });
    expect(screen.queryByTestId("manage-apply")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("review"));
    await user.click(await screen.findByTestId("manage-apply"));
    expect(onApply.mock.calls).toEqual([[to200]]);
  });

  it("clears the review when the deployment changes", async () => {
    const user = userEvent.setup();
    const onApply = vi.fn();
    const area = renderArea({ row, change: to200, onApply });
    await user.click(screen.getByTestId("review"));
    await screen.findByTestId("manage-apply");

    area.rerender({ row: { ...row, status: { kind: "paused" } }, change: to200, onApply });
    expect(screen.queryByTestId("manage-request")).not.toBeInTheDocument();
    expect(screen.queryByTestId("manage-apply")).not.toBeInTheDocument();
    area.rerender({ row, change: to200, onApply });
    expect(screen.queryByTestId("manage-apply")).not.toBeInTheDocument();
    expect(onApply).not.toHaveBeenCalled();
  });

  it("tells changes and rows apart by value", () => {
    expect(sameChange(to200, { ...to200 })).toBe(true);
    expect(sameChange(to200, to210)).toBe(false);
    expect(sameChange(to200, { kind: "pause" })).toBe(false);
    expect(sameChange({ kind: "pause" }, { kind: "pause" })).toBe(true);
    expect(sameChange({ kind: "pause" }, { kind: "resume" })).toBe(false);
    const model: DeploymentChange = { kind: "model", version: "1", versionUpgrade: null };
    expect(sameChange(model, { ...model })).toBe(true);
    expect(sameChange(model, { ...model, versionUpgrade: "NoAutoUpgrade" })).toBe(false);
    expect(rowKey({ ...row })).toBe(rowKey(row));
    expect(rowKey({ ...row, capacity: 180 })).not.toBe(rowKey(row));
  });
});

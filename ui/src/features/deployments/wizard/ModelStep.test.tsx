import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlanFacts } from "../../../bindings";
import { samplePlanFacts } from "../../../test/fixtures";
import { ModelStep } from "./ModelStep";

/** The step with its search held as the wizard holds it. */
function Harness({ facts }: { facts: PlanFacts }) {
  const [search, setSearch] = useState("");
  return (
    <ModelStep
      facts={facts}
      search={search}
      selectedKey={null}
      onSearch={setSearch}
      onSelect={() => undefined}
    />
  );
}

function clearTimings() {
  performance.clearMarks("fd:catalog-keystroke");
  performance.clearMeasures("catalog_search");
}

describe("ModelStep: search timing", () => {
  beforeEach(clearTimings);
  afterEach(clearTimings);

  it("measures from a keystroke to the frame after its list is shown, then drops the mark", async () => {
    const user = userEvent.setup();
    render(<Harness facts={samplePlanFacts()} />);
    expect(screen.getAllByTestId("model-option")).toHaveLength(4);

    await user.type(screen.getByTestId("model-search"), "mini");

    await waitFor(() => expect(screen.getAllByTestId("model-option")).toHaveLength(1));
    await waitFor(() =>
      expect(performance.getEntriesByName("catalog_search").length).toBeGreaterThan(0),
    );
    expect(performance.getEntriesByName("fd:catalog-keystroke")).toHaveLength(0);
    const [measure] = performance.getEntriesByName("catalog_search", "measure");
    expect(measure?.duration).toBeGreaterThanOrEqual(0);
  });

  it("measures nothing when the list was not asked for by a keystroke", async () => {
    render(<Harness facts={samplePlanFacts()} />);
    expect(screen.getAllByTestId("model-option")).toHaveLength(4);

    // A frame or two after mounting: still no measure.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(performance.getEntriesByName("catalog_search")).toHaveLength(0);
  });
});

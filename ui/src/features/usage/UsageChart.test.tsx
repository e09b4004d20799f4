import { act, render, screen, waitFor } from "@testing-library/react";
import type uPlot from "uplot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestsChart, tokensChart } from "./chartOptions";
import { UsageChart } from "./UsageChart";

// jsdom has no canvas. Here, and only here, a do-nothing 2D context, Path2D and ResizeObserver
// stand in for the browser's, so the wrapper's life cycle runs against the real uPlot.
const observers: FakeResizeObserver[] = [];
class FakeResizeObserver {
  constructor(readonly callback: ResizeObserverCallback) {
    observers.push(this);
  }
  observe() {}
  unobserve() {}
  disconnect() {
    observers.splice(observers.indexOf(this), 1);
  }
}
class FakePath2D {
  moveTo() {}
  lineTo() {}
  rect() {}
  arc() {}
  closePath() {}
  bezierCurveTo() {}
  addPath() {}
}
const fakeContext = new Proxy({} as Record<string | symbol, unknown>, {
  get: (target, key) => (key in target ? target[key] : () => undefined),
  set: (target, key, value) => {
    target[key] = value;
    return true;
  },
});
let width = 600;
const saved = {
  getContext: HTMLCanvasElement.prototype.getContext,
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientWidth"),
};

beforeAll(() => {
  Object.assign(globalThis, {
    CanvasRenderingContext2D: class {},
    Path2D: FakePath2D,
    ResizeObserver: FakeResizeObserver,
  });
  HTMLCanvasElement.prototype.getContext = (() => fakeContext) as never;
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => width });
});

afterAll(() => {
  HTMLCanvasElement.prototype.getContext = saved.getContext;
  if (saved.clientWidth) Object.defineProperty(HTMLElement.prototype, "clientWidth", saved.clientWidth);
});

const times = [0, 60_000, 120_000, 180_000];
const tokens = (prompt: (number | null)[]): uPlot.AlignedData => [
  times,
  prompt,
  prompt.map((value) => (value === null ? null : value * 2)),
  times.map(() => 1000),
];
const build = tokensChart(1000);

function chartBox(): HTMLElement {
  return screen.getByTestId("usage-chart-tokens");
}

async function drawn(): Promise<HTMLElement> {
  await waitFor(() => expect(chartBox()).toHaveAttribute("data-drawn", "true"));
  return chartBox();
}

describe("UsageChart", () => {
  it("draws with uPlot, says so on its box, and keeps the chart when only the data changes", async () => {
    const view = render(
      <UsageChart testId="usage-chart-tokens" label="Tokens" build={build} data={tokens([1, 2, null, 4])} />,
    );
    const box = await drawn();

    expect(box).toHaveAttribute("data-points", "4");
    expect(box).toHaveAccessibleName("Tokens");
    const legend = box.querySelector(".u-legend");
    expect(legend).toHaveTextContent("Prompt");
    expect(legend).toHaveTextContent("Completion");
    expect(legend).toHaveTextContent(`Limit ${(1000).toLocaleString()} tokens/min`);
    const chart = box.querySelector(".uplot");

    view.rerender(
      <UsageChart
        testId="usage-chart-tokens"
        label="Tokens"
        build={build}
        data={[[...times, 240_000], [1, 2, 3, 4, 5], [2, 4, 6, 8, 10], [1000, 1000, 1000, 1000, 1000]]}
      />,
    );

    await waitFor(() => expect(box).toHaveAttribute("data-points", "5"));
    expect(box).toHaveAttribute("data-drawn", "true");
    expect(box.querySelector(".uplot")).toBe(chart);
  });

  it("follows its box's width", async () => {
    width = 600;
    render(<UsageChart testId="usage-chart-tokens" label="Tokens" build={requestsChart()} data={[times, [1, 2, 3, 4], [0, 0, 1, 0], [0, 1, 0, 0]]} />);
    const box = await drawn();
    const wrap = box.querySelector<HTMLElement>(".u-wrap");
    expect(wrap?.style.width).toBe("600px");

    width = 420;
    act(() => {
      for (const observer of [...observers]) observer.callback([], observer as unknown as ResizeObserver);
    });

    await waitFor(() => expect(wrap?.style.width).toBe("420px"));
  });

  it("is made again in the new colours when the theme changes, and removed on unmount", async () => {
    const view = render(
      <UsageChart testId="usage-chart-tokens" label="Tokens" build={build} data={tokens([1, 2, 3, 4])} />,
    );
    const box = await drawn();
    const light = box.querySelector(".uplot");

    act(() => {
      document.documentElement.dataset.theme = "dark";
    });

    await waitFor(() => expect(box.querySelector(".uplot")).not.toBe(light));
    await waitFor(() => expect(box).toHaveAttribute("data-drawn", "true"));
    expect(box.querySelectorAll(".uplot")).toHaveLength(1);

    view.unmount();
    expect(box.querySelector(".uplot")).toBeNull();
    expect(observers).toHaveLength(0);
  });
});

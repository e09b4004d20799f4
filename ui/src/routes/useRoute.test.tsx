import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { hrefFor, paramsFromHash, routeFromHash, useRoute, useRouteParams } from "./useRoute";

describe("routes in the URL hash", () => {
  it("names a screen by its hash, whatever query follows it", () => {
    expect(routeFromHash("#/playground")).toBe("playground");
    expect(routeFromHash("#/playground?profile=sandbox&deployment=gpt-4o")).toBe("playground");
    expect(routeFromHash("#/about?")).toBe("about");
    expect(routeFromHash("#deployments?x=1")).toBe("deployments");
    expect(routeFromHash("#/nowhere?deployment=gpt-4o")).toBe("connections");
    expect(routeFromHash("#/?deployment=gpt-4o")).toBe("connections");
    expect(routeFromHash("")).toBe("connections");
  });

  it("builds links with an encoded query, leaving out empty values", () => {
    expect(hrefFor("about")).toBe("#/about");
    expect(hrefFor("about", {})).toBe("#/about");
    expect(
      hrefFor("playground", {
        profile: "sandbox",
        deployment: "gpt 4o&co",
        endpoint: "https://contoso.openai.azure.com/",
        missing: null,
        blank: "",
        absent: undefined,
      }),
    ).toBe(
      "#/playground?profile=sandbox&deployment=gpt+4o%26co&endpoint=https%3A%2F%2Fcontoso.openai.azure.com%2F",
    );
  });

  it("reads back what a link carries", () => {
    const href = hrefFor("playground", { deployment: "gpt 4o&co", endpoint: "https://x/?a=b" });
    const params = paramsFromHash(href);
    expect(params.get("deployment")).toBe("gpt 4o&co");
    expect(params.get("endpoint")).toBe("https://x/?a=b");
    expect(paramsFromHash("#/playground").toString()).toBe("");
  });

  it("re-renders with the screen and the query when the hash changes", () => {
    const { result } = renderHook(() => ({ route: useRoute(), params: useRouteParams() }));
    expect(result.current.route).toBe("connections");
    expect(result.current.params.toString()).toBe("");

    act(() => {
      window.location.hash = hrefFor("playground", { deployment: "gpt-4o", profile: "sandbox" });
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(result.current.route).toBe("playground");
    expect(result.current.params.get("deployment")).toBe("gpt-4o");
    expect(result.current.params.get("profile")).toBe("sandbox");

    // The same query gives the same object, so effects keyed on it do not run again.
    const before = result.current.params;
    act(() => window.dispatchEvent(new HashChangeEvent("hashchange")));
    expect(result.current.params).toBe(before);
  });
});

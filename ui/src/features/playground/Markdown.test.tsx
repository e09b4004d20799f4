import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ReactMarkdown from "react-markdown";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockCommands } from "../../test/mockCommands";
import { Markdown, markdownBlocks, safeUrl } from "./Markdown";

// Counts each block's parse: the real component, watched.
vi.mock("react-markdown", async (importOriginal) => {
  const actual = await importOriginal<typeof import("react-markdown")>();
  return { ...actual, default: vi.fn(actual.default) };
});

declare global {
  interface Window {
    __pwned?: number;
  }
}

afterEach(() => {
  vi.mocked(ReactMarkdown).mockClear();
  delete window.__pwned;
});

/** The texts each rendered block was parsed from, in order. */
function parsedTexts(): string[] {
  return vi.mocked(ReactMarkdown).mock.calls.map(([props]) => String(props.children));
}

describe("Markdown: what a reply may not do", () => {
  it("shows raw HTML as text: no script runs, no element is made, no javascript: link", () => {
    const reply = [
      "Here you go: <script>window.__pwned=1</script>",
      "",
      '<img src=x onerror="window.__pwned=1">',
      "",
      "<div onclick=\"window.__pwned=1\">block html</div>",
      "",
      "[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1)) and [z](data:text/html,hi)",
      "",
      "![pic](javascript:alert(1))",
    ].join("\n");
    const { container } = render(<Markdown text={reply} />);

    expect(container.querySelector("script, img, iframe, div[onclick], [onerror]")).toBeNull();
    expect(container).toHaveTextContent("<script>window.__pwned=1</script>");
    expect(container).toHaveTextContent('<img src=x onerror="window.__pwned=1">');
    expect(window.__pwned).toBeUndefined();
    for (const anchor of container.querySelectorAll("a")) {
      expect(anchor.getAttribute("href") ?? "").not.toMatch(/^\s*(javascript|data):/i);
    }
    // The link text stays, with nothing to follow.
    expect(screen.queryByRole("link", { name: "x" })).not.toBeInTheDocument();
    expect(screen.getByText("x")).toBeVisible();
    expect(screen.getByText("Image: pic")).toBeVisible();
  });

  it("keeps only web and mail addresses", () => {
    expect(safeUrl("https://learn.microsoft.com/azure")).toBe("https://learn.microsoft.com/azure");
    expect(safeUrl("HTTP://example.com")).toBe("HTTP://example.com");
    expect(safeUrl("mailto:ada@contoso.com")).toBe("mailto:ada@contoso.com");
    for (const refused of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "vbscript:x",
      "data:text/html,<b>",
      "file:///etc/passwd",
      "/relative/path",
      "#anchor",
      "tauri://localhost",
    ]) {
      expect(safeUrl(refused)).toBeNull();
    }
  });

  it("opens a web link through the shell, never in the window", async () => {
    const calls = mockCommands({ open_link: () => null });
    render(<Markdown text="See [the docs](https://learn.microsoft.com/azure/ai-services/)." />);

    const link = screen.getByRole("link", { name: "the docs" });
    expect(link).toHaveAttribute("href", "https://learn.microsoft.com/azure/ai-services/");
    await userEvent.click(link);

    expect(calls).toEqual([
      { cmd: "open_link", args: { url: "https://learn.microsoft.com/azure/ai-services/" } },
    ]);
    expect(window.location.href).not.toContain("learn.microsoft.com");
  });
});

describe("Markdown: rendering", () => {
  it("renders GFM: emphasis, lists, tables and strikethrough", () => {
    const { container } = render(
      <Markdown
        text={[
          "# Title",
          "",
          "**Paris** is *the* capital. ~~Lyon~~",
          "",
          "- one",
          "- two",
          "",
          "| City | Country |",
          "| --- | --- |",
          "| Paris | France |",
        ].join("\n")}
      />,
    );

    // Below the screen's own headings in the outline.
    expect(screen.getByRole("heading", { level: 3, name: "Title" })).toBeVisible();
    expect(container.querySelector("strong")).toHaveTextContent("Paris");
    expect(container.querySelector("del")).toHaveTextContent("Lyon");
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "one",
      "two",
    ]);
    expect(screen.getByRole("table")).toHaveTextContent("ParisFrance");
  });

  it("heads a code block with its language and copies the code exactly as written", async () => {
    const user = userEvent.setup();
    const code = 'def greet(name):\n    return f"Hello, {name}!"\n\n\nprint(greet("Ada"))';
    render(<Markdown text={`Try this:\n\n\`\`\`python\n${code}\n\`\`\`\n\nThat's all.`} />);

    const block = screen.getByText("python").closest(".md-code");
    expect(block).not.toBeNull();
    const pre = (block as HTMLElement).querySelector("pre");
    expect(pre?.textContent).toBe(`${code}\n`);
    // Highlighted.
    expect(pre?.querySelector(".hljs-keyword")).toHaveTextContent("def");

    const copy = within(block as HTMLElement).getByTestId("code-copy");
    await user.click(copy);
    expect(copy).toHaveTextContent("Copied");
    expect(await navigator.clipboard.readText()).toBe(code);
  });

  it("names a block without a language 'text'; each copy button copies its own code", async () => {
    const user = userEvent.setup();
    render(<Markdown text={"```\nplain one\n```\n\n~~~js\nconst two = 2;\n~~~"} />);

    expect(screen.getByText("text")).toBeVisible();
    expect(screen.getByText("js")).toBeVisible();
    const [first, second] = screen.getAllByTestId("code-copy");
    await user.click(second as HTMLElement);
    expect(await navigator.clipboard.readText()).toBe("const two = 2;");
    await user.click(first as HTMLElement);
    expect(await navigator.clipboard.readText()).toBe("plain one");
  });
});

describe("Markdown: streaming", () => {
  it("cuts at blank lines, never inside a fence, keeping lists and indented parts whole", () => {
    expect(markdownBlocks("One.\n\nTwo\nstill two.\n\n\n# Three")).toEqual([
      "One.",
      "Two\nstill two.",
      "# Three",
    ]);
    expect(markdownBlocks("Code:\n\n```py\na = 1\n\nb = 2\n```\n\nAfter.")).toEqual([
      "Code:",
      "```py\na = 1\n\nb = 2\n```",
      "After.",
    ]);
    // A longer fence is closed only by one as long; ~~~ does not close ```.
    expect(markdownBlocks("````md\n```\n\n~~~\n````\n\nx")).toEqual([
      "````md\n```\n\n~~~\n````",
      "x",
    ]);
    expect(markdownBlocks("1. first\n\n   more about it\n\n2. second\n\nAfter.")).toEqual([
      "1. first\n\n   more about it\n\n2. second",
      "After.",
    ]);
    // An unclosed fence runs to the end, as the answer is still arriving.
    expect(markdownBlocks("Start.\n\n```js\nlet a = 1;\n\nlet b")).toEqual([
      "Start.",
      "```js\nlet a = 1;\n\nlet b",
    ]);
    expect(markdownBlocks("\n\n")).toEqual([]);
    // Inline code with three backticks is no fence.
    expect(markdownBlocks("```a``` b\n\nc")).toEqual(["```a``` b", "c"]);
  });

  it("parses again only the last block as the text grows", () => {
    const first = "First paragraph, **done**.";
    const second = "Second paragraph, also done.";
    const { rerender, container } = render(<Markdown text={`${first}\n\nThird is gr`} streaming />);
    expect(parsedTexts()).toEqual([first, "Third is gr"]);
    vi.mocked(ReactMarkdown).mockClear();

    rerender(<Markdown text={`${first}\n\nThird is growing`} streaming />);
    expect(parsedTexts()).toEqual(["Third is growing"]);
    vi.mocked(ReactMarkdown).mockClear();

    rerender(<Markdown text={`${first}\n\n${second}\n\nFour`} streaming />);
    expect(parsedTexts()).toEqual([second, "Four"]);
    expect(container.querySelector(".markdown")).toHaveAttribute("data-streaming", "true");

    vi.mocked(ReactMarkdown).mockClear();
    rerender(<Markdown text={`${first}\n\n${second}\n\nFour.`} />);
    expect(container.querySelector(".markdown")).not.toHaveAttribute("data-streaming");
    // Finished without references: still block by block, so only the last block is read again
    // (a long answer is never re-read whole at its end).
    expect(parsedTexts()).toEqual(["Four."]);
  });

  it("resolves links and footnotes defined in another block once the text is whole", () => {
    const reply = [
      "Read [the quota docs][quota] first.",
      "",
      "Limits apply per region.[^1]",
      "",
      "[quota]: https://learn.microsoft.com/azure/ai-services/openai/quotas-limits",
      "",
      "[^1]: Tokens per minute, per deployment.",
    ].join("\n");
    const { rerender } = render(<Markdown text={reply} streaming />);
    // Mid-stream the definitions may not have arrived: shown as typed.
    expect(screen.queryByRole("link", { name: "the quota docs" })).not.toBeInTheDocument();

    rerender(<Markdown text={reply} />);

    expect(screen.getByRole("link", { name: "the quota docs" })).toBeVisible();
    expect(screen.queryByText(/\[quota\]/)).not.toBeInTheDocument();
    expect(screen.queryByText(/\[\^1\]/)).not.toBeInTheDocument();
    expect(screen.getByText("Tokens per minute, per deployment.", { exact: false })).toBeVisible();
  });

  it("shows an unclosed fence as code while it streams, then the text after it once closed", () => {
    const { rerender, container } = render(
      <Markdown text={"Here:\n\n```python\nprint('hi')\n\nx = 1"} streaming />,
    );
    const pre = container.querySelector("pre");
    expect(pre?.textContent).toContain("print('hi')\n\nx = 1");
    expect(screen.getByText("python")).toBeVisible();

    const closed = "Here:\n\n```python\nprint('hi')\n\nx = 1\n```\n\nDone.";
    rerender(<Markdown text={closed} streaming />);
    expect(container.querySelectorAll("pre")).toHaveLength(1);
    expect(screen.getByText("Done.").tagName).toBe("P");
  });
});

import { memo, useMemo, type ReactElement, type ReactNode } from "react";
import renderMarkdown, { type Components, type ExtraProps } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { CopyButton } from "../../components/CopyButton";
import { ExternalLink } from "../../components/ExternalLink";

type MarkdownProps = {
  text: string;
  /** The text is still growing: the last block may be cut anywhere, a caret follows it. */
  streaming?: boolean;
};

type HastElement = NonNullable<ExtraProps["node"]>;
type HastChild = HastElement["children"][number];

// Azure's model output is untrusted text. There is no rehype-raw: react-markdown turns raw HTML
// into plain text, so a `<script>` or `<img onerror>` in a reply is shown, never parsed. Links
// keep only web and mail addresses (no javascript:, data:, file: or relative ones), and open
// through the shell like every link of the app.
const remarkPlugins = [remarkGfm];
const rehypePlugins = [rehypeHighlight];

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(\s|$)/;

/** Keeps only http(s) and mailto addresses; anything else leaves the link without a target. */
export function safeUrl(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url : null;
}

/** Whether a non-blank line after blank lines starts a new top-level block. */
function startsBlock(line: string, block: readonly string[]): boolean {
  // Indented: the continuation of a list item (or indented code) above the blank line.
  if (/^[ \t]/.test(line)) return false;
  // The next item of a list that the block holds: one list stays one block.
  if (LIST_ITEM.test(line) && block.some((previous) => LIST_ITEM.test(previous))) return false;
  return true;
}

/**
 * The text cut into top-level blocks at blank lines, never inside a ``` or ~~~ fence (an
 * unclosed fence runs to the end, as Markdown reads it). Only the last block grows while an
 * answer streams, so the blocks before it need not be parsed again.
 */
export function markdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let block: string[] = [];
  let blanks = 0;
  let fence: { char: string; length: number } | null = null;
  for (const line of text.split("\n")) {
    if (fence !== null) {
      block.push(line);
      const close = line.match(/^ {0,3}(`{3,}|~{3,})\s*$/);
      const marks = close?.[1];
      if (marks !== undefined && marks.charAt(0) === fence.char && marks.length >= fence.length) {
        fence = null;
      }
      continue;
    }
    if (line.trim() === "") {
      if (block.length > 0) blanks += 1;
      continue;
    }
    if (blanks > 0) {
      if (startsBlock(line, block)) {
        blocks.push(block.join("\n"));
        block = [];
      } else {
        for (let i = 0; i < blanks; i += 1) block.push("");
      }
      blanks = 0;
    }
    block.push(line);
    const open = line.match(FENCE_OPEN)?.[1];
    // A backtick fence's info string has no backtick (else it is inline code: ```a``` ).
    const info = open === undefined ? "" : line.slice(line.indexOf(open) + open.length);
    if (open !== undefined && !(open.startsWith("`") && info.includes("`"))) {
      fence = { char: open.charAt(0), length: open.length };
    }
  }
  if (block.length > 0) blocks.push(block.join("\n"));
  return blocks;
}

function textOf(node: HastChild | HastElement): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** The fenced code's language ("python") from `class="language-python"`, when it has one. */
function languageOf(code: HastElement): string | null {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return null;
  const name = classes.map(String).find((value) => value.startsWith("language-"));
  return name === undefined ? null : name.slice("language-".length);
}

function CodeBlockView({ node, children }: { node: HastElement | undefined; children: ReactNode }) {
  const code = node?.children.find(
    (child): child is HastElement => child.type === "element" && child.tagName === "code",
  );
  // Markdown ends a fence's text with a newline; the copy is the code as it was written.
  const text = code === undefined ? "" : textOf(code).replace(/\n$/, "");
  const language = code === undefined ? null : languageOf(code);
  return (
    <div className="md-code">
      <div className="md-code-header">
        <span className="md-code-language">{language ?? "text"}</span>
        <CopyButton text={text} label="Copy code" testId="code-copy" />
      </div>
      <pre className="md-code-pre" tabIndex={0}>
        {children}
      </pre>
    </div>
  );
}

/** Reply headings sit below the screen's and the panels' own (h1, h2) in the outline. */
function heading(level: 3 | 4 | 5 | 6, look: string): Components["h1"] {
  const Tag = `h${level}` as const;
  return function Heading({ children }) {
    return <Tag className={`md-heading md-${look}`}>{children}</Tag>;
  };
}

const components: Components = {
  a({ href, children }) {
    return href ? (
      <ExternalLink href={href} className="md-link">
        {children}
      </ExternalLink>
    ) : (
      <span className="md-link-dropped">{children}</span>
    );
  },
  // The CSP loads no remote image: an image is offered as a link to open in the browser.
  img({ src, alt }) {
    const name = alt ? `Image: ${alt}` : "Image";
    return typeof src === "string" && src !== "" ? (
      <ExternalLink href={src} className="md-link">
        {name}
      </ExternalLink>
    ) : (
      <span className="md-link-dropped">{name}</span>
    );
  },
  pre({ node, children }) {
    return <CodeBlockView node={node}>{children}</CodeBlockView>;
  },
  table({ children }) {
    return (
      <div className="md-table">
        <table>{children}</table>
      </div>
    );
  },
  h1: heading(3, "h1"),
  h2: heading(4, "h2"),
  h3: heading(5, "h3"),
  h4: heading(6, "h4"),
  h5: heading(6, "h5"),
  h6: heading(6, "h6"),
};

/** Finished blocks as rendered, by their text (least recently shown first). */
const rendered = new Map<string, ReactElement>();
/** The characters of the blocks kept: a long conversation's worth, a few MB of elements at most. */
const RENDERED_CHARS_KEPT = 400_000;
let renderedChars = 0;

function parse(text: string): ReactElement {
  // react-markdown's synchronous `Markdown` is a plain function of its options (no hooks), so the
  // element it returns can be kept and shown again.
  return renderMarkdown({
    children: text,
    remarkPlugins,
    rehypePlugins,
    urlTransform: safeUrl,
    components,
  });
}

/**
 * A finished block is parsed and highlighted once, however often it is shown: when an answer stops
 * streaming its blocks move to the message list, which would otherwise read the whole answer again
 * in one long task; a regenerate, a reopened conversation and Compare show the same blocks again.
 */
function finishedBlock(text: string): ReactElement {
  const kept = rendered.get(text);
  if (kept !== undefined) {
    rendered.delete(text);
    rendered.set(text, kept);
    return kept;
  }
  const element = parse(text);
  rendered.set(text, element);
  renderedChars += text.length;
  for (const oldest of rendered.keys()) {
    if (renderedChars <= RENDERED_CHARS_KEPT || oldest === text) break;
    rendered.delete(oldest);
    renderedChars -= oldest.length;
  }
  return element;
}

/**
 * One top-level block; only its text and whether it still grows are props, so a finished block
 * never renders again. A growing block is parsed each time and not kept: its next text differs.
 */
const MarkdownBlock = memo(function MarkdownBlock({
  text,
  growing,
}: {
  text: string;
  growing: boolean;
}) {
  return growing ? parse(text) : finishedBlock(text);
});

/** A link reference definition (`[x]: https://…`) or a footnote (`[^1]`). */
const REFERENCES = /^ {0,3}\[[^\]]+\]:\s|\[\^[^\]\s]+\]/m;

/**
 * A model's reply as Markdown: GFM, highlighted code with a copy button, no raw HTML. Each
 * top-level block is parsed on its own (while it streams, only the growing one again), unless a
 * finished text has link definitions or footnotes: those resolve only when the text is read whole.
 */
export function Markdown({ text, streaming = false }: MarkdownProps) {
  const blocks = useMemo(
    () => (streaming || !REFERENCES.test(text) ? markdownBlocks(text) : [text]),
    [text, streaming],
  );
  return (
    <div className="markdown" data-streaming={streaming || undefined}>
      {blocks.map((block, index) => (
        // Blocks only ever grow at the end, so the index names a block for its whole life.
        <MarkdownBlock key={index} text={block} growing={streaming && index === blocks.length - 1} />
      ))}
    </div>
  );
}

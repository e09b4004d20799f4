/**
 * Where an arrow key moves in a tab list or radio group (the ARIA patterns): to the next or previous
 * item, wrapping, or to the first or last with Home and End. `null` for any other key. Horizontal
 * lists move with Left and Right, vertical ones with Up and Down; `both` takes all four.
 */
export function rovingIndex(
  key: string,
  index: number,
  count: number,
  orientation: "horizontal" | "vertical" | "both" = "horizontal",
): number | null {
  const last = count - 1;
  const forwardKeys = { horizontal: ["ArrowRight"], vertical: ["ArrowDown"], both: ["ArrowRight", "ArrowDown"] };
  const backKeys = { horizontal: ["ArrowLeft"], vertical: ["ArrowUp"], both: ["ArrowLeft", "ArrowUp"] };
  if (count <= 0) return null;
  if (forwardKeys[orientation].includes(key)) return index >= last ? 0 : index + 1;
  if (backKeys[orientation].includes(key)) return index <= 0 ? last : index - 1;
  if (key === "Home") return 0;
  if (key === "End") return last;
  return null;
}

import type { ModelChoice, PlanFacts } from "../../../bindings";

// Step 1: models, and the search over them.

/** Names one model version among all: format, name and version. */
export function modelKey(model: Pick<ModelChoice, "format" | "name" | "version">): string {
  return `${model.format}\n${model.name}\n${model.version}`;
}

export function findModel(facts: PlanFacts, key: string | null): ModelChoice | undefined {
  return key === null ? undefined : facts.models.find((model) => modelKey(model) === key);
}

/** The typed words, lower-cased; blanks dropped. */
export function searchWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "");
}

/** What a search looks in: name, format and version, lower-cased. */
export function searchText(model: ModelChoice): string {
  return `${model.name} ${model.format} ${model.version}`.toLowerCase();
}

/** The models every typed word is found in (name, format or version, any case). */
export function filterModels(
  models: readonly ModelChoice[],
  query: string,
  texts: readonly string[] = models.map(searchText),
): ModelChoice[] {
  const words = searchWords(query);
  if (words.length === 0) {
    return [...models];
  }
  return models.filter((_, index) => {
    const text = texts[index] ?? "";
    return words.every((word) => text.includes(word));
  });
}

/**
 * Endpoints compare without case or trailing slashes: Azure and a typed one may differ so. A
 * missing or empty one matches nothing.
 */
export function sameEndpoint(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const plain = (endpoint: string) => endpoint.trim().replace(/\/+$/, "").toLowerCase();
  return plain(a) === plain(b);
}

import type { ReactNode } from "react";
import type { RouteId } from "../routes/routes";

type ScreenProps = { id: RouteId; title: string; children: ReactNode };

/** A screen's root: its `<h1>` and the `screen-<id>` test id the end-to-end tests wait for. */
export function Screen({ id, title, children }: ScreenProps) {
  const headingId = `screen-${id}-title`;
  return (
    <section className="screen" data-testid={`screen-${id}`} aria-labelledby={headingId}>
      <h1 id={headingId} className="screen-title">
        {title}
      </h1>
      {children}
    </section>
  );
}

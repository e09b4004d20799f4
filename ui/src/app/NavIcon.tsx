import type { ReactElement } from "react";
import type { RouteId } from "../routes/routes";

// 16px line icons drawn in currentColor, so they follow the link's colour and theme.
const paths: Record<RouteId, ReactElement> = {
  connections: (
    <>
      <path d="M6.5 9.5l3-3" />
      <path d="M7.25 4.25l.9-.9a2.6 2.6 0 0 1 3.6 3.6l-.9.9" />
      <path d="M8.75 11.75l-.9.9a2.6 2.6 0 0 1-3.6-3.6l.9-.9" />
    </>
  ),
  deployments: (
    <>
      <path d="M8 1.75l5.5 3v6.5L8 14.25l-5.5-3v-6.5z" />
      <path d="M2.5 4.75L8 7.75l5.5-3M8 7.75v6.5" />
    </>
  ),
  playground: <path d="M2.75 3.25h10.5v7H7.5l-3 2.5v-2.5H2.75z" />,
  settings: (
    <>
      <path d="M2.5 4.5h11M2.5 11.5h11" />
      <circle cx="5.5" cy="4.5" r="1.75" className="nav-icon-knob" />
      <circle cx="10.5" cy="11.5" r="1.75" className="nav-icon-knob" />
    </>
  ),
  about: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 7.25v3.75" />
      <path d="M8 4.9v.1" />
    </>
  ),
};

/** The icon beside a sidebar entry; decorative, the entry's text names it. */
export function NavIcon({ id }: { id: RouteId }) {
  return (
    <svg className="nav-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {paths[id]}
    </svg>
  );
}

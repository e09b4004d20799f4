import { routes, type Route, type RouteId } from "../routes/routes";
import { hrefFor } from "../routes/useRoute";
import { NavIcon } from "./NavIcon";

type SidebarProps = { current: RouteId };

/** The app's left column: name at the top, the screens, About at the bottom. */
export function Sidebar({ current }: SidebarProps) {
  const link = (route: Route) => (
    <li key={route.id}>
      <a
        className="nav-link"
        href={hrefFor(route.id)}
        data-testid={`nav-${route.id}`}
        aria-current={route.id === current ? "page" : undefined}
      >
        <NavIcon id={route.id} />
        <span>{route.label}</span>
      </a>
    </li>
  );

  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Foundry Desk</span>
      </div>
      <nav aria-label="Main" className="nav">
        <ul className="nav-list">{routes.filter((r) => r.place === "main").map(link)}</ul>
        <ul className="nav-list">{routes.filter((r) => r.place === "footer").map(link)}</ul>
      </nav>
    </aside>
  );
}

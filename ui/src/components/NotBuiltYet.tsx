type NotBuiltYetProps = { description: string };

/** The empty state of a screen whose feature has not been written yet. */
export function NotBuiltYet({ description }: NotBuiltYetProps) {
  return (
    <div className="empty-state">
      <svg className="empty-state-icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="8.5" />
        <path d="M12 7.5V12l3 2" />
      </svg>
      <p className="empty-state-title">Not built yet</p>
      <p className="empty-state-text">{description}</p>
    </div>
  );
}

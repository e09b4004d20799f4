import { errorDetails } from "../lib/errorDetails";

type ErrorNoticeProps = {
  title: string;
  error: unknown;
  /** Shows a "Try again" button when given. */
  onRetry?: () => void;
};

/** A failure, said plainly: Rust's message, and the code and request id support will ask for. */
export function ErrorNotice({ title, error, onRetry }: ErrorNoticeProps) {
  const { message, code, requestId } = errorDetails(error);
  return (
    <div className="error-notice" role="alert">
      <p className="error-notice-title">{title}</p>
      <p className="error-notice-message">{message}</p>
      {(code !== null || requestId !== null) && (
        <dl className="error-notice-meta">
          {code !== null && (
            <div>
              <dt>Code</dt>
              <dd>{code}</dd>
            </div>
          )}
          {requestId !== null && (
            <div>
              <dt>Request ID</dt>
              <dd>{requestId}</dd>
            </div>
          )}
        </dl>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

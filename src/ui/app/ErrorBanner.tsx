import { selectActions, selectError, useAppStore } from '../../store';

export function ErrorBanner() {
  const error = useAppStore(selectError);
  const { dismissError } = useAppStore(selectActions);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <strong>Error:</strong> <span className="error-text">{error}</span>
      <button type="button" className="btn btn-small" onClick={dismissError} aria-label="Dismiss error">
        Dismiss
      </button>
    </div>
  );
}

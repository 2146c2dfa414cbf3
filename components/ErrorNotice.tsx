/** A failure the engineer must read: what happened and what to do, announced to screen readers. */
export function ErrorNotice({ message, action }: { message: string; action?: { label: string; run(): void } }) {
  return (
    <div className="so-error" role="alert">
      <span>{message}</span>
      {action && (
        <button type="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

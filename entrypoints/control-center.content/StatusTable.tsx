/** A car status as readable lines (never raw JSON only). */
import { statusLines } from '@/lib/control-center/car-status-view';

export function StatusTable({ status, label }: { status: unknown; label: string }) {
  if (typeof status !== 'object' || status === null || Array.isArray(status)) {
    return <p aria-label={label}>{JSON.stringify(status)}</p>;
  }
  return (
    <dl className="so-status" aria-label={label}>
      {statusLines(status as Record<string, unknown>, new Date()).map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

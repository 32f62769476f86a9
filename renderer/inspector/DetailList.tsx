import type { ReactNode } from 'react';

/** A definition list of label → value rows; rows without a value are left out. */
export function DetailList({ rows }: { rows: Array<[string, ReactNode | null | undefined]> }) {
  return (
    <dl className="detail-list">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label} className="detail-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

import type { ReactNode } from 'react';

export function Alert(p: { type: 'info' | 'success' | 'warning' | 'danger'; title: string; children?: ReactNode; role?: 'status' | 'alert' }) {
  const icon = p.type === 'danger' ? 'danger' : p.type === 'success' ? 'success' : p.type === 'warning' ? 'warning' : 'info';
  return (
    <div className={`kern-alert kern-alert--${p.type}`} role={p.role ?? (p.type === 'danger' ? 'alert' : 'status')}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />
        <span className="kern-title">{p.title}</span>
      </div>
      {p.children ? <div className="kern-alert__body">{p.children}</div> : null}
    </div>
  );
}

// Alerts for staff: things a visitor must never see but staff must (a write that failed, a
// disk filling up). Visitors keep their flow; the shell shows a discreet corner mark and the
// staff panel lists the alerts with what to do.

export type AlertKind = 'storage-failed' | 'storage-high' | 'storage-unavailable' | 'clock-jump';

export interface StaffAlert {
  kind: AlertKind;
  /** What happened and what to do, in Italian (staff language) — English in `en`. */
  it: string;
  en: string;
  at: number;
  /** How many times it happened since the first. */
  count: number;
}

export class StaffAlerts {
  private readonly byKind = new Map<AlertKind, StaffAlert>();
  private readonly listeners = new Set<(alerts: StaffAlert[]) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get list(): StaffAlert[] {
    return [...this.byKind.values()].sort((a, b) => b.at - a.at);
  }

  raise(kind: AlertKind, text: { it: string; en: string }): void {
    const previous = this.byKind.get(kind);
    this.byKind.set(kind, { kind, ...text, at: this.now(), count: (previous?.count ?? 0) + 1 });
    this.emit();
  }

  clear(kind: AlertKind): void {
    if (this.byKind.delete(kind)) this.emit();
  }

  subscribe(listener: (alerts: StaffAlert[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const list = this.list;
    for (const listener of this.listeners) listener(list);
  }
}

// The hidden gesture that opens the staff panel: press and hold the two top corners of the
// screen at the same time for 3 seconds. A visitor will not do it by chance (two hands, two
// far corners, held still), and it survives touch quirks: it follows pointers by id, ignores
// a finger that drifts a little, and cancels on lift, on pointercancel or on a third finger.

export const CORNER_PX = 96;
export const HOLD_MS = 3000;
/** How far a held finger may drift (px) before the hold is off. */
export const DRIFT_PX = 40;

interface Held {
  corner: 'left' | 'right';
  x: number;
  y: number;
}

export interface CornerHoldOptions {
  width: () => number;
  onTrigger: () => void;
  /** Told when both corners are held (true) or let go (false), for a subtle progress ring. */
  onArmed?: (armed: boolean) => void;
  holdMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class CornerHold {
  private readonly held = new Map<number, Held>();
  /** Pointers that took part in an armed hold: their lift must not also act as a tap. */
  private readonly claimed = new Set<number>();
  private timer: unknown;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: CornerHoldOptions) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  private cornerAt(x: number, y: number): Held['corner'] | null {
    if (y > CORNER_PX) return null;
    if (x <= CORNER_PX) return 'left';
    if (x >= this.options.width() - CORNER_PX) return 'right';
    return null;
  }

  down(id: number, x: number, y: number): void {
    const corner = this.cornerAt(x, y);
    if (!corner || this.held.size >= 2) {
      this.reset();
      return;
    }
    this.held.set(id, { corner, x, y });
    const corners = new Set([...this.held.values()].map((h) => h.corner));
    if (corners.size === 2 && this.timer === undefined) {
      for (const held of this.held.keys()) this.claimed.add(held);
      this.options.onArmed?.(true);
      this.timer = this.setTimer(() => {
        this.timer = undefined;
        this.held.clear();
        this.options.onArmed?.(false);
        this.options.onTrigger();
      }, this.options.holdMs ?? HOLD_MS);
    }
  }

  move(id: number, x: number, y: number): void {
    const held = this.held.get(id);
    if (held && Math.hypot(x - held.x, y - held.y) > DRIFT_PX) this.reset();
  }

  up(id: number): void {
    if (this.held.has(id)) this.reset();
  }

  /**
   * Whether this pointer was part of a two-corner hold (armed or done). Asked on its lift,
   * which also forgets it: the shell swallows that lift so it does not start a visit.
   */
  release(id: number): boolean {
    return this.claimed.delete(id);
  }

  reset(): void {
    if (this.timer !== undefined) {
      this.clearTimer(this.timer);
      this.timer = undefined;
      this.options.onArmed?.(false);
    }
    this.held.clear();
  }
}

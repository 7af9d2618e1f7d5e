// Which page of this browser profile writes records. The sequence counter and the current event
// live in IndexedDB, and an append has to read them inside its transaction — unless the page
// knows nobody else can have changed them since its last write. The lease makes that true: a page
// remembers the counter only while it holds an exclusive Web Lock, and a page that wants to write
// asks the holder (BroadcastChannel) to let go. The holder lets go between writes, after its last
// transaction has finished, so the next holder's first read sees it.
//
// One station page never contends, and its appends skip the read (decision 0012). Two pages on one
// profile (a reflection kiosk with its wall, a staff tab) hand the lease back and forth and stay
// gapless. Without Web Locks (old browsers, Node) there is no lease and every append reads.

/** What an append needs to know, as of this page's last committed write. */
export interface WriterState {
  seq: number;
  event: string | null;
}

/** The part of `navigator.locks` the lease uses. */
export interface LockManagerLike {
  request(name: string, options: { mode: 'exclusive' }, callback: () => Promise<void>): Promise<unknown>;
}

/** The part of BroadcastChannel the lease uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface LeaseOptions {
  locks?: LockManagerLike;
  channel?: (name: string) => ChannelLike;
  /** How often a waiting page repeats its request (a holder that was busy may have missed it). */
  askEveryMs?: number;
}

interface WantMessage {
  want: string;
}

const isWant = (data: unknown): data is WantMessage =>
  typeof data === 'object' && data !== null && typeof (data as WantMessage).want === 'string';

export class WriterLease {
  private readonly id = crypto.randomUUID();
  private readonly locks: LockManagerLike | undefined;
  private readonly channel: ChannelLike | undefined;
  private readonly askEveryMs: number;
  private held = false;
  private busy = false;
  private yieldAsked = false;
  private closed = false;
  private release: (() => void) | null = null;
  private acquiring: Promise<void> | null = null;
  private state: WriterState | null = null;
  /** How many times this page took the lease (for tests and the health view). */
  grants = 0;

  constructor(
    private readonly name: string,
    options: LeaseOptions = {},
  ) {
    this.locks = options.locks ?? defaultLocks();
    this.askEveryMs = options.askEveryMs ?? 250;
    const makeChannel = options.channel ?? defaultChannel();
    this.channel = this.locks && makeChannel ? makeChannel(`percorso-writer:${name}`) : undefined;
    this.channel?.addEventListener('message', (event) => {
      if (!isWant(event.data) || event.data.want === this.id || !this.held) return;
      if (this.busy) this.yieldAsked = true;
      else this.letGo();
    });
  }

  /** Whether this page can hold the lease at all (Web Locks and BroadcastChannel exist). */
  get available(): boolean {
    return this.locks !== undefined && this.channel !== undefined;
  }

  /**
   * Waits until this page is the profile's one writer, then returns the state as of its last
   * committed write (null: unknown, read it inside the transaction). Each `enter` must be
   * followed by one `leave`. Callers run one write at a time (Records chains them).
   */
  async enter(): Promise<WriterState | null> {
    if (!this.available || this.closed) return null;
    while (!this.held) {
      this.acquiring ??= this.acquire();
      await this.acquiring;
    }
    this.busy = true;
    return this.state;
  }

  /** After a write: the state it committed, or null if it failed (the next write reads again). */
  leave(committed: WriterState | null): void {
    this.busy = false;
    if (!this.held) return;
    this.state = committed;
    if (this.yieldAsked) this.letGo();
  }

  close(): void {
    this.closed = true;
    this.letGo();
    this.channel?.close();
  }

  private acquire(): Promise<void> {
    const locks = this.locks as LockManagerLike;
    return new Promise<void>((granted, failed) => {
      const ask = () => this.channel?.postMessage({ want: this.id } satisfies WantMessage);
      ask();
      const asking = setInterval(ask, this.askEveryMs);
      locks
        .request(this.name, { mode: 'exclusive' }, () => {
          clearInterval(asking);
          this.acquiring = null;
          this.held = true;
          this.state = null;
          this.yieldAsked = false;
          this.grants++;
          granted();
          return new Promise<void>((resolve) => {
            this.release = resolve;
          });
        })
        .catch((error: unknown) => {
          clearInterval(asking);
          this.acquiring = null;
          this.held = false;
          failed(error);
        });
    });
  }

  private letGo(): void {
    this.held = false;
    this.state = null;
    this.yieldAsked = false;
    const release = this.release;
    this.release = null;
    release?.();
  }
}

function defaultLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

function defaultChannel(): ((name: string) => ChannelLike) | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  return (name) => {
    const channel = new BroadcastChannel(name);
    // Node keeps a process alive while a channel is open; a page does not care.
    (channel as { unref?: () => void }).unref?.();
    return channel;
  };
}

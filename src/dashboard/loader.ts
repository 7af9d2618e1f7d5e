// A reactive controller that loads one thing for a view and remembers how it went: loading,
// ready or failed, keeping the last good value on screen while a newer request runs. An answer
// that arrives after a newer request started is dropped, so a quick change of period can never
// show the older period's figures.

import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous: T | undefined }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: unknown; previous: T | undefined };

export class Loader<T> implements ReactiveController {
  state: LoadState<T> = { status: 'idle' };
  private ticket = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly task: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.ticket++; // answers for a view that is gone are not wanted
  }

  /** The value on screen: the latest one loaded, even while reloading or after a failure. */
  get value(): T | undefined {
    const s = this.state;
    return s.status === 'ready' ? s.value : s.status === 'idle' ? undefined : s.previous;
  }

  get loading(): boolean {
    return this.state.status === 'loading';
  }

  async run(): Promise<void> {
    const ticket = ++this.ticket;
    this.state = { status: 'loading', previous: this.value };
    this.host.requestUpdate();
    try {
      const value = await this.task();
      if (ticket !== this.ticket) return;
      this.state = { status: 'ready', value };
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.state = { status: 'failed', error, previous: this.value };
    }
    this.host.requestUpdate();
  }

  /** Changes the value on screen without asking the register (after a change it confirmed). */
  set(value: T): void {
    this.ticket++;
    this.state = { status: 'ready', value };
    this.host.requestUpdate();
  }
}

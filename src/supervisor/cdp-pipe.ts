// A Chrome DevTools Protocol client over `--remote-debugging-pipe`: Chromium reads commands on its
// fd 3 and writes answers and events on its fd 4, each message JSON followed by a NUL byte. No TCP
// port is opened, so nothing else on the machine (or a web page) can drive the kiosk's browser.
// Sessions are flat (`Target.attachToTarget` with `flatten: true`): a message for a page carries
// its `sessionId` on the same pipe.

import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

export class CdpError extends Error {
  constructor(
    readonly method: string,
    message: string,
    readonly code?: number,
  ) {
    super(`${method}: ${message}`);
    this.name = 'CdpError';
  }
}

type EventListener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

interface Pending {
  method: string;
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Splits a byte stream into NUL-terminated messages (a message may arrive in many chunks). */
export class NulSplitter {
  private chunks: Buffer[] = [];

  push(chunk: Buffer): string[] {
    const messages: string[] = [];
    let start = 0;
    let end = chunk.indexOf(0, start);
    while (end !== -1) {
      this.chunks.push(chunk.subarray(start, end));
      // Joined as bytes before decoding: a multi-byte character may straddle two chunks.
      messages.push(Buffer.concat(this.chunks).toString('utf8'));
      this.chunks = [];
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.chunks.push(chunk.subarray(start));
    return messages;
  }
}

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<EventListener>>();
  private readonly closeListeners = new Set<(reason: string) => void>();
  private closedWith: string | undefined;

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    const splitter = new NulSplitter();
    input.on('data', (chunk: Buffer) => {
      for (const message of splitter.push(chunk)) this.receive(message);
    });
    input.on('end', () => this.close('Chromium closed the DevTools pipe'));
    input.on('error', (error) => this.close(`DevTools pipe: ${error.message}`));
    output.on('error', (error) => this.close(`DevTools pipe: ${error.message}`));
  }

  get closed(): boolean {
    return this.closedWith !== undefined;
  }

  /** Sends a command (to the browser, or to a page with its `sessionId`) and waits for its answer. */
  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    options: { sessionId?: string; timeoutMs?: number } = {},
  ): Promise<T> {
    if (this.closedWith !== undefined) return Promise.reject(new CdpError(method, this.closedWith));
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CdpError(method, `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: resolve as (result: Record<string, unknown>) => void,
        reject,
        timer,
      });
      const message = { id, method, params, ...(options.sessionId ? { sessionId: options.sessionId } : {}) };
      this.output.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Listens to an event (`Runtime.bindingCalled`, …) from any session; returns the unsubscribe. */
  on(method: string, listener: EventListener): () => void {
    let set = this.listeners.get(method);
    if (!set) {
      set = new Set();
      this.listeners.set(method, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  onClose(listener: (reason: string) => void): () => void {
    if (this.closedWith !== undefined) {
      listener(this.closedWith);
      return () => {};
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Fails every command still waiting; later commands fail at once. */
  close(reason = 'the DevTools connection was closed'): void {
    if (this.closedWith !== undefined) return;
    this.closedWith = reason;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new CdpError(pending.method, reason));
      this.pending.delete(id);
    }
    for (const listener of this.closeListeners) listener(reason);
    this.closeListeners.clear();
  }

  private receive(text: string): void {
    let message: {
      id?: number;
      method?: string;
      params?: Record<string, unknown>;
      result?: Record<string, unknown>;
      error?: { message?: string; code?: number };
      sessionId?: string;
    };
    try {
      message = JSON.parse(text);
    } catch {
      return; // Chromium only writes JSON; a torn message is not worth a crash.
    }
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return; // answered after its timeout
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) {
        pending.reject(new CdpError(pending.method, message.error.message ?? 'failed', message.error.code));
      } else {
        pending.resolve(message.result ?? {});
      }
      return;
    }
    if (typeof message.method !== 'string') return;
    for (const listener of this.listeners.get(message.method) ?? []) {
      try {
        listener(message.params ?? {}, message.sessionId);
      } catch {
        // One listener's bug must not stop the others or the pipe.
      }
    }
  }
}

export interface PipedChromium {
  child: ChildProcess;
  cdp: CdpConnection;
}

/**
 * Spawns Chromium with the DevTools pipe on fds 3 (our writes) and 4 (our reads).
 * `--remote-debugging-pipe` must be among the flags. stdout/stderr are inherited or piped.
 */
export function spawnWithPipe(
  executable: string,
  args: readonly string[],
  options: { output?: 'inherit' | 'pipe'; env?: NodeJS.ProcessEnv } = {},
): PipedChromium {
  if (!args.includes('--remote-debugging-pipe')) {
    throw new Error('spawnWithPipe needs --remote-debugging-pipe among the flags');
  }
  const output = options.output ?? 'pipe';
  const child = spawn(executable, [...args], {
    stdio: ['ignore', output, output, 'pipe', 'pipe'],
    env: options.env ?? process.env,
    // Its own process group: Ctrl+C in a terminal reaches the supervisor, which closes Chromium
    // in order, instead of killing the browser under it.
    detached: true,
  });
  const toChromium = child.stdio[3] as Writable;
  const fromChromium = child.stdio[4] as Readable;
  const cdp = new CdpConnection(toChromium, fromChromium);
  child.once('exit', (code, signal) => cdp.close(`Chromium exited (${signal ?? `code ${code}`})`));
  return { child, cdp };
}

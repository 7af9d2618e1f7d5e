// The DevTools pipe client against a fake Chromium on two in-memory streams: NUL framing across
// chunks, answers matched by id, errors, timeouts, events with their session, and a closed pipe.

import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CdpConnection, CdpError, NulSplitter } from './cdp-pipe.ts';

/** What Chromium would see on its fd 3 (`sent`) and write on its fd 4 (`reply`). */
function fakeChromium() {
  const toChromium = new PassThrough();
  const fromChromium = new PassThrough();
  const sent: Record<string, unknown>[] = [];
  const splitter = new NulSplitter();
  toChromium.on('data', (chunk: Buffer) => {
    for (const text of splitter.push(chunk)) sent.push(JSON.parse(text));
  });
  const cdp = new CdpConnection(toChromium, fromChromium);
  const reply = (message: unknown) => fromChromium.write(`${JSON.stringify(message)}\0`);
  return { cdp, sent, reply, fromChromium, toChromium };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('NulSplitter', () => {
  it('splits at NUL bytes, holding a message that arrives in pieces', () => {
    const splitter = new NulSplitter();
    expect(splitter.push(Buffer.from('{"a":1}\0{"b":'))).toEqual(['{"a":1}']);
    expect(splitter.push(Buffer.from('2'))).toEqual([]);
    expect(splitter.push(Buffer.from('}\0\0{"c":3}\0'))).toEqual(['{"b":2}', '', '{"c":3}']);
  });

  it('keeps a multi-byte character cut between two chunks', () => {
    const bytes = Buffer.from('{"t":"città – ğ"}\0');
    const cut = bytes.indexOf(0xc3) + 1; // inside "à"
    const splitter = new NulSplitter();
    expect(splitter.push(bytes.subarray(0, cut))).toEqual([]);
    expect(splitter.push(bytes.subarray(cut))).toEqual(['{"t":"città – ğ"}']);
  });
});

describe('CdpConnection', () => {
  it('sends NUL-terminated commands and matches answers by id, in any order', async () => {
    const { cdp, sent, reply } = fakeChromium();
    const first = cdp.send('Target.getTargets');
    const second = cdp.send('Runtime.evaluate', { expression: '1+1' }, { sessionId: 'S1' });
    await tick();
    expect(sent).toEqual([
      { id: 1, method: 'Target.getTargets', params: {} },
      { id: 2, method: 'Runtime.evaluate', params: { expression: '1+1' }, sessionId: 'S1' },
    ]);
    reply({ id: 2, result: { result: { value: 2 } }, sessionId: 'S1' });
    reply({ id: 1, result: { targetInfos: [] } });
    await expect(first).resolves.toEqual({ targetInfos: [] });
    await expect(second).resolves.toEqual({ result: { value: 2 } });
  });

  it('rejects with the protocol error', async () => {
    const { cdp, reply } = fakeChromium();
    const answer = cdp.send('Page.crash', {}, { sessionId: 'S1' });
    reply({ id: 1, error: { code: -32000, message: 'Target crashed' }, sessionId: 'S1' });
    await expect(answer).rejects.toThrow(new CdpError('Page.crash', 'Target crashed', -32000));
  });

  it('gives up on a command with no answer, and ignores the late answer', async () => {
    vi.useFakeTimers();
    const { cdp, reply } = fakeChromium();
    const answer = cdp.send('Page.reload', {}, { timeoutMs: 500 });
    const settled = expect(answer).rejects.toThrow('Page.reload: no answer within 500 ms');
    await vi.advanceTimersByTimeAsync(500);
    await settled;
    reply({ id: 1, result: {} });
    vi.useRealTimers();
    await tick();
  });

  it('delivers events to listeners with their session, until unsubscribed', async () => {
    const { cdp, reply } = fakeChromium();
    const seen: unknown[] = [];
    const off = cdp.on('Runtime.bindingCalled', (params, sessionId) =>
      seen.push([params.payload, sessionId]),
    );
    cdp.on('Runtime.bindingCalled', () => {
      throw new Error('a broken listener');
    });
    reply({
      method: 'Runtime.bindingCalled',
      params: { name: 'percorsoHeartbeat', payload: '{}' },
      sessionId: 'S1',
    });
    reply({ method: 'Target.targetCrashed', params: { targetId: 'T' } });
    await tick();
    off();
    reply({ method: 'Runtime.bindingCalled', params: { payload: 'late' }, sessionId: 'S1' });
    await tick();
    expect(seen).toEqual([['{}', 'S1']]);
  });

  it('fails waiting and later commands once Chromium closes the pipe', async () => {
    const { cdp, fromChromium } = fakeChromium();
    const closed: string[] = [];
    cdp.onClose((reason) => closed.push(reason));
    const waiting = cdp.send('Browser.getVersion');
    fromChromium.end();
    await expect(waiting).rejects.toThrow('Browser.getVersion: Chromium closed the DevTools pipe');
    await expect(cdp.send('Page.reload')).rejects.toThrow('Chromium closed the DevTools pipe');
    expect(closed).toEqual(['Chromium closed the DevTools pipe']);
    expect(cdp.closed).toBe(true);
  });

  it('skips a message that is not JSON and goes on', async () => {
    const { cdp, reply, fromChromium } = fakeChromium();
    const answer = cdp.send('Browser.getVersion');
    fromChromium.write('not json\0');
    reply({ id: 1, result: { product: 'Chrome/156' } });
    await expect(answer).resolves.toEqual({ product: 'Chrome/156' });
  });
});

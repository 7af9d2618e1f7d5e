// The register's client against a fake fetch: the register's reasons reach staff, a lost
// session is noticed, and requests carry what the OpenAPI document says.
import { describe, expect, it, vi } from 'vitest';
import { ApiError, queryString, RegisterApi } from './api.ts';
import { describeError } from './messages.ts';
import { STRINGS } from './strings.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fake(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetcher = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
  return { api: new RegisterApi(fetcher), calls };
}

describe('the register client', () => {
  it('builds query strings without the empty parts', () => {
    expect(queryString({ from: '2025-01-01', to: undefined, by: 'month' })).toBe('?from=2025-01-01&by=month');
    expect(queryString({ from: undefined })).toBe('');
  });

  it('sends JSON and reads the answer', async () => {
    const { api, calls } = fake(json(201, { id: 'k1', name: 'Pavia', token: 't' }));
    expect(await api.enrol('Pavia')).toEqual({ id: 'k1', name: 'Pavia', token: 't' });
    expect(calls[0]?.url).toBe('/api/v1/devices');
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      body: '{"name":"Pavia"}',
      credentials: 'same-origin',
    });
  });

  it('keeps the register’s reason for a refusal', async () => {
    const { api } = fake(json(400, { error: 'bad event: endDate: the event cannot end before it starts' }));
    const error = await api.events({ from: '2025-01-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'refused', status: 400 });
    expect(describeError(error, STRINGS.en)).toBe(
      'The register refused this: bad event: endDate: the event cannot end before it starts',
    );
  });

  it('answers "nobody" for a missing session, and reports a session lost later', async () => {
    const { api } = fake(json(401, { error: 'sign in first' }), json(401, { error: 'sign in first' }));
    const lost = vi.fn();
    api.onSessionLost = lost;
    expect(await api.session()).toBeNull();
    expect(lost).not.toHaveBeenCalled();
    await expect(api.kiosks()).rejects.toMatchObject({ kind: 'session' });
    expect(lost).toHaveBeenCalledOnce();
  });

  it('does not take a wrong password for a lost session', async () => {
    const { api } = fake(json(401, { error: 'wrong name or password' }));
    api.onSessionLost = vi.fn();
    await expect(api.signIn('anna', 'x')).rejects.toMatchObject({ kind: 'refused', status: 401 });
    expect(api.onSessionLost).not.toHaveBeenCalled();
  });

  it('tells a network failure, a failing register and a page that is not the register apart', async () => {
    const { api } = fake(
      new TypeError('Failed to fetch'),
      json(500, { error: 'the register failed' }),
      new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      json(503, { error: 'the events register is not running on this server' }),
    );
    const t = STRINGS.it;
    expect(describeError(await api.kiosks().catch((e: unknown) => e), t)).toBe(t.errors.network);
    expect(describeError(await api.kiosks().catch((e: unknown) => e), t)).toBe(t.errors.server);
    expect(describeError(await api.kiosks().catch((e: unknown) => e), t)).toBe(t.errors.unexpected);
    expect(describeError(await api.kiosks().catch((e: unknown) => e), t)).toBe(t.errors.unavailable);
  });

  it('sends a USB bundle as the file’s own JSON, and links report downloads with the period', async () => {
    const { api, calls } = fake(
      json(200, { inserted: 1, duplicate: 0, rejected: 0, rejectedExamples: [], kiosk: 'k' }),
    );
    await api.importBundle('{"format":"percorso-sync-bundle"}');
    expect(calls[0]?.init?.body).toBe('{"format":"percorso-sync-bundle"}');
    expect(api.reportUrl({ from: '2025-01-01', to: '2025-12-31' }, 'xlsx')).toBe(
      '/api/v1/report?from=2025-01-01&to=2025-12-31&format=xlsx',
    );
  });
});

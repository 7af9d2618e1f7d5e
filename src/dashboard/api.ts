// The dashboard's client for the register's API (src/register/openapi.ts is the contract). One
// place turns every answer into data or an ApiError that keeps the register's own reason, so
// views show staff what to change instead of a status code. The session lives in an HttpOnly
// cookie the page never sees: a 401 outside signing in means it ended, and the app asks again.

import type {
  BundleResult,
  Enrolled,
  EventInput,
  ImportResult,
  Kiosk,
  ModerationStatus,
  Period,
  Reflection,
  RegisterEvent,
  Report,
  StationTotals,
  Totals,
  TotalsDimension,
} from './wire.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * refused: the register said no and why (4xx) · session: the session ended (401) · network: no
 * answer at all · server: the register failed (5xx) · unexpected: an answer that is not its API.
 */
export type ApiErrorKind = 'refused' | 'session' | 'network' | 'server' | 'unexpected';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    /** The register's own words (`{error}`), or a description of what came back. */
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ReportFormat = 'csv' | 'xlsx';

/** `?from=…&to=…&…` with the empty parts left out ('' when nothing is left). */
export function queryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const periodParams = (period: Period) => ({ from: period.from, to: period.to });

async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

const reasonIn = (body: unknown): string | null =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string'
    ? (body as { error: string }).error
    : null;

export class RegisterApi {
  /** Called when a request finds the session gone (expired, or signed out in another tab). */
  onSessionLost: (() => void) | null = null;

  constructor(
    private readonly fetcher: Fetch,
    readonly base = '/api/v1',
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const json = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${path}`, {
        method,
        credentials: 'same-origin',
        headers: json === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
        ...(json === undefined ? {} : { body: json }),
      });
    } catch (error) {
      throw new ApiError('network', 0, error instanceof Error ? error.message : String(error));
    }
    const data = await readJson(response);
    if (response.ok) {
      if (data === undefined)
        throw new ApiError(
          'unexpected',
          response.status,
          `${path} did not answer JSON: is this the register?`,
        );
      return data as T;
    }
    const reason = reasonIn(data) ?? `${response.status} ${response.statusText}`.trim();
    if (response.status === 401 && !path.startsWith('/session')) {
      this.onSessionLost?.();
      throw new ApiError('session', 401, reason);
    }
    throw new ApiError(response.status >= 500 ? 'server' : 'refused', response.status, reason);
  }

  // ── Session ────────────────────────────────────────────────────────────────
  /** Who is signed in, or null when nobody is. */
  async session(): Promise<{ username: string } | null> {
    try {
      return await this.call<{ username: string }>('GET', '/session');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }
  signIn(username: string, password: string) {
    return this.call<{ username: string; expiresAt: string }>('POST', '/session', { username, password });
  }
  signOut() {
    return this.call<{ signedOut: true }>('DELETE', '/session');
  }

  // ── Kiosks ─────────────────────────────────────────────────────────────────
  async kiosks(): Promise<Kiosk[]> {
    return (await this.call<{ kiosks: Kiosk[] }>('GET', '/devices')).kiosks;
  }
  enrol(name: string) {
    return this.call<Enrolled>('POST', '/devices', { name });
  }
  revoke(id: string) {
    return this.call<{ revoked: string }>('DELETE', `/devices/${encodeURIComponent(id)}`);
  }

  // ── Events ─────────────────────────────────────────────────────────────────
  async events(period: Period): Promise<RegisterEvent[]> {
    return (
      await this.call<{ events: RegisterEvent[] }>('GET', `/events${queryString(periodParams(period))}`)
    ).events;
  }
  createEvent(input: EventInput) {
    return this.call<RegisterEvent>('POST', '/events', input);
  }
  updateEvent(id: string, input: EventInput) {
    return this.call<RegisterEvent>('PUT', `/events/${encodeURIComponent(id)}`, input);
  }
  deleteEvent(id: string) {
    return this.call<{ deleted: string }>('DELETE', `/events/${encodeURIComponent(id)}`);
  }

  // ── Totals and the report ──────────────────────────────────────────────────
  totals(by: TotalsDimension, period: Period) {
    return this.call<Totals>('GET', `/totals${queryString({ by, ...periodParams(period) })}`);
  }
  stationTotals(period: Period) {
    return this.call<StationTotals>(
      'GET',
      `/totals${queryString({ by: 'station', ...periodParams(period) })}`,
    );
  }
  report(period: Period) {
    return this.call<Report>('GET', `/report${queryString(periodParams(period))}`);
  }
  /** Where the browser downloads the report as a file (the session cookie goes with it). */
  reportUrl(period: Period, format: ReportFormat): string {
    return `${this.base}/report${queryString({ ...periodParams(period), format })}`;
  }

  // ── Reflections ────────────────────────────────────────────────────────────
  async reflections(status?: ModerationStatus): Promise<Reflection[]> {
    return (await this.call<{ reflections: Reflection[] }>('GET', `/reflections${queryString({ status })}`))
      .reflections;
  }
  moderate(id: string, status: ModerationStatus) {
    return this.call<{ id: string; status: ModerationStatus }>(
      'PUT',
      `/reflections/${encodeURIComponent(id)}/status`,
      { status },
    );
  }

  // ── Imports ────────────────────────────────────────────────────────────────
  /** A spreadsheet of events (CSV or XLSX), its bytes in base64. */
  importSpreadsheet(name: string, base64: string) {
    return this.call<ImportResult>('POST', '/imports', { name, content: base64 });
  }
  /** A kiosk's USB sync bundle, sent as the file's own JSON text. */
  importBundle(json: string) {
    return this.call<BundleResult>('POST', '/bundles', json);
  }
}

// Boot step 1: find the station's kiosk config (?kiosk=<name> or the build default), fetch it,
// validate it, and describe every way that can fail so the error screen can say what to do.

import { type ConfigProblem, type KioskConfig, parseKioskConfig } from '../contracts/kiosk-config.ts';
import { KIOSK_NAME_PATTERN, kioskConfigPath } from '../contracts/kiosk-name.ts';

export { kioskName } from '../contracts/kiosk-name.ts';

export type ConfigFailure =
  | { kind: 'bad-name'; file: string }
  | { kind: 'missing'; file: string }
  | { kind: 'syntax'; file: string; detail: string }
  | { kind: 'invalid'; file: string; problems: ConfigProblem[] };

export type LoadConfigResult =
  | { ok: true; name: string; config: KioskConfig }
  | { ok: false; failure: ConfigFailure };

export async function loadKioskConfig(
  name: string,
  fetchFn: (url: string) => Promise<Response>,
  baseUrl = '/',
): Promise<LoadConfigResult> {
  const file = kioskConfigPath(name);
  if (!KIOSK_NAME_PATTERN.test(name)) return { ok: false, failure: { kind: 'bad-name', file } };
  let text: string;
  try {
    const response = await fetchFn(`${baseUrl}${file}`);
    // A dev server or a SPA fallback answers unknown paths with index.html: that is "missing" too.
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || type.includes('text/html')) return { ok: false, failure: { kind: 'missing', file } };
    text = await response.text();
  } catch {
    return { ok: false, failure: { kind: 'missing', file } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, failure: { kind: 'syntax', file, detail: (error as Error).message } };
  }
  const parsed = parseKioskConfig(json);
  if (!parsed.ok) return { ok: false, failure: { kind: 'invalid', file, problems: parsed.problems } };
  return { ok: true, name, config: parsed.config };
}

import { describe, expect, it } from 'vitest';
import type { CompiledInstallation, CompiledJourney } from '../journeys/compiled.ts';
import { CONFIRM_WINDOW_MS, isSecondTouch, pickJourney, readingTimeMs } from './journey-support.ts';

const journey = (id: string, order: number) => ({ id, order }) as CompiledJourney;
const installation = {
  installation: 'workers',
  journeys: [journey('cucina', 2), journey('campo', 1)],
} as CompiledInstallation;

describe('journey station helpers', () => {
  it('picks the configured journey, else the first in station order', () => {
    expect(pickJourney(installation, 'cucina').id).toBe('cucina');
    expect(pickJourney(installation, undefined).id).toBe('campo');
    expect(() => pickJourney(installation, 'rider')).toThrow('journey "rider" not found in workers');
  });

  it('gives a caption time to be read, more for longer text, within bounds', () => {
    expect(readingTimeMs('')).toBe(1500);
    expect(readingTimeMs('Sali.')).toBeLessThan(
      readingTimeMs('Sono le quattro del mattino. Un furgone si ferma.'),
    );
    expect(readingTimeMs('x'.repeat(1000))).toBe(20_000);
  });

  it('acts only on a second touch of the same control, soon after the first', () => {
    const armed = { key: 'option:sali', at: 1000 };
    expect(isSecondTouch(null, 'option:sali', 1500)).toBe(false);
    expect(isSecondTouch(armed, 'option:sali', 1500)).toBe(true);
    expect(isSecondTouch(armed, 'option:resta', 1500)).toBe(false);
    expect(isSecondTouch(armed, 'option:sali', 1000 + CONFIRM_WINDOW_MS)).toBe(false);
  });
});

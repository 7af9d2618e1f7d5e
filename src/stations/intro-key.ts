// Which intro text a station opens with: journeys speak about their installation, the other
// roles about what they do.
import type { Installation, StationRole } from '../contracts/kiosk-config.ts';

export type IntroKey = `visit.intro.${Installation | Exclude<StationRole, 'journey'>}`;

export function introKey(installation: Installation, role: StationRole): IntroKey {
  return role === 'journey' ? `visit.intro.${installation}` : `visit.intro.${role}`;
}

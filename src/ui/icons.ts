// Pictograms for controls. Every visitor control carries one of these next to its label:
// no control is text-only (people who cannot read navigate by icon and sound).
import { svg, type TemplateResult } from 'lit';
import type { JourneyIcon } from '../contracts/icons.ts';
import { icon, shellIcons } from './shell-icons.ts';

// Pictures for journey choices. Typed against JOURNEY_ICONS so a name added there fails the build
// until it is drawn here. Concrete objects and scenes, no letters: visitors may not read.
const journeyIcons: Record<JourneyIcon, TemplateResult> = {
  yes: icon(svg`<circle cx="12" cy="12" r="9"/><path d="M7.5 12.5l3 3 6-7"/>`),
  no: icon(svg`<circle cx="12" cy="12" r="9"/><path d="M8.5 8.5l7 7M15.5 8.5l-7 7"/>`),
  van: icon(
    svg`<path d="M4.5 18H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h12l4 5h1.5a1.5 1.5 0 0 1 1.5 1.5V17a1 1 0 0 1-1 1h-1.5"/><path d="M9.5 18h5"/><path d="M2 11h17M8 6v5M14 6v5"/><circle cx="7" cy="18" r="2.5"/><circle cx="17" cy="18" r="2.5"/>`,
  ),
  // Palm out, upright: refusing. `hand` (touch to start) leans and has no wrist room.
  'hand-stop': icon(
    svg`<path d="M7 11V6a1.5 1.5 0 0 1 3 0v5"/><path d="M10 10.5V3.5a1.5 1.5 0 0 1 3 0v7"/><path d="M13 10.5V4.5a1.5 1.5 0 0 1 3 0v6"/><path d="M16 11V6.5a1.5 1.5 0 0 1 3 0V16a6 6 0 0 1-6 6h-1.5a5.5 5.5 0 0 1-4.6-2.5L4 15a1.5 1.5 0 0 1 2.5-1.7L7 14v-3"/>`,
  ),
  handshake: icon(
    svg`<path d="M2 8h3v8H2M22 8h-3v8h3"/><path d="M5 10h2l3-2h3.5l5.5 3"/><path d="M19 14h-2"/><path d="M13.5 8l-4 3.5a1.4 1.4 0 0 0 2 2l2.5-1.5 4 3.5"/><path d="M5 14l4.5 4a1.4 1.4 0 0 0 2-2M11.5 16l1 1a1.4 1.4 0 0 0 2-2l-1-1M13.5 14l.8.7a1.4 1.4 0 0 0 2-2"/>`,
  ),
  money: icon(
    svg`<rect x="2" y="6" width="20" height="12" rx="2"/><circle cx="12" cy="12" r="3"/><path d="M6 10v4M18 10v4"/>`,
  ),
  // A coin going down: losing money, wages cut.
  'money-less': icon(
    svg`<circle cx="9" cy="9" r="7"/><circle cx="9" cy="9" r="3.5"/><path d="M19 9v12M15.5 17.5L19 21l3.5-3.5"/>`,
  ),
  phone: icon(svg`<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/>`),
  'phone-off': icon(
    svg`<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/><path d="M3 3l18 18"/>`,
  ),
  // Unlike `home` (navigation), a dwelling: door and chimney.
  house: icon(
    svg`<path d="M2 11l10-8 10 8"/><path d="M5 9v11h14V9"/><path d="M10 20v-6h4v6"/><path d="M16 6V3h2.5v5"/>`,
  ),
  bed: icon(
    svg`<path d="M3 5v15M21 12v8M3 16h18"/><path d="M10 16v-4h9a2 2 0 0 1 2 2"/><rect x="5" y="10.5" width="3.5" height="3" rx="1.5"/>`,
  ),
  bag: icon(
    svg`<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V4.5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1V7"/><path d="M8 7v13M16 7v13"/>`,
  ),
  bread: icon(svg`<path d="M2 18v-3a10 9 0 0 1 20 0v3z"/><path d="M7 13l2-3M11 13l2-3M15 13l2-3"/>`),
  clock: icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`),
  // An identity card: a face and lines, no letters.
  document: icon(
    svg`<rect x="2" y="5" width="20" height="14" rx="2"/><circle cx="8" cy="10.5" r="2"/><path d="M5 15.5a3 3 0 0 1 6 0"/><path d="M14 10h4M14 14h3"/>`,
  ),
  'document-taken': icon(
    svg`<rect x="2" y="2" width="14" height="11" rx="2"/><circle cx="6.5" cy="6.5" r="1.5"/><path d="M4.5 10.5a2 2 0 0 1 4 0"/><path d="M11 6h2M11 9h2"/><path d="M6 19h15M17 15l4 4-4 4"/>`,
  ),
  // A person inside a shield: someone protected.
  shield: icon(
    svg`<path d="M12 2l8 3v6c0 5.5-3.5 9-8 11-4.5-2-8-5.5-8-11V5z"/><circle cx="12" cy="9.5" r="2"/><path d="M8.5 16a3.5 3.5 0 0 1 7 0"/>`,
  ),
  speak: icon(
    svg`<path d="M5 21v-4A7 7 0 1 1 16 9.5l1.5 3.5H16v2a2 2 0 0 1-2 2h-2v4"/><path d="M19.5 7.5a6 6 0 0 1 0 7"/><path d="M21.5 5a9 9 0 0 1 0 12"/>`,
  ),
  // Finger to the lips: being told to keep quiet.
  silence: icon(
    svg`<path d="M14 17.75A8 8 0 1 0 10 17.75"/><path d="M9 8h.01M15 8h.01"/><path d="M8 13.5h2M14 13.5h2"/><path d="M10 18V11.5a2 2 0 0 1 4 0V18"/><rect x="8" y="18" width="8" height="4" rx="2"/>`,
  ),
  eye: icon(svg`<path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>`),
  'eye-off': icon(
    svg`<path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/><path d="M3 3l18 18"/>`,
  ),
  walk: icon(
    svg`<circle cx="14" cy="3.5" r="2"/><path d="M13 8l-2.5 6.5"/><path d="M8.5 12L13 8l3 4 3.5 1.5"/><path d="M10.5 14.5L8 18.5 5 22"/><path d="M10.5 14.5l4 3.5 1 4"/>`,
  ),
  // Open door: a way out.
  door: icon(
    svg`<path d="M3 21h18"/><path d="M5 21V3h14v18"/><path d="M5 3l7 2.5V22L5 21"/><path d="M10 13h.01"/>`,
  ),
  help: icon(
    svg`<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="4"/><path d="M5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6"/>`,
  ),
  heart: icon(
    svg`<path d="M12 20s-9-5.5-9-11.5A4.5 4.5 0 0 1 12 6a4.5 4.5 0 0 1 9 2.5C21 14.5 12 20 12 20z"/>`,
  ),
  // The one glyph allowed: a question mark is read as "ask" across scripts.
  question: icon(
    svg`<path d="M4 3h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-9l-5 4v-4H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z"/><path d="M9.5 7.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.4v.3"/><path d="M12 14.5h.01"/>`,
  ),
  // Workers standing together.
  union: icon(
    svg`<circle cx="4.5" cy="10" r="2"/><circle cx="12" cy="8" r="2.5"/><circle cx="19.5" cy="10" r="2"/><path d="M1.5 20v-2a3 3 0 0 1 6 0v2"/><path d="M8.5 20v-3a3.5 3.5 0 0 1 7 0v3"/><path d="M16.5 20v-2a3 3 0 0 1 6 0v2"/>`,
  ),
  doctor: icon(
    svg`<rect x="2" y="7" width="20" height="14" rx="2"/><path d="M9 7V4.5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1V7"/><path d="M12 10.5v7M8.5 14h7"/>`,
  ),
  // Delivery rider's bicycle: the box on the rack.
  bike: icon(
    svg`<circle cx="5.5" cy="17.5" r="3.5"/><circle cx="18.5" cy="17.5" r="3.5"/><path d="M5.5 17.5l4-6.5h6.5l2.5 6.5M9.5 11l1.5 6.5L16 11M5.5 17.5H11"/><path d="M8 8.5h3M9.5 8.5V11M16 11l-1-3.5h2.5"/><rect x="1.5" y="2.5" width="6" height="5.5" rx="1"/><path d="M4.5 8l1 9.5"/>`,
  ),
  // Car wash: a car under falling water.
  car: icon(
    svg`<path d="M4.5 19H3a1 1 0 0 1-1-1v-3l2.5-5h11l3.5 4.5h2a1 1 0 0 1 1 1V18a1 1 0 0 1-1 1h-1.5"/><path d="M9.5 19h5"/><circle cx="7" cy="19" r="2.5"/><circle cx="17" cy="19" r="2.5"/><path d="M7 2.5c-1 1.4-1.5 2.2-1.5 3a1.5 1.5 0 0 0 3 0c0-.8-.5-1.6-1.5-3zM12 2.5c-1 1.4-1.5 2.2-1.5 3a1.5 1.5 0 0 0 3 0c0-.8-.5-1.6-1.5-3zM17 2.5c-1 1.4-1.5 2.2-1.5 3a1.5 1.5 0 0 0 3 0c0-.8-.5-1.6-1.5-3z"/>`,
  ),
  helmet: icon(
    svg`<path d="M4 16v-2a8 8 0 0 1 16 0v2"/><rect x="2" y="16" width="20" height="3" rx="1.5"/><path d="M10 6.5V11M14 6.5V11"/>`,
  ),
  plate: icon(
    svg`<circle cx="12" cy="12" r="6.5"/><circle cx="12" cy="12" r="3.5"/><path d="M3 3v18M1.5 3v3.5a1.5 1.5 0 0 0 3 0V3"/><path d="M21 21V3c-1.5 1-2 3-2 6v3h2"/>`,
  ),
  cow: icon(
    svg`<path d="M7 6C4.5 6 3.5 4.5 3 2.5M17 6c2.5 0 3.5-1.5 4-3.5"/><path d="M7 8.5L2.5 10 7 11.5M17 8.5l4.5 1.5-4.5 1.5"/><path d="M7 14V6h10v8"/><ellipse cx="12" cy="17" rx="5.5" ry="4"/><path d="M9.5 10h.01M14.5 10h.01M10 17h.01M14 17h.01"/>`,
  ),
  plant: icon(
    svg`<path d="M12 21v-9"/><path d="M12 12c0-4-3-6.5-7-6.5 0 4 3 6.5 7 6.5z"/><path d="M12 15c0-4 3-6.5 7-6.5 0 4-3 6.5-7 6.5z"/><path d="M6 21h12"/>`,
  ),
};

export const icons = {
  ...shellIcons,
  ...journeyIcons,
} as const;

export type IconName = keyof typeof icons;

// Pictograms for the feelings a visitor can pick at the reflection station (and that the wall
// shows): drawn in the shell's icon style (24 × 24, round strokes), faces and signs, no letters.
import { svg, type TemplateResult } from 'lit';
import { icon } from '../ui/shell-icons.ts';
import type { FeelingId } from './reflection-support.ts';

const face = svg`<circle cx="12" cy="12" r="9.5"/>`;

export const feelingIcons: Record<FeelingId, TemplateResult> = {
  // A frown and a tear.
  sad: icon(
    svg`${face}<path d="M8.5 9.5h.01M15.5 9.5h.01"/><path d="M8.5 17a4.5 4.5 0 0 1 7 0"/><path d="M7.5 12.5c-.7 1-1 1.6-1 2.1a1 1 0 0 0 2 0c0-.5-.3-1.1-1-2.1z" fill="currentColor"/>`,
  ),
  // Brows pulled down, mouth tight.
  angry: icon(
    svg`${face}<path d="M7 8l3.5 1.5M17 8l-3.5 1.5"/><path d="M9 11h.01M15 11h.01"/><path d="M8.5 16.5h7"/>`,
  ),
  // Brows up, round mouth.
  surprised: icon(
    svg`${face}<path d="M7.5 7a2 2 0 0 1 3-.5M16.5 7a2 2 0 0 0-3-.5"/><path d="M9 10h.01M15 10h.01"/><circle cx="12" cy="15.5" r="2"/>`,
  ),
  // Eyes up to a thought bubble.
  thoughtful: icon(
    svg`<circle cx="10" cy="13" r="8"/><path d="M8 11h.01M12 11h.01"/><path d="M7.5 16h5"/><circle cx="20" cy="5" r="1.5"/><circle cx="17.5" cy="2" r="0.75" fill="currentColor"/>`,
  ),
  // The sun rising over the horizon.
  hopeful: icon(
    svg`<path d="M2 18h20"/><path d="M6.5 18a5.5 5.5 0 0 1 11 0"/><path d="M12 5v3M4.5 9.5l2 2M19.5 9.5l-2 2M2 14h2M20 14h2"/><path d="M5 21.5h14"/>`,
  ),
  // A heart held in an open hand.
  grateful: icon(
    svg`<path d="M12 11.5s-4.5-2.7-4.5-5.7a2.2 2.2 0 0 1 4.5-.9 2.2 2.2 0 0 1 4.5.9c0 3-4.5 5.7-4.5 5.7z"/><path d="M2 14.5h3l3 2h5a1.5 1.5 0 0 1 0 3H9"/><path d="M13 17.5l5.5-3a1.5 1.5 0 0 1 2 2.2L14 21H2"/>`,
  ),
  // Eyes down, cheeks flushed.
  ashamed: icon(
    svg`${face}<path d="M7.5 10.5a1.8 1.8 0 0 0 3 0M13.5 10.5a1.8 1.8 0 0 0 3 0"/><path d="M6 14h2M16 14h2"/><path d="M10.5 17h3"/>`,
  ),
  // A raised fist.
  determined: icon(
    svg`<path d="M7 22v-4l-2-3v-5a1.5 1.5 0 0 1 3 0V8.5a1.5 1.5 0 0 1 3 0V8a1.5 1.5 0 0 1 3 0v.5a1.5 1.5 0 0 1 3 0V15l-2 3v4"/><path d="M8 12.5h3.5a1.5 1.5 0 0 1 0 3H10"/>`,
  ),
};

// The shell's own pictograms (replay, exit, home, …): small, so the attract loop's entry chunk
// carries them without the journeys' pictures (src/ui/icons.ts has every icon).
import { svg, type TemplateResult } from 'lit';

export const icon = (body: TemplateResult): TemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="100%" height="100%" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const shellIcons = {
  replay: icon(
    svg`<path d="M3 12a9 9 0 1 0 3-6.7"/><path d="M3 4v5h5"/><path d="M10 9l5 3-5 3z" fill="currentColor"/>`,
  ),
  next: icon(svg`<path d="M4 12h15"/><path d="M13 6l6 6-6 6"/>`),
  pause: icon(svg`<path d="M9 5v14"/><path d="M15 5v14"/>`),
  play: icon(svg`<path d="M7 4l13 8-13 8z" fill="currentColor"/>`),
  exit: icon(svg`<path d="M10 4H5v16h5"/><path d="M14 8l4 4-4 4"/><path d="M18 12H9"/>`),
  home: icon(svg`<path d="M3 11l9-7 9 7"/><path d="M5 10v10h14V10"/>`),
  speaker: icon(
    svg`<path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16 9a4 4 0 0 1 0 6"/><path d="M18.5 6.5a8 8 0 0 1 0 11"/>`,
  ),
  /** A class: three people (teacher mode's mark). */
  people: icon(
    svg`<circle cx="12" cy="7" r="3"/><circle cx="5" cy="9" r="2.2"/><circle cx="19" cy="9" r="2.2"/><path d="M7 20v-3a5 5 0 0 1 10 0v3"/><path d="M2 19v-2a3.5 3.5 0 0 1 4-3.4"/><path d="M22 19v-2a3.5 3.5 0 0 0-4-3.4"/>`,
  ),
  hand: icon(
    svg`<path d="M8 13V5a1.5 1.5 0 0 1 3 0v6"/><path d="M11 11V4a1.5 1.5 0 0 1 3 0v7"/><path d="M14 11V6a1.5 1.5 0 0 1 3 0v8a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-3l-2-4a1.5 1.5 0 0 1 2.5-1.5L8 14"/>`,
  ),
} as const;

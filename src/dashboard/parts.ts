// Small templates every view repeats: a wide table's scrolling region, and the "loading / failed,
// try again" lines above a view's data.

import { html, nothing, type TemplateResult } from 'lit';
import type { LoadState } from './loader.ts';
import { describeError } from './messages.ts';
import type { Strings } from './strings.ts';

/**
 * A wide table on a narrow screen scrolls sideways inside this region, which keyboard users can
 * focus to scroll it and screen readers announce by the table's caption.
 */
export const scrollable = (label: string, table: TemplateResult) =>
  html`<div class="scroll" role="region" tabindex="0" aria-label=${label}>${table}</div>`;

/** "Loading…" (or "Updating…" over figures already shown), or the failure with a way to retry. */
export function loadLines(state: LoadState<unknown>, t: Strings, retry: () => void) {
  if (state.status === 'loading')
    return html`<p class="busy" role="status">${state.previous === undefined ? t.app.loading : t.app.updating}</p>`;
  if (state.status === 'failed')
    return html`<div class="alert" role="alert"><span>${describeError(state.error, t)}</span>
      <button type="button" @click=${retry}>${t.app.retry}</button></div>`;
  return nothing;
}

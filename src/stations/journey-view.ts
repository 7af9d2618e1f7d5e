// What a journey step looks like, as pure lit templates: the journey station renders them, and
// the journey-transition benchmark renders exactly the same without the machine.

import { html, nothing, type TemplateResult } from 'lit';
import type { StepMeta } from '../journeys/compiled.ts';
import '../ui/big-button.ts';
import type { IconName } from '../ui/icons.ts';
import { shellIcons } from '../ui/shell-icons.ts';

export interface JourneyViewState extends StepViewState {
  step: StepMeta | null;
  paused: boolean;
  helpline: boolean;
  failed: boolean;
  /** Teacher mode: the line was heard; the teacher's "continue" moves the class on. */
  advance?: boolean;
  onPress: (event: CustomEvent<{ name: string }>) => void;
}

export interface StepViewState {
  /** Shell strings (journey.continue, …). */
  t: (key: string) => string;
  /** Caption text of a line id, in the visit's language. */
  text: (lineId: string) => string;
  /** The line being spoken, if any. */
  speaking: string | null;
  /** The control touched once (it spoke), waiting for a second touch. */
  armed: string | null;
}

export function captionTemplate(line: string, text: string, speaking: boolean): TemplateResult {
  return html`<p class="caption" data-line=${line} ?data-speaking=${speaking}>${text}</p>`;
}

export function stepTemplate(step: StepMeta, view: StepViewState): TemplateResult | typeof nothing {
  const { t, text } = view;
  const button = (name: string, icon: IconName, label: string, speakingLine: string) => html`
    <pc-big-button name=${name} icon=${icon} .label=${label} class="choice"
      ?speaking=${view.speaking === speakingLine} ?data-armed=${view.armed === name}></pc-big-button>`;
  switch (step.kind) {
    case 'choose':
      return html`<div class="choices" role="group" aria-label=${text(step.line)}>
          ${step.options.map((o) => button(`option:${o.key}`, o.icon as IconName, text(o.label), o.label))}
        </div>
        ${view.armed ? html`<p class="hint">${t('journey.confirm')}</p>` : nothing}`;
    case 'note':
      return html`<div class="choices">
          ${button('continue:', 'walk', t('journey.continue'), 'shell.journey.continue')}
          ${button('leave:', 'door', t('journey.leave'), 'shell.journey.leave')}
        </div>`;
    case 'reflect':
      return step.mode === 'inline'
        ? html`<div class="choices">${button('done:', 'yes', t('journey.done'), 'shell.journey.done')}</div>`
        : html`<p class="handoff"><span class="arrow" aria-hidden="true">${shellIcons.next}</span>${t('journey.nextStation')}</p>`;
    default:
      return nothing;
  }
}

/** The whole station screen over the stage: quick exit, helpline card, caption, step, controls. */
export function journeyTemplate(view: JourneyViewState): TemplateResult {
  const { t, step } = view;
  const line = step && 'line' in step ? step.line : null;
  return html`
    <div class="journey" data-kind=${step?.kind ?? (view.failed ? 'error' : 'loading')} @pc-press=${view.onPress}>
      <pc-big-button name="exit" icon="exit" class="exit" .label=${t('visit.exit')}></pc-big-button>
      ${
        view.helpline
          ? html`<aside class="helpline" aria-label=${t('journey.helpline')}>
              <strong dir="ltr" lang="en">800 290 290</strong><span>${t('journey.helpline')}</span>
            </aside>`
          : nothing
      }
      <section class="panel" aria-live="polite">
        ${
          view.paused
            ? html`<p class="caption">${t('journey.paused')}</p>`
            : line
              ? captionTemplate(line, view.text(line), view.speaking === line)
              : html`<p class="caption muted">${step ? '' : t('journey.loading')}</p>`
        }
        ${step && !view.paused ? stepTemplate(step, view) : nothing}
        ${
          view.advance && !view.paused
            ? html`<div class="choices"><pc-big-button name="advance" icon="walk" class="choice advance"
                .label=${t('journey.continue')}></pc-big-button></div>`
            : nothing
        }
        <nav class="controls">
          <pc-big-button name="replay" icon="replay" .label=${t('visit.replay')}></pc-big-button>
          <pc-big-button name="pause" icon=${view.paused ? 'play' : 'pause'}
            .label=${view.paused ? t('journey.resume') : t('journey.pause')}></pc-big-button>
        </nav>
      </section>
    </div>
  `;
}

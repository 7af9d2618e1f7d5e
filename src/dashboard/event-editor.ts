/**
 * @summary The event editor: a modal form to create, change or delete an event, with the report's
 * vocabulary (types, audiences, provinces) in the dashboard's language. People reached may stay
 * blank: the register then counts the kiosks' check-ins. Each problem is shown next to its field;
 * the register's refusal is shown above the buttons; nothing closes until the register confirmed.
 * @event pd-event-saved - the register stored the event; detail: { event, created }
 * @event pd-event-deleted - the register deleted the event; detail: { event }
 */
import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { AUDIENCE_KEYS, EVENT_TYPE_KEYS, PROVINCES } from '../contracts/register.ts';
import type { RegisterApi } from './api.ts';
import type { ConfirmDialog } from './confirm-dialog.ts';
import { apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import {
  blankDraft,
  checkDraft,
  type DraftField,
  type DraftProblem,
  draftFrom,
  type EventDraft,
} from './event-form.ts';
import { describeError } from './messages.ts';
import type { IsoDay, RegisterEvent } from './wire.ts';
import './confirm-dialog.ts';

export type EventSavedEvent = CustomEvent<{ event: RegisterEvent; created: boolean }>;
export type EventDeletedEvent = CustomEvent<{ event: RegisterEvent }>;

@customElement('pd-event-editor')
export class EventEditor extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      form { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem 1.25rem; }
      .wide { grid-column: 1 / -1; }
      input, select, textarea { width: 100%; }
      .counted { grid-column: 1 / -1; margin: 0; }
      .actions { grid-column: 1 / -1; }
      .req { color: var(--pd-muted); font-weight: 400; font-size: 0.9rem; }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;

  @state() private editing: RegisterEvent | null = null;
  @state() private draft: EventDraft = blankDraft('');
  @state() private problems: Partial<Record<DraftField, DraftProblem>> = {};
  @state() private busy: 'saving' | 'deleting' | null = null;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('pd-confirm') private confirm!: ConfirmDialog;

  /** Opens the editor on an event, or blank for a new one starting on `day`. */
  async open(event: RegisterEvent | null, day: IsoDay): Promise<void> {
    this.editing = event;
    this.draft = event ? draftFrom(event) : blankDraft(day);
    this.problems = {};
    this.error = '';
    this.busy = null;
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
  }

  private set<K extends DraftField>(field: K, value: EventDraft[K]): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.problems[field]) {
      const { [field]: _fixed, ...rest } = this.problems;
      this.problems = rest;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const checked = checkDraft(this.draft);
    if (!checked.ok) {
      this.problems = checked.problems;
      this.error = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = 'saving';
    this.error = '';
    try {
      const editing = this.editing;
      const saved = editing
        ? await this.api.updateEvent(editing.id, checked.input)
        : await this.api.createEvent(checked.input);
      this.dialog.close();
      this.dispatchEvent(
        new CustomEvent('pd-event-saved', {
          detail: { event: saved, created: !editing },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.error = describeError(error, this.locale.t);
    } finally {
      this.busy = null;
    }
  }

  private async deleteEvent(): Promise<void> {
    const event = this.editing;
    if (!event || this.busy) return;
    const { t } = this.locale;
    const sure = await this.confirm.ask({
      title: t.editor.confirmDelete(event.title),
      body: t.editor.confirmDeleteBody,
      confirm: t.editor.delete,
      cancel: t.app.cancel,
    });
    if (!sure) return;
    this.busy = 'deleting';
    this.error = '';
    try {
      await this.api.deleteEvent(event.id);
      this.dialog.close();
      this.dispatchEvent(
        new CustomEvent('pd-event-deleted', { detail: { event }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = describeError(error, this.locale.t);
    } finally {
      this.busy = null;
    }
  }

  /** A labelled control with its hint and its problem, both tied to it for screen readers. */
  private field(
    id: DraftField,
    label: string,
    control: (describedBy: string, invalid: boolean) => TemplateResult,
    options: { hint?: string; required?: boolean; wide?: boolean } = {},
  ) {
    const problem = this.problems[id];
    const describedBy = [options.hint ? `${id}-hint` : '', problem ? `${id}-problem` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field ${options.wide ? 'wide' : ''}">
      <label for=${id}>${label}${
        options.required ? html` <span class="req">(${this.locale.t.app.required})</span>` : nothing
      }</label>
      ${control(describedBy, Boolean(problem))}
      ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
      ${problem ? html`<p class="field-error" id="${id}-problem">${this.locale.t.editor[problem]}</p>` : nothing}
    </div>`;
  }

  private text(id: 'title' | 'venue' | 'municipality', max: number) {
    return (describedBy: string, invalid: boolean) =>
      html`<input id=${id} .value=${this.draft[id]} maxlength=${max} aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing} ?required=${id === 'title'}
        @input=${(e: Event) => this.set(id, (e.target as HTMLInputElement).value)} />`;
  }

  private choice<K extends 'type' | 'audience' | 'province'>(
    id: K,
    options: ReadonlyArray<{ value: string; label: string }>,
  ) {
    return (describedBy: string, invalid: boolean) =>
      html`<select id=${id} required aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => this.set(id, (e.target as HTMLSelectElement).value as EventDraft[K])}>
        <option value="" ?selected=${this.draft[id] === ''}>${this.locale.t.editor.choose}</option>
        ${options.map(
          (o) => html`<option value=${o.value} ?selected=${this.draft[id] === o.value}>${o.label}</option>`,
        )}
      </select>`;
  }

  private date(id: 'startDate' | 'endDate') {
    return (describedBy: string, invalid: boolean) =>
      html`<input id=${id} type="date" .value=${this.draft[id]} ?required=${id === 'startDate'}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.set(id, (e.target as HTMLInputElement).value)} />`;
  }

  override render() {
    const { t, words, fmt } = this.locale;
    const editing = this.editing;
    const problemCount = Object.keys(this.problems).length;
    return html`<dialog aria-labelledby="editor-title" @close=${() => {
      this.busy = null;
    }}>
      <div class="dialog-body">
        <h2 id="editor-title">${editing ? t.editor.edit : t.editor.create}</h2>
        <form novalidate @submit=${this.save}>
          ${this.field('title', t.editor.title, this.text('title', 120), { required: true, wide: true })}
          ${this.field(
            'type',
            t.editor.type,
            this.choice(
              'type',
              EVENT_TYPE_KEYS.map((k) => ({ value: k, label: words.type(k) })),
            ),
            { required: true },
          )}
          ${this.field(
            'audience',
            t.editor.audience,
            this.choice(
              'audience',
              AUDIENCE_KEYS.map((k) => ({ value: k, label: words.audience(k) })),
            ),
            { required: true },
          )}
          ${this.field('venue', t.editor.venue, this.text('venue', 120))}
          ${this.field('municipality', t.editor.municipality, this.text('municipality', 80))}
          ${this.field(
            'province',
            t.editor.province,
            this.choice(
              'province',
              PROVINCES.map((p) => ({ value: p, label: words.province(p) })),
            ),
            { required: true },
          )}
          ${this.field('startDate', t.editor.startDate, this.date('startDate'), { required: true })}
          ${this.field('endDate', t.editor.endDate, this.date('endDate'), { hint: t.editor.endHint })}
          ${this.field(
            'people',
            t.editor.people,
            (describedBy, invalid) =>
              html`<input id="people" inputmode="numeric" autocomplete="off" .value=${this.draft.people}
                aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
                @input=${(e: Event) => this.set('people', (e.target as HTMLInputElement).value)} />`,
            { hint: t.editor.peopleHint, wide: true },
          )}
          ${
            editing
              ? html`<p class="counted notice">${t.editor.counted(
                  fmt.number(editing.counted),
                  editing.countedFrom === 'kiosks',
                )}</p>`
              : nothing
          }
          ${this.field(
            'notes',
            t.editor.notes,
            (describedBy) =>
              html`<textarea id="notes" maxlength="2000" .value=${this.draft.notes} aria-describedby=${describedBy || nothing}
                @input=${(e: Event) => this.set('notes', (e.target as HTMLTextAreaElement).value)}></textarea>`,
            { wide: true },
          )}
          <div class="wide" role="alert">
            ${
              this.error
                ? html`<p class="alert">${this.error}</p>`
                : problemCount > 0
                  ? html`<p class="field-error">${t.editor.fix}</p>`
                  : nothing
            }
          </div>
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy !== null}>
              ${this.busy === 'saving' ? t.editor.saving : t.editor.save}
            </button>
            <button type="button" @click=${() => this.dialog.close()}>${t.app.cancel}</button>
            ${
              editing
                ? html`<button type="button" class="danger end" ?disabled=${this.busy !== null} @click=${this.deleteEvent}>
                    ${this.busy === 'deleting' ? t.editor.deleting : t.editor.delete}
                  </button>`
                : nothing
            }
          </div>
        </form>
      </div>
    </dialog>
    <pd-confirm></pd-confirm>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-event-editor': EventEditor;
  }
  interface HTMLElementEventMap {
    'pd-event-saved': EventSavedEvent;
    'pd-event-deleted': EventDeletedEvent;
  }
}

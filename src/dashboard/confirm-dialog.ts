/**
 * @summary A modal question before something that cannot be undone (delete an event, revoke a
 * kiosk): a native `<dialog>`, so focus stays inside, Escape cancels and focus returns to the
 * button that asked. "Cancel" has the focus first: a stray Enter does nothing harmful.
 */
import { html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { dashboardStyles } from './dashboard.styles.ts';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
}

@customElement('pd-confirm')
export class ConfirmDialog extends LitElement {
  static override styles = dashboardStyles;

  @state() private request: ConfirmRequest | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  private resolve: ((ok: boolean) => void) | null = null;

  /** Opens the dialog; resolves true when confirmed, false when cancelled or dismissed. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this.resolve?.(false);
    this.request = request;
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise<boolean>((resolve) => {
      this.resolve = resolve;
    });
  }

  private finish(ok: boolean): void {
    const resolve = this.resolve;
    this.resolve = null;
    if (this.dialog.open) this.dialog.close();
    resolve?.(ok);
  }

  override render() {
    const r = this.request;
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-body"
      @close=${() => this.finish(false)}>
      <div class="dialog-body">
        <h2 id="confirm-title">${r?.title}</h2>
        <p id="confirm-body">${r?.body}</p>
        <div class="actions">
          <button type="button" autofocus @click=${() => this.finish(false)}>${r?.cancel}</button>
          <button type="button" class="danger primary" @click=${() => this.finish(true)}>${r?.confirm}</button>
        </div>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-confirm': ConfirmDialog;
  }
}

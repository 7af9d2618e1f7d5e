// Which keyboard shortcuts would take a visitor out of the app (reload, zoom, print, new
// window, history, devtools…). Pure, so it is tested without a browser. F5 and Ctrl+R are
// blocked too: a reload mid-visit wipes what a visitor typed; staff reload from the staff
// panel instead (docs/decisions/0004-kiosk-lockdown.md).

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const WITH_CTRL = new Set([
  '+',
  '-',
  '=',
  '0',
  'a',
  'f',
  'g',
  'h',
  'i',
  'j',
  'l',
  'n',
  'o',
  'p',
  'r',
  's',
  't',
  'u',
  'w',
  'q',
  'd',
  'e',
  'k',
]);
const ALWAYS = new Set([
  'F1',
  'F3',
  'F5',
  'F6',
  'F7',
  'F10',
  'F11',
  'F12',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'ContextMenu',
]);

export function isBlockedShortcut(event: KeyLike, inTextField: boolean): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (ALWAYS.has(key)) return true;
  if (event.altKey && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'F4'))
    return true;
  if (event.ctrlKey || event.metaKey) {
    // Ctrl+Shift+C inspects an element (developer tools), even from a text field.
    if (event.shiftKey && key === 'c') return true;
    // Copy, paste and cut stay usable inside a text field; everything else is the browser's.
    if (inTextField && ['c', 'v', 'x', 'z', 'y'].includes(key)) return false;
    return (
      WITH_CTRL.has(key) || key === 'Tab' || key.startsWith('F') || key === 'PageUp' || key === 'PageDown'
    );
  }
  if (key === 'Backspace' && !inTextField) return true;
  return false;
}

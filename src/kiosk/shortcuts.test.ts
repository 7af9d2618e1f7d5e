import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyLike } from './shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('kiosk shortcuts', () => {
  it.each([
    ['F5', key('F5')],
    ['Ctrl+R', key('r', { ctrlKey: true })],
    ['Ctrl+Shift+R', key('R', { ctrlKey: true, shiftKey: true })],
    ['Ctrl+P', key('p', { ctrlKey: true })],
    ['Ctrl++', key('+', { ctrlKey: true })],
    ['Ctrl+-', key('-', { ctrlKey: true })],
    ['Ctrl+0', key('0', { ctrlKey: true })],
    ['Ctrl+N', key('n', { ctrlKey: true })],
    ['Ctrl+W', key('w', { ctrlKey: true })],
    ['Ctrl+L', key('l', { ctrlKey: true })],
    ['Alt+Left', key('ArrowLeft', { altKey: true })],
    ['Alt+F4', key('F4', { altKey: true })],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Cmd+Q', key('q', { metaKey: true })],
    ['Backspace outside a field', key('Backspace')],
    ['Ctrl+Shift+I (developer tools)', key('I', { ctrlKey: true, shiftKey: true })],
    ['Ctrl+Shift+J (console)', key('J', { ctrlKey: true, shiftKey: true })],
  ])('blocks %s', (_name, event) => {
    expect(isBlockedShortcut(event, false)).toBe(true);
  });

  it('blocks Ctrl+Shift+C (inspect element) even in a text field, where Ctrl+C copies', () => {
    expect(isBlockedShortcut(key('C', { ctrlKey: true, shiftKey: true }), true)).toBe(true);
    expect(isBlockedShortcut(key('c', { ctrlKey: true }), true)).toBe(false);
  });

  it.each([
    ['letters', key('a'), false],
    ['Backspace in a field', key('Backspace'), true],
    ['Ctrl+C in a field', key('c', { ctrlKey: true }), true],
    ['Ctrl+V in a field', key('v', { ctrlKey: true }), true],
    ['Enter', key('Enter'), false],
    ['Tab (keyboard users move between controls)', key('Tab'), false],
  ])('lets %s through', (_name, event, inField) => {
    expect(isBlockedShortcut(event, inField)).toBe(false);
  });
});

// Typed keys: the Italian source file defines which keys exist.
import 'i18next';
import type shell from '../../locales/it/shell.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'shell';
    resources: { shell: typeof shell };
  }
}

// The dashboard's entry point and composition root (register/index.html, served at /register/):
// creates the register's client over the page's fetch, hands it and the page's storage and
// languages to <percorso-dashboard>, and sets the page-level styles (the CSP forbids inline
// styles, so they are a constructed style sheet, as lit's own are).
import { RegisterApi } from './api.ts';
import './dashboard-app.ts';

const page = new CSSStyleSheet();
page.replaceSync('html, body { margin: 0; min-height: 100%; background: #f5f4f0; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];

/** localStorage, or null where the browser refuses it (some private modes throw on access). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const app = document.createElement('percorso-dashboard');
app.api = new RegisterApi((input, init) => window.fetch(input, init));
app.page = { storage: storage(), languages: navigator.languages ?? [navigator.language], window };
document.body.append(app);

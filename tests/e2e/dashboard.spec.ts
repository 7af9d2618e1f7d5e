// The register's dashboard at /register/, against the embedded register `npm start` serves:
// signing in (and a wrong password said in words), an event made in the editor and counted in
// the report, a spreadsheet and a USB bundle imported with their counts, a kiosk enrolled (its
// token shown once) and revoked, reflections moderated (a disclosure never approvable), the
// switch to English, and no axe-core violations on any screen.
//
// The register's SQLite file lives with the test results and may hold earlier runs' data, so
// every name is unique to this run and every figure is compared with what was there before.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { AttendanceRecord } from '../../src/records/attendance.ts';
import type { ReflectionRecord } from '../../src/records/reflection.ts';
import { createUuid7 } from '../../src/records/uuid.ts';
import { makeBundle } from '../../src/sync/bundle.ts';

/** Where playwright.config.ts tells the e2e server to keep the register. */
const DATA_DIR = process.env.E2E_DIST ? `${process.env.E2E_DIST}-register` : 'test-results/register';
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const USER = `staff-${RUN}`;
const PASSWORD = 'lungo-e-segreto-42';
const newId = createUuid7();

/** A day of its own for this run (any year 2000–2099), so its report holds only this run's events. */
function runDay(offset: number): string {
  const n = Number.parseInt(RUN.slice(-6), 36) + offset * 7919;
  const year = 2000 + (n % 100);
  const month = 1 + (Math.floor(n / 100) % 12);
  const day = 1 + (Math.floor(n / 1200) % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

test.beforeAll(() => {
  // The account, made the way an administrator does (the server keeps running: SQLite WAL).
  execFileSync('npx', ['tsx', 'scripts/register-admin.ts', '--username', USER], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, DATA_DIR, DATABASE_URL: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
});

// The dashboard runs under the same CSP as the kiosks (no inline scripts or styles): any
// violation is a bug, even one that leaves the screen looking right.
let cspViolations: string[] = [];
test.beforeEach(({ page }) => {
  cspViolations = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
});
test.afterEach(() => {
  expect(cspViolations).toEqual([]);
});

async function signIn(page: Page): Promise<void> {
  const response = await page.request.post('/api/v1/session', {
    data: { username: USER, password: PASSWORD },
  });
  expect(response.status()).toBe(200);
}

/** Every axe-core rule, on the whole page including the dashboard's shadow roots. */
async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    ),
    `axe on ${screen}`,
  ).toEqual([]);
}

/** The section's data has arrived (nothing is loading). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.busy')).toHaveCount(0);
}

const italian = (n: number) => new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(n);

test('signs in, says so when the password is wrong, and signs out', async ({ page }) => {
  await page.goto('/register/');
  await expect(page.getByRole('heading', { name: 'Accedi al registro' })).toBeVisible();
  await expect(page).toHaveTitle('Percorso · Registro eventi');

  await page.getByLabel('Nome utente').fill(USER);
  await page.getByLabel('Password', { exact: true }).fill('non-la-password');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByText('Nome utente o password errati.')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, 'sign-in (with an error)');

  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Eventi' })).toBeFocused();
  await expect(page.getByText(`Accesso come ${USER}`)).toBeVisible();

  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByText('Sei uscito dal registro.')).toBeVisible();
  expect((await page.request.get('/api/v1/session')).status()).toBe(401);
});

test('keeps an event: made in the editor, listed, counted in the report, deleted', async ({ page }) => {
  await signIn(page);
  const day = runDay(0);
  const before = (await (await page.request.get(`/api/v1/report?from=${day}&to=${day}`)).json()).total;
  const title = `Workers ${RUN}`;
  await page.goto(`/register/#events?from=${day}&to=${day}`);
  await settled(page);

  await page.getByRole('button', { name: 'Nuovo evento' }).click();
  const editor = page.getByRole('dialog', { name: 'Nuovo evento' });
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: 'Salva' }).click();
  await expect(editor.getByText('Scrivi un titolo.')).toBeVisible();
  await expect(editor.getByLabel(/^Titolo/)).toBeFocused();
  await expectNoAxeViolations(page, 'the event editor with problems, over the events');

  await editor.getByLabel(/^Titolo/).fill(title);
  await editor.getByLabel(/^Tipologia di evento/).selectOption('installation-workers');
  await editor.getByLabel(/^Destinatari raggiunti/).selectOption('students');
  await editor.getByLabel(/^Provincia/).selectOption('PV');
  await editor.getByLabel(/^Comune/).fill('Pavia');
  await editor.getByLabel(/^Inizio/).fill(day);
  await editor.getByLabel(/^Persone raggiunte/).fill('1.234');
  await editor.getByRole('button', { name: 'Salva' }).click();
  await expect(editor).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Installazione interattiva “Workers”');
  await expect(row).toContainText('PV · Pavia');
  await expect(row).toContainText('1.234');

  // The report for the same period (the section link keeps it).
  await page.getByRole('link', { name: 'Rendiconto', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rendiconto' })).toBeFocused();
  await settled(page);
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Tipologia di evento',
    'Destinatari raggiunti',
    'N.',
  ]);
  await expect(table.getByRole('row').filter({ hasText: 'Studenti' })).toContainText(
    'Installazione interattiva “Workers”',
  );
  await expect(table.locator('tfoot')).toHaveText(
    new RegExp(`Totali\\s*${italian(before + 1234).replaceAll('.', '\\.')}`),
  );
  await expectNoAxeViolations(page, 'report');
  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Scarica CSV' }).click();
  expect((await csv).suggestedFilename()).toBe(`eventi-sensibilizzazione_${day}_${day}.csv`);
  await expect(page.getByRole('link', { name: 'Scarica Excel (XLSX)' })).toHaveAttribute(
    'href',
    `/api/v1/report?from=${day}&to=${day}&format=xlsx`,
  );

  await page.getByRole('link', { name: 'Eventi', exact: true }).click();
  await page.getByRole('button', { name: `Modifica ${title}` }).click();
  const edit = page.getByRole('dialog', { name: 'Modifica evento' });
  await expect(edit.getByText('Oggi contate: 1.234, come scritto qui.')).toBeVisible();
  await edit.getByRole('button', { name: 'Elimina evento' }).click();
  const confirm = page.getByRole('dialog', { name: `Eliminare «${title}»?` });
  await expect(confirm.getByRole('button', { name: 'Annulla' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Elimina evento' }).click();
  await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
});

test('imports a spreadsheet and a USB bundle, with what was imported, already there or rejected', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/register/#import');
  await expect(page.getByRole('heading', { name: 'Foglio di calcolo degli eventi' })).toBeVisible();

  const [y, m, d] = runDay(1).split('-');
  const csv = [
    'Data;Tipologia di evento;Destinatari raggiunti;N.;Provincia;Note',
    `${d}/${m}/${y};Mostre fotografiche;Cittadinanza;40;Cremona;prova ${RUN}`,
    `${d}/${m}/${y};Mostre fotografiche;Marziani;12;Cremona;prova ${RUN}`,
  ].join('\n');
  const sheet = { name: `eventi-${RUN}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) };
  const counts = page.locator('#sheet-result + dl');
  await page.getByLabel('Foglio di calcolo (.csv, .xlsx)').setInputFiles(sheet);
  await page.getByRole('button', { name: 'Importa eventi' }).click();
  await expect(
    page.getByRole('heading', { name: `Importazione di «${sheet.name}» conclusa.` }),
  ).toBeFocused();
  await expect(counts.locator('dd')).toHaveText(['2', '1', '0', '1']);
  const rejected = page.getByRole('table', { name: /Righe scartate/ });
  await expect(rejected.getByRole('row').nth(1)).toContainText('3');
  await expect(rejected.getByRole('row').nth(1)).toContainText('“Destinatari raggiunti” (C)');
  await expect(rejected.getByRole('row').nth(1)).toContainText('“Marziani” is not an audience');
  await expectNoAxeViolations(page, 'import with results');

  // The same file again changes nothing.
  await page.getByLabel('Foglio di calcolo (.csv, .xlsx)').setInputFiles(sheet);
  await page.getByRole('button', { name: 'Importa eventi' }).click();
  await expect(counts.locator('dd')).toHaveText(['2', '0', '1', '1']);

  const device = `dev-${RUN}`;
  const checkIns: AttendanceRecord[] = [18, 22].map((size, i) => ({
    id: newId(),
    device,
    seq: i + 1,
    event: null,
    station: 'workers-01',
    at: `${runDay(1)}T09:00:00.000Z`,
    mono: i + 1,
    boot: 'boot-dashboard',
    synced: 0,
    v: 1,
    kind: 'check-in',
    group: `3${'AB'[i]}`,
    size,
  }));
  const bundle = await makeBundle({
    createdAt: new Date().toISOString(),
    device,
    kioskName: `Workers ${RUN}`,
    station: 'workers-01',
    appVersion: '0.1.0',
    items: checkIns.map((record) => ({ store: 'attendance' as const, record })),
  });
  const file = {
    name: `bundle-${RUN}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bundle)),
  };
  await page.getByLabel('Pacchetto del chiosco (.json)').setInputFiles(file);
  await page.getByRole('button', { name: 'Importa i dati del chiosco' }).click();
  await expect(page.locator('#bundle-result + dl dd')).toHaveText(['2', '0', '0']);
  await expect(page.getByText(`Registrati sotto il chiosco «Workers ${RUN} (USB)».`)).toBeVisible();

  await page
    .getByLabel('Pacchetto del chiosco (.json)')
    .setInputFiles({ name: 'note.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await page.getByRole('button', { name: 'Importa i dati del chiosco' }).click();
  await expect(
    page.getByText('Questo file non è un pacchetto di sincronizzazione di Percorso'),
  ).toBeVisible();
});

test('enrols a kiosk, shows its token once, lists it, and revokes it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  await page.goto('/register/#kiosks');
  await settled(page);
  const name = `Chiosco ${RUN}`;
  await page.getByLabel('Nome del chiosco').fill(name);
  await page.getByRole('button', { name: 'Registra', exact: true }).click();

  await expect(page.getByRole('heading', { name: `Token di «${name}»` })).toBeFocused();
  await expect(page.getByText('Mostrato solo questa volta')).toBeVisible();
  const token = await page.getByLabel('Token', { exact: true }).inputValue();
  expect(token).toMatch(/^[\w-]{43}$/);
  await page.getByRole('button', { name: 'Copia il token' }).click();
  await expect(page.getByText('Token copiato negli appunti.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expectNoAxeViolations(page, 'kiosks with a new token');

  // Listed, and flagged in words: it has never connected.
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Mai collegato');
  await page.getByRole('button', { name: 'Fatto, nascondi il token' }).click();
  await expect(page.getByLabel('Token', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Nome del chiosco')).toBeFocused();

  // The token works until the kiosk is revoked.
  const batch = () =>
    page.request.post('/api/v1/batches', {
      headers: { authorization: `Bearer ${token}` },
      data: {
        sentAt: new Date().toISOString(),
        heartbeat: {
          appVersion: '9.9.9',
          pending: 2,
          storageRatio: 0.5,
          // What `npm run kiosk` did on the station: a crash and its reload, then a relaunch.
          supervisor: [
            { at: new Date(Date.now() - 3_600_000).toISOString(), action: 'crash', reason: 'renderer gone' },
            { at: new Date(Date.now() - 3_599_000).toISOString(), action: 'reload', reason: 'opening again' },
            {
              at: new Date(Date.now() - 60_000).toISOString(),
              action: 'relaunch',
              reason: 'Chromium exited (signal SIGKILL)',
            },
          ],
        },
        records: [],
      },
    });
  expect((await batch()).status()).toBe(200);
  await page.reload();
  await expect(row).toContainText('In contatto');
  await expect(row).toContainText('9.9.9');
  await expect(row).toContainText('50%');
  // Two incidents the supervisor recovered from today, the newest named.
  await expect(row.locator('[data-recoveries]')).toContainText('2');
  await expect(row.locator('[data-recoveries]')).toContainText('ultimo: riavvio del browser');
  await expectNoAxeViolations(page, 'kiosks with a supervisor report');

  await row.getByRole('button', { name: `Revoca ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Revocare «${name}»?` });
  await confirm.getByRole('button', { name: 'Revoca' }).click();
  await expect(row).toContainText('Revocato il');
  await expect(row.getByRole('button')).toHaveCount(0);
  expect((await batch()).status()).toBe(401);
});

test('moderates reflections; a disclosure is marked and never approvable', async ({ page }) => {
  await signIn(page);
  const kiosk = await (
    await page.request.post('/api/v1/devices', { data: { name: `Pensieri ${RUN}` } })
  ).json();
  const device = `dev-r-${RUN}`;
  const reflection = (seq: number, text: string, disclosure: boolean): ReflectionRecord => ({
    id: newId(),
    device,
    seq,
    event: null,
    station: 'pensieri-01',
    at: new Date().toISOString(),
    mono: seq,
    boot: 'boot-dashboard',
    synced: 0,
    v: 1,
    language: 'it',
    text,
    pictograms: disclosure ? [] : ['hopeful'],
    status: disclosure ? 'private' : 'pending',
    flags: [],
    disclosure,
    moderatedAt: null,
  });
  const kind = reflection(1, `Che il cambiamento inizi da qui ${RUN}`, false);
  const cry = reflection(2, `Anche a me hanno preso il passaporto ${RUN}`, true);
  const sent = await page.request.post('/api/v1/batches', {
    headers: { authorization: `Bearer ${kiosk.token}` },
    data: {
      sentAt: new Date().toISOString(),
      records: [kind, cry].map((record) => ({ store: 'reflections', record })),
    },
  });
  expect((await sent.json()).results.map((r: { status: string }) => r.status)).toEqual([
    'inserted',
    'inserted',
  ]);

  await page.goto('/register/#reflections');
  await settled(page);
  const card = page.locator('article').filter({ hasText: kind.text });
  await expect(card).toContainText('Emozioni scelte: fiducioso');
  await expect(card).toContainText('In attesa');
  await card.getByRole('button', { name: 'Approva' }).click();
  await expect(card).toHaveCount(0); // out of the waiting queue
  await expect(page.getByRole('status').filter({ hasText: 'Pensiero approvato' })).toBeAttached();

  await page.getByLabel('Approvati').check();
  await expect(page.locator('article').filter({ hasText: kind.text })).toContainText('Approvato');
  const wall = await (await page.request.get('/api/v1/walls/reflections')).json();
  expect(wall.reflections.map((r: { id: string }) => r.id)).toContain(kind.id);

  await page.getByLabel('Riservati').check();
  const private_ = page.locator('article').filter({ hasText: cry.text });
  await expect(private_).toContainText('Possibile richiesta di aiuto');
  await expect(private_).toContainText('800 290 290');
  await expect(private_.getByRole('button', { name: 'Approva' })).toHaveCount(0);
  await expect(private_.getByRole('button', { name: 'Nascondi' })).toBeEnabled();
  // Every kind of card at once (waiting, approved, a disclosure) for axe.
  await page.getByLabel('Tutti').check();
  await expect(page.locator('article').filter({ hasText: cry.text })).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'reflections');
  // The register refuses it too, whatever a page might send.
  const refused = await page.request.put(`/api/v1/reflections/${cry.id}/status`, {
    data: { status: 'approved' },
  });
  expect(refused.status()).toBe(409);
});

test('draws the charts, switches to English and remembers it', async ({ page }) => {
  await signIn(page);
  await page.goto('/register/#charts?period=all');
  await settled(page);
  await expect(page.getByRole('table', { name: 'Persone raggiunte per provincia' })).toBeVisible();
  await expectNoAxeViolations(page, 'charts');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Charts' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Events', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'People reached per province' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Percorso · Events register');

  await page.reload();
  await expect(page.getByRole('link', { name: 'Report', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await settled(page);
  await expect(page.getByRole('columnheader', { name: 'Event type' })).toBeVisible();
  for (const section of ['Charts', 'Kiosks', 'Reflections', 'Import', 'Events']) {
    await page.getByRole('link', { name: section, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeFocused();
    await settled(page);
  }
  await expectNoAxeViolations(page, 'events in English');
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.getByRole('link', { name: 'Eventi', exact: true })).toBeVisible();
});

test('keeps the section and the period in the address, and asks to sign in again when the session ends', async ({
  page,
  context,
}) => {
  await signIn(page);
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 2, name: 'Eventi' })).toBeVisible();
  await page.goto('/register/#report?period=all');
  await settled(page);
  await page.getByRole('button', { name: 'Quest’anno' }).click();
  const year = new Date().getFullYear();
  await expect(page).toHaveURL(new RegExp(`#report\\?from=${year}-01-01&to=${year}-12-31$`));
  await expect(page.getByRole('button', { name: 'Quest’anno' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByLabel('Dal')).toHaveValue(`${year}-01-01`);
  await expect(
    page.getByText(`Eventi di sensibilizzazione, dal 1 gen ${year} al 31 dic ${year}`),
  ).toBeVisible();
  await page.getByLabel('Dal').fill(`${year + 1}-06-01`);
  await expect(page.getByText('La data di inizio viene dopo quella di fine.')).toBeVisible();

  await context.clearCookies();
  await page.getByRole('link', { name: 'Chioschi', exact: true }).click();
  await expect(page.getByText('La sessione è scaduta: accedi di nuovo.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Accedi al registro' })).toBeFocused();
  await page.getByLabel('Nome utente').fill(USER);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Chioschi' })).toBeFocused();
});

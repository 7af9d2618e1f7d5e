import { describe, expect, it } from 'vitest';
import type { AudioManifest } from '../../contracts/audio-manifest.ts';
import type { CompiledInstallation } from '../compiled.ts';
import { compileJourney } from './compile.ts';
import { lineStatus } from './coverage.ts';
import { journeyDiagram } from './diagram.ts';
import { catalogue, GOOD } from './fixtures.ts';
import { csvCell, recordingScript } from './script.ts';

const journey = compileJourney({
  source: GOOD,
  file: 'f.yaml',
  installation: 'workers',
  order: 1,
  catalogue,
}).journey;
if (!journey) throw new Error('fixture does not compile');
const installation: CompiledInstallation = { installation: 'workers', journeys: [journey], ambience: {} };
const manifest: AudioManifest = {
  version: 1,
  lines: { 'prova.uno': { it: { status: 'recorded', file: 'it/prova.uno.webm', durationMs: 2000 } } },
};

describe('journeys:diagram', () => {
  it('draws the steps a visitor meets, with choices, timeouts and conditions on the arrows', () => {
    const diagram = journeyDiagram(journey);
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(diagram).toContain('[*] --> note_prova_nota');
    expect(diagram).toContain('note_prova_nota --> left : leave');
    expect(diagram).toContain('choose_prova_scelta --> say_prova_casa : choose resta');
    expect(diagram).toContain('choose_prova_scelta --> pause_4 : timeout');
    expect(diagram).toMatch(/pause_4 --> say_prova_poca : \{var,paga,lt,40\}/);
    // Eventless steps (scene, set, if, do) are folded into the arrows.
    expect(diagram).not.toMatch(/^\s+scene_1 :/m);
    expect(diagram).toContain('completed --> [*]');
  });
});

describe('journeys:script and coverage', () => {
  it('marks translations as current, stale (Italian changed), unchecked or missing', () => {
    const hash = journey.lines['prova.uno']?.hash ?? '';
    const file = { strings: { 'prova.uno': 'It is four.' }, sourceHashes: { 'prova.uno': hash } };
    expect(lineStatus('prova.uno', hash, 'en', file, manifest)).toEqual({
      translation: 'current',
      audio: 'missing',
      audioStale: false,
    });
    expect(lineStatus('prova.uno', 'changed', 'en', file, manifest).translation).toBe('stale');
    expect(lineStatus('prova.uno', hash, 'en', { ...file, sourceHashes: {} }, manifest).translation).toBe(
      'unchecked',
    );
    expect(lineStatus('prova.due', hash, 'en', file, manifest).translation).toBe('missing');
    expect(lineStatus('prova.uno', hash, 'it', null, manifest)).toEqual({
      translation: 'source',
      audio: 'recorded',
      audioStale: false,
    });
  });

  it('flags a clip made for an older Italian text', () => {
    const hash = journey.lines['prova.uno']?.hash ?? '';
    const clip = { status: 'recorded' as const, file: 'it/prova.uno.webm', durationMs: 2000 };
    const made = (madeFor: string): AudioManifest => ({
      version: 1,
      lines: { 'prova.uno': { it: { ...clip, madeFor } } },
    });
    expect(lineStatus('prova.uno', hash, 'it', null, made(hash)).audioStale).toBe(false);
    expect(lineStatus('prova.uno', hash, 'it', null, made('0123456789ab')).audioStale).toBe(true);
    expect(recordingScript(installation, 'it', null, made('0123456789ab'))).toContain(
      '"recorded: DA RIREGISTRARE (testo cambiato)"',
    );
  });

  it('writes a CSV Italian Excel opens: BOM, ";" separators, CRLF, quoted cells, one row per line', () => {
    const csv = recordingScript(
      installation,
      'en',
      { strings: { 'prova.due': 'Get in.' }, sourceHashes: {} },
      manifest,
    );
    expect(csv.startsWith('\uFEFF"id riga / line id";"voce / speaker"')).toBe(true);
    const rows = csv.slice(1).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(1 + Object.keys(journey.lines).length);
    expect(rows).toContain(
      '"prova.due";"caporale";"Sali.";"Get in.";"tradotto (non verificato sul testo attuale)";"missing"',
    );
    expect(rows.find((r) => r.startsWith('"prova.uno"'))).toContain('"DA TRADURRE"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('＠cmd')).toBe('"\'＠cmd"');
    expect(csvCell('Sali.')).toBe('"Sali."');
  });
});

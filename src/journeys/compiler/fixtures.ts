// Journey fixtures for the compiler and runtime tests: one good journey, and helpers to break it.
import type { SceneCatalogue } from './compile.ts';

export const catalogue: SceneCatalogue = {
  scenes: {
    campo: { title: 'field', states: ['alba', 'sera'], cameras: ['strada', 'filari'] },
    stanza: { title: 'room', states: ['buio'], cameras: ['centro'] },
  },
  modules: new Set(['campo']),
};

export const GOOD = `# a small journey touching every step kind
journey: prova
title: { id: prova.titolo, it: "Prova" }
minutes: 2
steps:
  - note: { id: prova.nota, it: "Questa stazione parla di debiti." }
  - scene: { id: campo, state: alba, camera: strada }
  - narrate:
      - { id: prova.uno, it: "Sono le quattro del mattino." }
      - { id: prova.due, it: "Sali.", speaker: caporale }
  - choose:
      prompt: { id: prova.scelta, it: "Sali sul furgone?" }
      timeout: 20
      default: sali
      options:
        - key: sali
          icon: van
          label: { id: prova.scelta.sali, it: "Salgo" }
          then:
            - set: { salito: true }
            - add: { paga: 30 }
        - key: resta
          icon: hand-stop
          label: { id: prova.scelta.resta, it: "Resto" }
          goto: casa
  - pause: 1
  - if: { var: paga, lt: 40 }
    then:
      - narrate: { id: prova.poca, it: "Trenta euro per dodici ore." }
    else:
      - narrate: { id: prova.tanta, it: "Mai." }
  - if: { guard: timedOut }
    then:
      - narrate: { id: prova.tardi, it: "Non hai scelto tu." }
  - do: showHelpline
  - reflect: { prompt: { id: prova.pensiero, it: "Lascia un pensiero." }, mode: handoff }
  - end: completed
  - label: casa
    narrate: { id: prova.casa, it: "Resti a casa, senza paga." }
  - end: completed
`;

/** GOOD with one text replaced (the first occurrence). */
export function broken(find: string, replace: string): string {
  if (!GOOD.includes(find)) throw new Error(`fixture text not found: ${find}`);
  return GOOD.replace(find, replace);
}

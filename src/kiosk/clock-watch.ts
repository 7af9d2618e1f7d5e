// Notices when the station's wall clock jumps: a dead CMOS battery after a power cut, an NTP
// correction after days offline, someone changing the date. Records keep their order (their
// sequence numbers and monotonic stamps do not depend on the wall clock, and the register sees
// the kiosk's clock offset), but staff should know the times on what follows are off. A laptop
// that was suspended looks the same from inside the page, so the message says both.

/** How often the shell compares the two clocks. */
export const CLOCK_CHECK_MS = 30_000;
/** A change at least this large between two checks is a jump, not drift. */
export const CLOCK_JUMP_MS = 2 * 60_000;

/**
 * Compares the wall clock with the monotonic one. Their difference stays the same while the
 * clock runs steadily; a jump changes it by the size of the jump. Each check starts from the
 * previous one, so slow corrections never add up to an alarm.
 */
export class ClockWatch {
  private offset: number;

  constructor(
    private readonly wall: () => number = () => Date.now(),
    private readonly mono: () => number = () => performance.now(),
    readonly limitMs = CLOCK_JUMP_MS,
  ) {
    this.offset = wall() - mono();
  }

  /** The jump since the last check in ms (positive: forward), or 0 when there was none. */
  check(): number {
    const offset = this.wall() - this.mono();
    const jump = offset - this.offset;
    this.offset = offset;
    return Math.abs(jump) >= this.limitMs ? jump : 0;
  }
}

/** "3 giorni", "1 ora"… in Italian and English, rounded to the largest unit that fits. */
export function describeDuration(ms: number): { it: string; en: string } {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const units: [number, string, string, string, string][] = [
    [60 * 24 * 365, 'anno', 'anni', 'year', 'years'],
    [60 * 24, 'giorno', 'giorni', 'day', 'days'],
    [60, 'ora', 'ore', 'hour', 'hours'],
    [1, 'minuto', 'minuti', 'minute', 'minutes'],
  ];
  for (const [size, itOne, itMany, enOne, enMany] of units) {
    if (minutes < size && size > 1) continue;
    const n = Math.round(minutes / size);
    return { it: `${n} ${n === 1 ? itOne : itMany}`, en: `${n} ${n === 1 ? enOne : enMany}` };
  }
  return { it: '0 minuti', en: '0 minutes' };
}

/** What staff read about a jump, with what to do. */
export function describeClockJump(jumpMs: number, now: Date): { it: string; en: string } {
  const size = describeDuration(jumpMs);
  // The station's own time zone: what staff compare with the clock on their phone.
  const shown = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(now);
  return jumpMs > 0
    ? {
        it: `L'orologio è andato avanti di ${size.it} (ora segna ${shown('it-IT')}), oppure la postazione era sospesa. Se la data è sbagliata, correggila: i dati restano in ordine.`,
        en: `The clock moved forward by ${size.en} (it now reads ${shown('en-GB')}), or the station was suspended. If the date is wrong, correct it: records stay in order.`,
      }
    : {
        it: `L'orologio è tornato indietro di ${size.it} (ora segna ${shown('it-IT')}). Se la data è sbagliata, correggila: i dati restano in ordine.`,
        en: `The clock went back by ${size.en} (it now reads ${shown('en-GB')}). If the date is wrong, correct it: records stay in order.`,
      };
}

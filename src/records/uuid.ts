// UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation
// time across devices and are unique without coordination. Within one millisecond a counter
// in the random field keeps ids from one generator strictly increasing (method 1, §6.2).

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export type Uuid7Generator = () => string;

export function createUuid7(
  now: () => number = Date.now,
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b),
): Uuid7Generator {
  let lastMs = -1;
  let counter = 0; // 12 bits in rand_a
  return () => {
    let ms = Math.max(0, Math.floor(now()));
    const bytes = random(new Uint8Array(16));
    if (ms <= lastMs) {
      // Same millisecond, or the clock went back: keep order by counting on from the last id.
      ms = lastMs;
      counter++;
      if (counter > 0xfff) {
        ms = lastMs + 1;
        counter = 0;
      }
    } else {
      counter = (bytes[6] ?? 0) & 0x07; // a small random start leaves room to count up
    }
    lastMs = ms;
    bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
    bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
    bytes[2] = (ms >>> 24) & 0xff;
    bytes[3] = (ms >>> 16) & 0xff;
    bytes[4] = (ms >>> 8) & 0xff;
    bytes[5] = ms & 0xff;
    bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const h = Array.from(bytes, (b) => HEX[b]).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

export const UUID7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The millisecond timestamp inside a UUIDv7. */
export function uuid7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

export const uuid7 = createUuid7();

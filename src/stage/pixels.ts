// What a frame shows, in two numbers: how many distinct colours (each channel cut to 5 bits) and
// how widely brightness spreads. A blank or single-colour frame has ~1 colour and no spread; the
// stage tests use this to say a scene really drew.

export interface FrameSample {
  width: number;
  height: number;
  distinct: number;
  /** Standard deviation of luma, 0 to 255. */
  spread: number;
  /** Mean luma, 0 to 255: how bright the picture is. */
  mean: number;
}

export function describePixels(data: ArrayLike<number>, width: number, height: number): FrameSample {
  const colours = new Set<number>();
  let sum = 0;
  let squares = 0;
  const pixels = Math.floor(data.length / 4);
  for (let i = 0; i < pixels; i++) {
    const r = data[i * 4] ?? 0;
    const g = data[i * 4 + 1] ?? 0;
    const b = data[i * 4 + 2] ?? 0;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += luma;
    squares += luma * luma;
  }
  const mean = pixels ? sum / pixels : 0;
  const spread = pixels ? Math.sqrt(Math.max(0, squares / pixels - mean * mean)) : 0;
  return { width, height, distinct: colours.size, spread, mean };
}

// Audio benchmarks, in the page (tests/bench/audio.bench.ts drives them):
// - narration start: from a tap to the station's narration being audible (the howler speaker,
//   streamed HTML5 audio: its `play` event) and to a prompt being audible (decoded Web Audio,
//   detected at the output), against raw Web Audio: a decoded buffer started on the tap,
//   detected at the output the same way.
// - cycles: heap after 1,000 play/stop cycles through the speaker, and howls left alive.

import { Howler } from 'howler';
import type { AudioManifest } from '../../../src/contracts/audio-manifest.ts';
import { HowlerSpeaker } from '../../../src/sound/howler-speaker.ts';

const manifest: AudioManifest = {
  version: 1,
  lines: {
    'shell.prompt': { it: { status: 'draft', file: 'it/prompt.webm', durationMs: 2000 } },
    'campo.narration': { it: { status: 'draft', file: 'it/narration.webm', durationMs: 8000 } },
    'campo.other': { it: { status: 'draft', file: 'it/other.webm', durationMs: 8000 } },
  },
};

/** Resolves when `node` carries sound: polls an analyser every 1 ms. */
function audible(ctx: AudioContext, node: AudioNode): Promise<number> {
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 256;
  node.connect(analyser);
  const data = new Float32Array(analyser.fftSize);
  return new Promise((resolve) => {
    const poll = () => {
      analyser.getFloatTimeDomainData(data);
      if (data.some((v) => Math.abs(v) > 1e-4)) {
        node.disconnect(analyser);
        resolve(performance.now());
      } else setTimeout(poll, 1);
    };
    poll();
  });
}

async function rawWebAudio(buffer: ArrayBuffer, ctx: AudioContext): Promise<number> {
  const decoded = await ctx.decodeAudioData(buffer.slice(0));
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  const tap = performance.now();
  const source = ctx.createBufferSource();
  source.buffer = decoded;
  source.connect(gain);
  source.start();
  const heard = await audible(ctx, gain);
  source.stop();
  return heard - tap;
}

/**
 * Streamed narration is audible once its media clock advances after the tap (the element is
 * rendering samples); `play()` returning or a `play` event prove nothing.
 */
async function speakerNarration(speaker: HowlerSpeaker): Promise<number> {
  const tap = performance.now();
  void speaker.say('campo.narration', 'it');
  const howls = (
    Howler as unknown as { _howls: { _src: string | string[]; _sounds: { _node?: HTMLMediaElement }[] }[] }
  )._howls;
  const node = howls.find((h) => String(h._src).includes('narration'))?._sounds[0]?._node;
  if (!node) throw new Error('no narration element');
  const from = node.currentTime;
  const heard = await new Promise<number>((resolve) => {
    const give = setTimeout(() => resolve(Number.NaN), 3000);
    const poll = () => {
      if (!node.paused && node.currentTime > from) {
        clearTimeout(give);
        resolve(performance.now());
      } else setTimeout(poll, 1);
    };
    poll();
  });
  speaker.stop();
  return heard - tap;
}

async function speakerPrompt(speaker: HowlerSpeaker): Promise<number> {
  const ctx = Howler.ctx;
  const tap = performance.now();
  const heard = audible(ctx, Howler.masterGain);
  void speaker.say('shell.prompt', 'it');
  const at = await heard;
  speaker.stop();
  return at - tap;
}

async function run() {
  const params = new URLSearchParams(location.search);
  const rounds = Number(params.get('rounds') ?? 15);
  const speaker = new HowlerSpeaker(manifest, './', 1);
  speaker.warm(['shell.prompt'], 'it');
  const ctx = new AudioContext();
  await ctx.resume();
  const buffer = await (await fetch('./audio/it/prompt.webm')).arrayBuffer();
  // Warm-up: first decode, first stream, first graph.
  await rawWebAudio(buffer, ctx);
  await speakerPrompt(speaker);
  await speakerNarration(speaker);
  const raw: number[] = [];
  const prompt: number[] = [];
  const narration: number[] = [];
  for (let i = 0; i < rounds; i++) {
    raw.push(await rawWebAudio(buffer, ctx));
    prompt.push(await speakerPrompt(speaker));
    narration.push(await speakerNarration(speaker));
  }
  return {
    raw,
    prompt,
    narration: narration.filter((n) => !Number.isNaN(n)),
    missed: narration.filter(Number.isNaN).length,
  };
}

// One speaker for the page's lifetime, as on a station.
let cycleSpeaker: HowlerSpeaker | undefined;

async function cycles(count: number) {
  cycleSpeaker ??= new HowlerSpeaker(manifest, './', 1);
  const speaker = cycleSpeaker;
  const lines = ['shell.prompt', 'campo.narration', 'campo.other'];
  for (let i = 0; i < count; i++) {
    void speaker.say(lines[i % lines.length] as string, 'it');
    await new Promise((resolve) => setTimeout(resolve, 0));
    speaker.stop();
  }
  return {
    liveHowls: speaker.liveHowls,
    howlerHowls: (Howler as unknown as { _howls: unknown[] })._howls.length,
  };
}

Object.assign(window, { benchRun: run, benchCycles: cycles });
(window as unknown as { __ready: boolean }).__ready = true;

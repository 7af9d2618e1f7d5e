// Journeys may name any JOURNEY_ICONS picture, so each must exist and actually draw something.
// Icons are read by people who may not read: no <text> may sneak into one.
import type { TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { JOURNEY_ICONS } from '../contracts/icons.ts';
import { icons } from './icons.ts';

// The markup a template would produce, nested templates (the icon body) included.
const markup = (value: unknown): string => {
  if (typeof value !== 'object' || value === null || !('strings' in value)) return '';
  const { strings, values } = value as TemplateResult;
  return strings.map((s, i) => s + (i < values.length ? markup(values[i]) : '')).join('');
};

const DRAWING = /<(path|circle|rect|line|polyline|polygon|ellipse)\b/;

describe('icons', () => {
  it.each(JOURNEY_ICONS)('draws journey icon %s', (name) => {
    const template: TemplateResult | undefined = (icons as Record<string, TemplateResult>)[name];
    expect(template).toBeDefined();
    const svg = markup(template);
    expect(svg).toMatch(/^<svg viewBox="0 0 24 24"/);
    expect(svg).toMatch(DRAWING);
    expect(svg).not.toMatch(/<text\b/i);
  });

  it('keeps every icon free of text', () => {
    for (const template of Object.values(icons)) expect(markup(template)).not.toMatch(/<text\b/i);
  });
});

// Conditions are data, never code: evaluated against the journey's variables. Unset variables
// count as false / 0. Named guards (`{ guard: timedOut }`) come from the journey's context.

import type { Condition, JourneyContext } from './compiled.ts';

/** Named conditions an author may use as `{ guard: name }` (the compiler refuses others). */
export const NAMED_CONDITIONS: Record<string, (context: JourneyContext) => boolean> = {
  timedOut: (context) => context.timedOut,
};

const truthy = (value: number | boolean | undefined): boolean =>
  value !== undefined && value !== false && value !== 0;
const asNumber = (value: number | boolean | undefined): number =>
  typeof value === 'number' ? value : value === true ? 1 : 0;

export function evaluate(condition: Condition, context: JourneyContext): boolean {
  if ('not' in condition) return !evaluate(condition.not, context);
  if ('all' in condition) return condition.all.every((c) => evaluate(c, context));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, context));
  if ('guard' in condition) return NAMED_CONDITIONS[condition.guard]?.(context) ?? false;
  const value = context.vars[condition.var];
  const compared = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'].filter((op) => op in condition);
  if (compared.length === 0) return truthy(value);
  return compared.every((op) => {
    switch (op) {
      case 'eq':
        return typeof condition.eq === 'boolean'
          ? truthy(value) === condition.eq
          : asNumber(value) === condition.eq;
      case 'ne':
        return typeof condition.ne === 'boolean'
          ? truthy(value) !== condition.ne
          : asNumber(value) !== condition.ne;
      case 'lt':
        return asNumber(value) < (condition.lt ?? 0);
      case 'lte':
        return asNumber(value) <= (condition.lte ?? 0);
      case 'gt':
        return asNumber(value) > (condition.gt ?? 0);
      default:
        return asNumber(value) >= (condition.gte ?? 0);
    }
  });
}

/** Every `{ guard: name }` inside a condition, for the compiler's name check. */
export function guardNames(condition: Condition): string[] {
  if ('not' in condition) return guardNames(condition.not);
  if ('all' in condition) return condition.all.flatMap(guardNames);
  if ('any' in condition) return condition.any.flatMap(guardNames);
  if ('guard' in condition) return [condition.guard];
  return [];
}

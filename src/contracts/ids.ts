// Branded identifiers and units: values that are easy to mix up get distinct types.

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type StationId = Brand<string, 'StationId'>;
export type LineId = Brand<string, 'LineId'>;
export type Milliseconds = Brand<number, 'Milliseconds'>;

export const ms = (value: number): Milliseconds => value as Milliseconds;
export const seconds = (value: number): Milliseconds => (value * 1000) as Milliseconds;

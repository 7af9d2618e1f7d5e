// What to tell staff when something did not work: the register's own reason when it gave one,
// a plain sentence otherwise. Never a bare status code, and always something they can do next.

import { ApiError } from './api.ts';
import type { Strings } from './strings.ts';

export function describeError(error: unknown, t: Strings): string {
  if (!(error instanceof ApiError))
    return t.errors.refused(error instanceof Error ? error.message : String(error));
  switch (error.kind) {
    case 'network':
      return t.errors.network;
    case 'session':
      return t.errors.session;
    case 'unexpected':
      return t.errors.unexpected;
    case 'server':
      return error.status === 503 ? t.errors.unavailable : t.errors.server;
    case 'refused':
      return t.errors.refused(error.message);
  }
}

// Live updates between the pages of one device (a reflection kiosk, its staff panel, a wall
// opened on the same machine): BroadcastChannel messages that say which record changed. The
// receiver reads the record itself from IndexedDB; the message carries no visitor text.

export const RECORDS_CHANNEL = 'percorso-records';

export type RecordsMessage =
  | { type: 'reflection-added'; id: string }
  | { type: 'reflection-moderated'; id: string; status: 'pending' | 'approved' | 'hidden' | 'private' }
  | { type: 'attendance-added'; id: string };

export function openRecordsChannel(onMessage?: (message: RecordsMessage) => void): {
  post(message: RecordsMessage): void;
  close(): void;
} {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(RECORDS_CHANNEL);
  if (onMessage) channel.onmessage = (event: MessageEvent<RecordsMessage>) => onMessage(event.data);
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}

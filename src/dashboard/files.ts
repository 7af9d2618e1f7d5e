// Reading a file staff picked, for the import section: its bytes as base64 (spreadsheets travel
// inside JSON) or its text (a USB bundle is JSON already). Browser code: FileReader does the
// base64 encoding natively, in one pass, without building a huge string by hand.

/** The register takes uploads up to this size (src/register/staff-routes.ts MAX_UPLOAD_BYTES). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export const readText = (file: Blob): Promise<string> => file.text();

/**
 * What the import section needs to know of a bundle before sending it: null when the text is
 * not a JSON object at all (the register judges the rest), else the kiosk name it carries.
 */
export function peekBundle(text: string): { kioskName: string | null } | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const name = (value as { kioskName?: unknown }).kioskName;
    return { kioskName: typeof name === 'string' ? name : null };
  } catch {
    return null;
  }
}

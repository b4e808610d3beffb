// Types for the helpers tests import from ensureNative.mjs (a plain script, kept free of TypeScript).
export interface NativeMarker {
  target: string;
  fingerprint: string;
}
/** the npm package of the SQLite driver whose addon is kept in step */
export const DRIVER: string;
export function isAbiMismatch(text: string): boolean;
export function addonFingerprint(file?: string): string;
export function readMarker(file?: string): NativeMarker | null;
export function markerMatches(marker: NativeMarker | null, target: string, fingerprint: string): boolean;

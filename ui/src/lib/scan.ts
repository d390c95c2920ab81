// Telling a barcode scanner from a person: a USB scanner "types" a whole code in a few
// milliseconds and ends with Enter. Also: what looks like one of our record codes.

/** A record code (`FI-000123`, `fi123`) or an item card's QR content (`frontdesk:FI-000123`). */
export function looksLikeCode(s: string): boolean {
  return /^(frontdesk:)?(ST|SH|DL|HO|CI|CR|FI|LR|CL|PC|CP)-?\d{1,9}$/i.test(s.trim());
}

/**
 * Watches keystroke timing on an input. `burst()` is true when the last value arrived as a
 * scanner burst: at least `minLength` characters, each within `maxGapMs` of the previous.
 */
export class ScanDetector {
  private times: number[] = [];
  constructor(private maxGapMs = 35, private minLength = 6) {}

  key(at: number): void {
    const last = this.times.at(-1);
    if (last !== undefined && at - last > this.maxGapMs) this.times = [];
    this.times.push(at);
  }

  burst(): boolean {
    return this.times.length >= this.minLength;
  }

  reset(): void {
    this.times = [];
  }
}

/** Scanned tracking numbers sometimes carry spaces or a trailing newline: keep the code. */
export function cleanScan(s: string): string {
  return s.replace(/[\s\u200b]+/g, "").toUpperCase();
}

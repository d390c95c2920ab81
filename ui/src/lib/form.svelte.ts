// A form's state: its values survive a failed save; the core's error lands next to the field
// it names (or above the form when it names none).
import type { ApiError } from "../gen/api";
import { toApiError } from "./ipc";

export class FormState {
  busy = $state(false);
  errors = $state<Record<string, string>>({});
  general = $state("");

  clear(): void {
    this.errors = {};
    this.general = "";
  }

  /** Show an error from the core. Nested paths (`items[0].note`) show on their leaf. */
  fail(e: unknown): ApiError {
    const err = toApiError(e);
    this.clear();
    if (err.field) {
      this.errors = { [err.field]: err.message };
    } else {
      this.general = err.message;
    }
    return err;
  }

  error(field: string): string {
    return this.errors[field] ?? "";
  }

  /** Run a save: busy while it runs, errors kept, the result returned (undefined on failure). */
  async submit<T>(f: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.clear();
    try {
      return await f();
    } catch (e) {
      this.fail(e);
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}

/** Empty strings become null (the core treats absent optional fields as null). */
export function opt(s: string | null | undefined): string | undefined {
  const v = (s ?? "").trim();
  return v === "" ? undefined : v;
}

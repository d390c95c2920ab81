// The one way the UI reaches the core: `call(op, request)`, typed by the generated `Ops` map.
// Errors arrive as the core's `ApiError` ({code, message, field}), already translated.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError, ErrorCode, Ops, OpName } from "../gen/api";
import type { AppStatus, BackupFile, PickedFile, PrintArgs, SavedPdf } from "../gen/shell";

/** The transport (replaced in unit tests). */
export type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;
let transport: Invoke = (cmd, args) => invoke(cmd, args);

export function setTransport(t: Invoke): void {
  transport = t;
}

/**
 * Every code of the core's closed `ErrorCode` set. A `Record` over the generated union, so the
 * type check fails here when the core adds a code (a missing key) or drops one (an unknown
 * key): no code can fall through `isApiError` and reach the screen as "[object Object]".
 */
const CODES: Record<ErrorCode, true> = {
  invalid_input: true, bad_request: true, not_found: true, duplicate: true, invalid_state: true,
  handover_pending: true, no_open_shift: true, forbidden: true, wrong_pin: true, locked: true,
  pin_not_set: true, unknown_operation: true, not_initialised: true, busy: true,
  storage_full: true, read_only: true, corrupt: true, storage: true,
};

export const ERROR_CODES = Object.keys(CODES) as readonly ErrorCode[];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(CODES, code);
}

export function isApiError(e: unknown): e is ApiError {
  return (
    typeof e === "object" && e !== null && "code" in e && "message" in e &&
    isErrorCode((e as { code: unknown }).code) && typeof (e as { message: unknown }).message === "string"
  );
}

/** The words of anything thrown: never "[object Object]". */
function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  if (typeof e === "object" && e !== null) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === "string" && m !== "") return m;
    try {
      return JSON.stringify(e);
    } catch {
      /* a cycle: fall through */
    }
  }
  return String(e);
}

/** Whatever was thrown, as an ApiError (a transport failure becomes `storage`; an error with a
 *  code this UI does not know keeps its translated message). */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  const field = typeof e === "object" && e !== null ? (e as { field?: unknown }).field : undefined;
  const err: ApiError = { code: "storage", message: messageOf(e) };
  if (typeof field === "string") err.field = field;
  return err;
}

async function run<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return (await transport(cmd, args)) as T;
  } catch (e) {
    throw toApiError(e);
  }
}

/** Run a core operation as the signed-in staff member. */
export function call<K extends OpName>(op: K, req: Ops[K]["req"]): Promise<Ops[K]["resp"]> {
  return run<Ops[K]["resp"]>("call", { op, req });
}

export const shell = {
  status: () => run<AppStatus>("status"),
  initCounter: (req: Record<string, unknown>, pin: string) =>
    run<AppStatus>("init_counter", { req, pin }),
  signIn: (login: string, pin: string) => run<AppStatus>("sign_in", { login, pin }),
  lock: () => run<AppStatus>("lock_screen"),
  unlock: (login: string, pin: string) => run<AppStatus>("unlock_screen", { login, pin }),
  signOut: () => run<AppStatus>("sign_out"),
  restoreBackup: (path: string) => run<AppStatus>("restore_backup", { path }),
  listBackups: () => run<BackupFile[]>("list_backups"),
  backupNow: () => run<BackupFile[]>("backup_now"),
  setLocale: (locale: string) => run<AppStatus>("set_locale", { locale }),
  print: (args: PrintArgs) => run<SavedPdf>("print_pdf", { args }),
  openDocuments: () => run<void>("open_documents"),
  pickPhoto: () => run<PickedFile | null>("pick_photo"),
  uiReady: (marks?: string) => run<void>("ui_ready", { marks }),
};

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

const KNOWN_CODES: ErrorCode[] = [
  "invalid_input", "bad_request", "not_found", "duplicate", "invalid_state", "handover_pending",
  "no_open_shift", "forbidden", "unknown_operation", "not_initialised", "busy", "storage_full",
  "read_only", "corrupt", "storage",
];

export function isApiError(e: unknown): e is ApiError {
  return (
    typeof e === "object" && e !== null && "code" in e && "message" in e &&
    KNOWN_CODES.includes((e as ApiError).code)
  );
}

/** Whatever was thrown, as an ApiError (a transport failure becomes `storage`). */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  return { code: "storage", message: e instanceof Error ? e.message : String(e) };
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

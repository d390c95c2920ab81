// The window's state: who is signed in, the counter's profile, the open shift, which screen and
// record are shown, the theme, and short notices. Screens read it; only actions here change it.
import type { ApiError, CounterProfile, CurrentShift, OpenItem, Register } from "../gen/api";
import type { AppStatus } from "../gen/shell";
import { call, shell, toApiError } from "./ipc";
import { i18n, isLoaded, loadLocale } from "./i18n.svelte";

export type Screen =
  | "today" | "duty_log" | "lost_found" | "mail" | "complaints" | "shift_close" | "settings";

export const SCREENS: Screen[] = [
  "today", "duty_log", "lost_found", "mail", "complaints", "shift_close", "settings",
];

/** Which screen shows which register's records. */
export function screenOf(register: Register): Screen {
  switch (register) {
    case "log_entry": return "duty_log";
    case "found_item":
    case "lost_report": return "lost_found";
    case "parcel": return "mail";
    case "complaint": return "complaints";
    case "shift": return "shift_close";
  }
}

export type Notice = { id: number; kind: "ok" | "error"; text: string };

export const app = $state({
  status: null as AppStatus | null,
  profile: null as CounterProfile | null,
  current: null as CurrentShift | null,
  screen: "today" as Screen,
  /** The record a screen should open (set by Today, search, a QR scan). */
  target: null as { register: Register; id: number } | null,
  theme: (localStorage.getItem("frontdesk.theme") ?? "light") as "light" | "dark",
  notices: [] as Notice[],
  searchOpen: false,
  history: null as { entity: string; id: number; code: string } | null,
  /** Bumped after every save, so lists reload. */
  version: 0,
});

let noticeSeq = 0;
export function notify(text: string, kind: "ok" | "error" = "ok"): void {
  const id = ++noticeSeq;
  // The newest three: a busy counter must not bury the screen under old notices.
  app.notices = [...app.notices.slice(-2), { id, kind, text }];
  setTimeout(() => {
    app.notices = app.notices.filter((n) => n.id !== id);
  }, kind === "error" ? 8000 : 3500);
}

export function dismiss(id: number): void {
  app.notices = app.notices.filter((n) => n.id !== id);
}

export function go(screen: Screen, target: { register: Register; id: number } | null = null): void {
  app.screen = screen;
  app.target = target;
}

export function openRecord(register: Register, id: number): void {
  go(screenOf(register), { register, id });
}

export function setTheme(theme: "light" | "dark"): void {
  app.theme = theme;
  localStorage.setItem("frontdesk.theme", theme);
  document.documentElement.dataset.theme = theme;
}

export function applyStatus(s: AppStatus): void {
  app.status = s;
  const show = () => {
    i18n.locale = s.locale;
    document.documentElement.lang = s.locale;
  };
  if (isLoaded(s.locale)) show();
  else void loadLocale(s.locale).then(show);
}

export async function refreshStatus(): Promise<void> {
  // The language shown last time is fetched while the shell answers (usually the same one).
  const last = localStorage.getItem("frontdesk.locale") as typeof i18n.locale | null;
  const guess = last ? loadLocale(last).catch(() => undefined) : Promise.resolve();
  const [s] = await Promise.all([shell.status(), guess]);
  performance.mark("status");
  await loadLocale(s.locale);
  localStorage.setItem("frontdesk.locale", s.locale);
  await enter(s);
}

/** Show the screen `s` stands for. Signed in, the counter's profile, shift and Today's list are
 *  fetched first, so the window draws the whole screen once — not an empty frame, then the
 *  counter's name, then the list, each a full repaint (slow with CJK text under software
 *  rendering, and a visible jump). */
export async function enter(s: AppStatus): Promise<void> {
  if (s.signed_in && !s.locked) await refreshCounter(s.locale);
  applyStatus(s);
}

let openItemsPrefetch: Promise<OpenItem[]> | null = null;
let prefetchedAt = 0;

/** The open items asked for with the counter, once and while fresh (Today shown right after
 *  sign-in or start); otherwise null (ask again). */
export function takeOpenItemsPrefetch(): Promise<OpenItem[]> | null {
  const p = Date.now() - prefetchedAt < 2000 ? openItemsPrefetch : null;
  openItemsPrefetch = null;
  return p;
}

/** The profile and the open shift: after sign-in and after shift changes. Today's list is asked
 *  for at the same time and waited for (Today takes it if it is the first screen). */
export async function refreshCounter(locale = i18n.locale): Promise<void> {
  try {
    const items = call("today.open_items", { locale });
    openItemsPrefetch = items;
    prefetchedAt = Date.now();
    items.catch(() => undefined);
    const [profile, current] = await Promise.all([
      call("profile.get", {}), call("shift.current", {}), items.catch(() => undefined),
    ]);
    performance.mark("counter");
    app.profile = profile;
    i18n.timeZone = profile.time_zone;
    app.current = current;
  } catch (e) {
    notify(toApiError(e).message, "error");
  }
}

export async function switchLocale(locale: typeof i18n.locale): Promise<void> {
  await loadLocale(locale);
  i18n.locale = locale;
  document.documentElement.lang = locale;
  localStorage.setItem("frontdesk.locale", locale);
  applyStatus(await shell.setLocale(locale));
  i18n.locale = locale;
}

/** After a successful save: lists reload, the shift banner refreshes. */
export async function saved(message?: string): Promise<void> {
  app.version++;
  if (message) notify(message);
  try {
    app.current = await call("shift.current", {});
  } catch {
    /* the banner keeps its last state */
  }
}

export function errorText(e: unknown): string {
  return toApiError(e).message;
}

export type { ApiError };

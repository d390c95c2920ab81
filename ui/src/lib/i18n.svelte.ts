// The screen's words: the same catalogue files as the core's errors and the printed forms
// (../assets/i18n/<lang>/*.json), merged per language. A key missing in a language falls back
// to English, then to the key itself — the core's tests check every language has every key.
import type { Locale } from "../gen/api";

type Catalogue = Record<string, string>;

export const LOCALES: Locale[] = ["zh-CN", "ko", "en"];

/** The catalogues loaded so far (a language is loaded when the screen first shows it). */
export const catalogues: Record<Locale, Catalogue> = { "zh-CN": {}, ko: {}, en: {} };
const loaded = new Set<Locale>();
const LOADERS: Record<Locale, () => Promise<{ default: Catalogue }>> = {
  "zh-CN": () => import("./catalogue/zh-CN"),
  ko: () => import("./catalogue/ko"),
  en: () => import("./catalogue/en"),
};

/** Load a language's catalogue (once). Every language has every key (tested), so the screen
 *  needs only its own. */
export async function loadLocale(l: Locale): Promise<void> {
  if (loaded.has(l)) return;
  const m = await LOADERS[l]();
  Object.assign(catalogues[l], m.default);
  loaded.add(l);
}

export function isLoaded(l: Locale): boolean {
  return loaded.has(l);
}

export const i18n = $state({ locale: "zh-CN" as Locale, timeZone: "Asia/Shanghai" });

/** Replace `{name}` placeholders. */
export function fill(msg: string, args?: Record<string, string | number>): string {
  if (!args) return msg;
  return msg.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

/** Translate `key` into the screen's language. */
export function t(key: string, args?: Record<string, string | number>): string {
  return tr(i18n.locale, key, args);
}

export function tr(locale: Locale, key: string, args?: Record<string, string | number>): string {
  const msg = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return fill(msg, args);
}

/** Whether the catalogue has `key` (in the screen's language or English). */
export function has(key: string): boolean {
  return key in catalogues[i18n.locale] || key in catalogues.en;
}

/**
 * A label for a closed-set value: `t("status.open")`, falling back to the raw value. Shown on
 * its own (a list cell, a badge, a tag), an English label starts with a capital ("In custody",
 * "Receptionist"). The catalogue keeps these words lower-case because the core's messages put
 * them inside sentences ("This found item is in custody", "Only a supervisor may …"); for a
 * label inside a sentence use `t(key)`.
 */
export function label(prefix: string, value: string | null | undefined): string {
  if (value == null || value === "") return "";
  const key = `${prefix}.${value}`;
  const msg = catalogues[i18n.locale][key] ?? catalogues.en[key];
  if (msg === undefined) return value;
  return i18n.locale === "en" ? capitalise(msg) : msg;
}

/**
 * Words listed for display, joined with the language's list separator (`ui.list_sep`):
 * "王芳、李明" in Chinese, "Kim, Lee" in Korean and English. Blank items are left out.
 */
export function joinList(items: readonly string[], locale: Locale = i18n.locale): string {
  const sep = catalogues[locale]["ui.list_sep"] ?? catalogues.en["ui.list_sep"] ?? (locale === "zh-CN" ? "、" : ", ");
  return items.filter((x) => x.trim() !== "").join(sep);
}

/** The first letter upper-case (English labels). */
export function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("en") + s.slice(1);
}

function intlLocale(l: Locale): string {
  return l === "zh-CN" ? "zh-CN" : l === "ko" ? "ko-KR" : "en-GB";
}

/** A date and time in the counter's time zone, per the screen's language. */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(i18n.locale), {
    timeZone: i18n.timeZone, year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hour12: false,
  }).format(d);
}

/** A wall-clock time the shell already gives in the counter's zone ("YYYY-MM-DD HH:MM:SS", e.g.
 *  when a backup was taken), in the screen language's date style. Anything else is shown as is. */
export function fmtLocalDateTime(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return local;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return new Intl.DateTimeFormat(intlLocale(i18n.locale), {
    timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
  }).format(new Date(Date.UTC(y, mo - 1, d, h, mi, s)));
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return "";
  // A plain date (YYYY-MM-DD) is a calendar day, not an instant.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(i18n.locale), {
    timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? "UTC" : i18n.timeZone,
    year: "numeric", month: "2-digit", day: "2-digit",
  }).format(d);
}

export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(i18n.locale), {
    timeZone: i18n.timeZone, hour: "2-digit", minute: "2-digit", hour12: false,
  }).format(d);
}

export function fmtNumber(n: number): string {
  return new Intl.NumberFormat(intlLocale(i18n.locale)).format(n);
}

/** `<input type="datetime-local">` value (counter's zone) ⇄ RFC 3339. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: i18n.timeZone, year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  const hour = get("hour") === "24" ? "00" : get("hour");
  return `${get("year")}-${get("month")}-${get("day")}T${hour}:${get("minute")}`;
}

export function fromLocalInput(value: string): string {
  // The counter's offset at that wall time: try the offset of the guessed instant.
  const guess = new Date(`${value}:00Z`);
  const shown = toLocalInput(guess.toISOString());
  const diff = new Date(`${shown}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - diff).toISOString();
}

// Mail and parcels: the pieces of the screen with logic — when to ask for a carrier guess,
// whether a guess may replace what is in the carrier box, and which actions a parcel's status
// allows (mirrors src/mail.rs TRANSITIONS; the core still decides).
import type { Direction, ParcelStatus } from "../gen/api";
import { cleanScan } from "./scan";

/** A number worth guessing from: at least 6 letters/digits once spaces are dropped. */
export function guessable(raw: string): boolean {
  const s = cleanScan(raw);
  return s.length >= 6 && /^[A-Z0-9-]+$/.test(s);
}

/**
 * The carrier box after a new guess. The receptionist's own choice wins: a guess replaces the
 * box only while it is empty or still holds the previous guess (`lastAuto`).
 */
export function applyGuess(current: string, lastAuto: string, guess: string | null): { carrier: string; auto: string } {
  const untouched = current.trim() === "" || current === lastAuto;
  if (!untouched) return { carrier: current, auto: lastAuto };
  const next = guess ?? "";
  return { carrier: next, auto: next };
}

export type ParcelAct = "notify" | "pick_up" | "return" | "exception" | "dispatch" | "amend" | "notice" | "receipt";

/** What may be done to a parcel in this status (and direction). */
export function parcelActions(direction: Direction, status: ParcelStatus): Set<ParcelAct> {
  const acts = new Set<ParcelAct>(["amend"]);
  const waiting = status === "received" || status === "notified";
  if (direction === "in" && waiting) {
    acts.add("notify").add("pick_up").add("return").add("exception").add("notice");
  }
  if (direction === "out" && status === "accepted") {
    acts.add("dispatch").add("return").add("exception");
  }
  if (status === "picked_up") acts.add("receipt");
  return acts;
}

export type MailTab = "waiting" | "all" | "outgoing" | "reminders";

/** The `parcel.list` filter of a list tab (reminders use `parcel.reminders`). */
export function tabFilter(tab: MailTab): { direction?: Direction } {
  switch (tab) {
    case "waiting":
    case "all":
      return { direction: "in" };
    case "outgoing":
      return { direction: "out" };
    case "reminders":
      return {};
  }
}

/** Whether a listed parcel belongs in the tab (waiting = still at the counter). */
export function inTab(tab: MailTab, p: { direction: Direction; status: ParcelStatus }): boolean {
  switch (tab) {
    case "waiting":
      return p.direction === "in" && (p.status === "received" || p.status === "notified");
    case "all":
      return p.direction === "in";
    case "outgoing":
      return p.direction === "out";
    case "reminders":
      return true;
  }
}

/** Only the last four characters of an identity document (the core refuses more). */
export function last4(s: string): string {
  return s.replace(/\s+/g, "").slice(-4);
}

// Lost and found: the pieces of the screen with logic — the found-item request for each way an
// item arrives (the core refuses fields that do not belong to the arrival), which actions an
// item's or a report's status allows (mirrors src/lost_found/mod.rs; the core still decides),
// the valuable default by category, the ID number's last four, and the amend diff.
import type {
  Arrival, Category, FoundStatus, IdDocType, LegalRegime, RegisterFoundItem, ReportStatus, Role,
} from "../gen/api";

export type LfTab = "found" | "reports" | "retention";
export const TABS: LfTab[] = ["found", "reports", "retention"];

export const ARRIVALS: Arrival[] = ["staff", "visitor", "on_site"];

export const CATEGORIES: Category[] = [
  "wallet", "phone", "cash", "documents_cards", "keys", "bag", "electronics", "jewellery_watch",
  "glasses", "clothing", "umbrella", "toy", "other",
];

export const FOUND_STATUSES: FoundStatus[] = [
  "in_custody", "claimed", "handed_to_police", "handed_to_finance", "returned_to_finder", "disposed",
];

export const REPORT_STATUSES: ReportStatus[] = ["open", "returned", "withdrawn"];

export const ID_DOC_TYPES: IdDocType[] = ["resident_id", "passport", "drivers_license", "other"];

/** Cash, phone, jewellery/watch and electronics are valuables unless the desk says otherwise. */
export function valuableByDefault(c: Category): boolean {
  return c === "cash" || c === "phone" || c === "jewellery_watch" || c === "electronics";
}

/** The intake form's values (strings as typed; `finder_staff` is a staff id or ""). */
export type IntakeForm = {
  arrival: Arrival;
  finder_name: string;
  finder_contact: string;
  finder_staff: string;
  team_leader: string;
  witness: string;
  found_at: string; // RFC 3339
  found_place: string;
  category: Category;
  description: string;
  private_features: string;
  valuable: boolean;
  storage_location: string;
};

function opt(s: string): string | undefined {
  const v = s.trim();
  return v === "" ? undefined : v;
}

/** The `found_item.register` request: only the fields this arrival takes. */
export function registerRequest(f: IntakeForm): RegisterFoundItem {
  const req: RegisterFoundItem = {
    arrival: f.arrival,
    found_at: f.found_at,
    found_place: f.found_place.trim(),
    category: f.category,
    description: f.description.trim(),
    private_features: opt(f.private_features),
    valuable: f.valuable,
    storage_location: f.storage_location.trim(),
    finder_contact: opt(f.finder_contact),
  };
  if (f.arrival === "visitor") {
    // The core asks for the visitor's name and contact (blank ones come back as field errors).
    req.finder_name = f.finder_name.trim();
    req.finder_contact = f.finder_contact.trim();
  } else {
    const id = Number(f.finder_staff);
    if (f.finder_staff !== "" && Number.isInteger(id)) req.finder_staff = id;
    if (f.arrival === "on_site") {
      req.team_leader = f.team_leader.trim();
      req.witness = f.witness.trim();
    }
  }
  return req;
}

export type FoundAct = "claim" | "hand_over" | "notice" | "dispose" | "amend";

/** What may be done to a found item in this status, by this role, under this regime. */
export function foundActions(status: FoundStatus, role: Role | undefined, regime: LegalRegime | undefined): Set<FoundAct> {
  const acts = new Set<FoundAct>(["amend"]);
  if (status !== "in_custody") return acts;
  acts.add("claim").add("hand_over");
  if (regime === "CN") acts.add("notice");
  if (role === "supervisor" || role === "admin") acts.add("dispose");
  return acts;
}

export type ReportAct = "withdraw" | "amend";

export function reportActions(status: ReportStatus): Set<ReportAct> {
  const acts = new Set<ReportAct>(["amend"]);
  if (status === "open") acts.add("withdraw");
  return acts;
}

/** The last four characters of an ID number as typed (spaces and dashes dropped). */
export function last4(s: string): string {
  return s.replace(/[\s-]+/g, "").toUpperCase().slice(-4);
}

/** How strong a match looks (for its colour): high ≥ 70, medium ≥ 45, else low. */
export function matchTone(score: number): "high" | "medium" | "low" {
  return score >= 70 ? "high" : score >= 45 ? "medium" : "low";
}

/** A retention row's urgency: overdue, due today (both need handing on now), due within two
 *  days, or fine. */
export function retentionTone(daysLeft: number): "overdue" | "today" | "soon" | "ok" {
  return daysLeft < 0 ? "overdue" : daysLeft === 0 ? "today" : daysLeft <= 2 ? "soon" : "ok";
}

/**
 * An amend request's changed fields: only what differs from the record (trimmed text); an
 * emptied optional text becomes "" (clears it). Unchanged → undefined.
 */
export function changed(now: string, was: string | null | undefined): string | undefined {
  const v = now.trim();
  return v === (was ?? "").trim() ? undefined : v;
}

/** Where the last storage place typed at intake is remembered: one per counter (its database
 *  file), so one counter's "금고" is never offered at another. Null while the counter is not
 *  known yet (nothing is remembered then). */
export function storagePlaceKey(dbPath: string | null | undefined): string | null {
  return dbPath ? `frontdesk.lf.storage:${dbPath}` : null;
}

// Which catalogue words name a stored value, per register: the lists, the search palette and a
// record's history all label a status, a kind or a category the same way.
import { label, t } from "./i18n.svelte";

/** The catalogue prefix of a register's statuses. Parcels and complaints have their own words
 *  ("received" is a parcel's and a complaint's, meaning different things); the other registers
 *  share `status.*`. `register` is a search hit's register or an audit event's entity. */
export function statusPrefix(register: string): string {
  if (register === "parcel") return "status.parcel";
  if (register === "complaint") return "status.complaint";
  return "status";
}

export function statusLabel(register: string, status: string | null | undefined): string {
  return label(statusPrefix(register), status);
}

/** Fields whose values are the same closed set in every register. */
const VALUE_PREFIX: Record<string, string> = {
  arrival: "arrival",
  role: "role",
  id_doc_type: "id_doc_type",
  direction: "parcel_direction",
  weight: "complaint_weight",
  channel: "complaint_channel",
  severity: "complaint_severity",
  addressed_to: "addressee",
  disposition: "disposition",
  legal_regime: "ui.regime",
  locale: "ui.locale",
};

/** The catalogue prefix naming the values of `field` in a record of `entity`, or null when its
 *  values are free text. */
export function valuePrefix(entity: string, field: string): string | null {
  if (field === "status") return statusPrefix(entity);
  if (field === "category") return entity === "complaint" ? "complaint_category" : "item_category";
  if (field === "kind") {
    if (entity === "parcel") return "parcel_kind";
    if (entity === "log_entry") return "kind";
    if (entity === "checklist_item" || entity === "checklist_run") return "checklist";
    return null;
  }
  return VALUE_PREFIX[field] ?? null;
}

/** "Status: All" in the screen's language: Chinese takes a full-width colon without a space. */
export function labelled(name: string, value: string): string {
  return t("ui.labelled", { label: name, value });
}

/** The time zones a counter is likely in, offered as a list (any other IANA zone the counter
 *  already has stays selectable). */
export const ZONES = [
  "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Seoul", "Asia/Tokyo", "Asia/Singapore",
  "Europe/London", "America/New_York", "UTC",
] as const;

/** The zones to offer: the common ones, with the current value first when it is not one. */
export function zoneChoices(current: string): string[] {
  const v = current.trim();
  return v === "" || (ZONES as readonly string[]).includes(v) ? [...ZONES] : [v, ...ZONES];
}

/** "China (Beijing time) · Asia/Shanghai": the translated name and the IANA id; a zone
 *  without a name shows its id. */
export function zoneName(zone: string): string {
  const name = label("ui.zone", zone);
  return name === zone ? zone : `${name} · ${zone}`;
}

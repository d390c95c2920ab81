// The closed sets the complaint forms offer (values of the generated unions, in display order:
// categories in the order of the monthly statistics, 002 §4.1.3.1).
import type { Channel, ComplaintCategory, ComplaintStatus, Severity, Weight } from "../../gen/api";
import { toLocalInput } from "../../lib/i18n.svelte";

export const WEIGHTS: Weight[] = ["complaint", "grievance"];
export const CHANNELS: Channel[] = ["on_site", "phone", "written", "online"];
export const CATEGORIES: ComplaintCategory[] = [
  "security", "cleaning", "landscaping", "engineering_repair", "mail_newspapers", "renovation", "staff_attitude", "other",
];
export const SEVERITIES: Severity[] = ["normal", "important", "major"];
export const STATUSES: ComplaintStatus[] = ["received", "dispatched", "resolved", "closed"];

/** The statuses the list's filter offers on a tab: the "open" tab lists no closed complaint, so
 *  it does not offer "closed" either; "all" (and anything else) offers every status. */
export function statusesFor(view: string): ComplaintStatus[] {
  return view === "open" ? STATUSES.filter((s) => s !== "closed") : STATUSES;
}

/** Quick choices for a promised time: hours from now (the receptionist still sees and edits it). */
export const PROMISES: { key: string; hours: number }[] = [
  { key: "2h", hours: 2 }, { key: "4h", hours: 4 }, { key: "1d", hours: 24 }, { key: "3d", hours: 72 },
];

/** A datetime-local value `hours` from now, on the minute. */
export function inHours(hours: number): string {
  const ms = Math.ceil((Date.now() + hours * 3600_000) / 60_000) * 60_000;
  return toLocalInput(new Date(ms).toISOString());
}

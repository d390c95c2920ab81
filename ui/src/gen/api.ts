// Generated from the Rust types by `bash scripts/gen-ts.sh` (src/typescript.rs).
// Do not edit: CI fails when this file is stale.
/* eslint-disable */

export type AcceptOutgoing = { kind: ParcelKind, 
/**
 * Who leaves it to be sent.
 */
sender: string, 
/**
 * The addressee.
 */
recipient_name: string, 
/**
 * The addressee's unit, company or address.
 */
recipient_unit?: string, recipient_contact?: string, carrier?: string, tracking_no?: string, 
/**
 * When it was left at the counter (default: now).
 */
received_at?: string, storage_location?: string, note?: string, };

export type AcknowledgeHandover = { handover_id: HandoverId, };

export type AddAttachment = { entity: AttachEntity, entity_id: number, kind: AttachmentKind, 
/**
 * Must match the file's first bytes.
 */
mime: ImageMime, 
/**
 * The file, base64 (standard alphabet).
 */
data_base64: string, caption?: string, };

export type AddDefaults = { kind: ChecklistKind, };

export type AddItem = { kind: ChecklistKind, text: string, };

export type AddStaff = { login: string, name: string, role: Role, phone?: string, };

export type AmendComplaint = { id: ComplaintId, weight?: Weight, channel?: Channel, complainant_name?: string, contact?: string, unit?: string, category?: ComplaintCategory, content?: string, severity?: Severity, received_at?: string, 
/**
 * Why (kept in the history).
 */
reason: string, };

export type AmendEntry = { id: LogEntryId, kind?: LogKind, at?: string, person?: string, contact?: string, unit?: string, content?: string, promised?: string, promised_by?: string, dispatched_to?: string, addressed_to?: string, urgent?: boolean, reason: string, };

export type AmendFoundItem = { id: FoundItemId, finder_name?: string, finder_contact?: string, finder_staff?: StaffRef, team_leader?: string, witness?: string, found_at?: string, found_place?: string, category?: Category, description?: string, private_features?: string, valuable?: boolean, storage_location?: string, reason: string, };

export type AmendLostReport = { id: LostReportId, reporter_name?: string, contact?: string, lost_at?: string, lost_from?: string, lost_to?: string, lost_place?: string, category?: Category, description?: string, reason: string, };

export type AmendParcel = { id: ParcelId, kind?: ParcelKind, carrier?: string, tracking_no?: string, recipient_name?: string, recipient_unit?: string, recipient_contact?: string, sender?: string, received_at?: string, storage_location?: string, note?: string, 
/**
 * Why (kept in the history).
 */
reason: string, };

export type AmendShift = { id: ShiftId, staff_on_duty?: Array<string>, weather?: string, duty_manager?: string, duty_leader?: string, operations_notes?: string, visitor_count?: number, reason: string, };

export type ApiError = { code: ErrorCode, message: string, field?: string, };

export type Arrival = "visitor" | "staff" | "on_site";

export type AttachEntity = "found_item" | "parcel" | "claim" | "lost_report" | "complaint";

export type Attachment = { id: AttachmentId, code: string, entity: AttachEntity, entity_id: number, 
/**
 * The record's code, e.g. `PC-000012`.
 */
record_code: string, kind: AttachmentKind, mime: ImageMime, byte_size: number, 
/**
 * SHA-256 of the file, hex.
 */
sha256: string, 
/**
 * Pixel size, where the file's header tells it.
 */
width: number | null, height: number | null, caption: string | null, 
/**
 * The signature this one superseded.
 */
supersedes: AttachmentId | null, 
/**
 * A photo: not withdrawn. A signature: it is the record's signature (the newest one not
 * withdrawn).
 */
current: boolean, added_at: string, added_by: StaffId, added_by_name: string, withdrawn_at: string | null, withdrawn_by: StaffId | null, withdraw_reason: string | null, };

export type AttachmentFile = { attachment: Attachment, 
/**
 * The file, base64 (standard alphabet, padded).
 */
data_base64: string, };

export type AttachmentId = number;

export type AttachmentKind = "photo" | "signature";

export type AuditEvent = { seq: number, at: string, actor_id: number | null, actor: string, entity: string, entity_id: number, action: string, reason: string | null, before: JsonValue | null, after: JsonValue | null, };

export type BrokenLink = { seq: number, problem: string, };

export type Callback = { id: number, shift_id: ShiftId, at: string, by: StaffId, by_name: string, satisfied: boolean, note: string, next_callback_at: string | null, };

export type CallbackComplaint = { id: ComplaintId, satisfied: boolean, note?: string, next_callback_at?: string, };

export type CallbackRequest = { id: LogEntryId, satisfied: boolean, note: string, next_callback_at?: string, };

export type Candidate = { register: Register, id: number, code: string, category: Category, description: string, place: string, 
/**
 * Found at, or lost at.
 */
at: string, 
/**
 * 0–100.
 */
score: number, reasons: Array<Criterion>, };

export type Carrier = "sf_express" | "jd_logistics" | "yto" | "zto" | "sto" | "yunda" | "china_post" | "china_ems" | "cj_logistics" | "korea_post" | "hanjin" | "lotte" | "postal";

export type CarrierGuess = { 
/**
 * The number as it would be stored (spaces dropped).
 */
tracking_no: string, 
/**
 * The carrier's name, when there is a guess.
 */
label: string | null, candidate_labels: Array<string>, 
/**
 * `None` when nothing fits or several carriers fit equally well.
 */
carrier: Carrier | null, confidence: Confidence, 
/**
 * Every carrier whose shape fits, best first (the UI offers them as choices).
 */
candidates: Array<Carrier>, 
/**
 * For a UPU S10 number (`RR123456789CN`): the country code at its end.
 */
country: string | null, 
/**
 * For a UPU S10 number: whether its check digit is right.
 */
check_digit_ok: boolean | null, };

export type Category = "cash" | "wallet" | "phone" | "electronics" | "documents_cards" | "keys" | "bag" | "clothing" | "umbrella" | "jewellery_watch" | "glasses" | "toy" | "other";

export type CategoryCount = { category: ComplaintCategory, label: string, grievances: number, complaints: number, total: number, };

export type Channel = "on_site" | "phone" | "written" | "online";

export type ChecklistItem = { id: ChecklistItemId, code: string, kind: ChecklistKind, text: string, position: number, active: boolean, created_at: string, updated_at: string, };

export type ChecklistItemId = number;

export type ChecklistKind = "facility_safety" | "fixed_assets";

export type ChecklistResult = { item_id: ChecklistItemId, position: number, item_text: string, ok: boolean, note: string | null, 
/**
 * The incident raised in the duty log for a problem.
 */
incident_id: LogEntryId | null, incident_code: string | null, };

export type ChecklistRun = { id: ChecklistRunId, code: string, shift_id: ShiftId, shift_code: string, kind: ChecklistKind, run_by: StaffId, run_by_name: string, run_at: string, 
/**
 * How many items were not OK.
 */
problems: number, results: Array<ChecklistResult>, };

export type ChecklistRunId = number;

export type Claim = { id: ClaimId, code: string, found_item_id: FoundItemId, found_item_code: string, lost_report_id: LostReportId | null, lost_report_code: string | null, claimant_name: string, contact: string, id_doc_type: IdDocType, 
/**
 * Only the last four characters of the document number.
 */
id_last4: string, verification: string, claimed_at: string, handled_by: StaffId, handled_by_name: string, };

export type ClaimFoundItem = { id: FoundItemId, claimant_name: string, contact: string, id_doc_type: IdDocType, 
/**
 * The last four characters only; a full number is refused.
 */
id_last4: string, 
/**
 * How ownership was verified (features described, report matched …).
 */
verification: string, lost_report_id?: LostReportId, };

export type ClaimId = number;

export type ClaimRef = { id: ClaimId, };

export type CloseShift = { 
/**
 * What the next shift should know beyond the open items.
 */
notes?: string, };

export type Complaint = { id: ComplaintId, code: string, weight: Weight, channel: Channel, complainant_name: string, contact: string | null, unit: string | null, category: ComplaintCategory, content: string, severity: Severity, escalated: boolean, escalated_at: string | null, received_at: string, received_by: StaffId, received_by_name: string, status: ComplaintStatus, 
/**
 * The last work order's department.
 */
department: string | null, 
/**
 * The last work order's promised time.
 */
promised_at: string | null, resolution: string | null, resolved_at: string | null, resolved_by: StaffId | null, next_callback_at: string | null, closed_at: string | null, reopened_at: string | null, reopen_reason: string | null, reopen_count: number, updated_at: string, };

export type ComplaintCallback = { at: string, satisfied: boolean, note: string | null, next_callback_at: string | null, by: StaffId, by_name: string, };

export type ComplaintCategory = "security" | "cleaning" | "landscaping" | "engineering_repair" | "mail_newspapers" | "renovation" | "staff_attitude" | "other";

export type ComplaintDetail = { work_orders: Array<WorkOrder>, follow_ups: Array<ComplaintFollowUp>, callbacks: Array<ComplaintCallback>, id: ComplaintId, code: string, weight: Weight, channel: Channel, complainant_name: string, contact: string | null, unit: string | null, category: ComplaintCategory, content: string, severity: Severity, escalated: boolean, escalated_at: string | null, received_at: string, received_by: StaffId, received_by_name: string, status: ComplaintStatus, 
/**
 * The last work order's department.
 */
department: string | null, 
/**
 * The last work order's promised time.
 */
promised_at: string | null, resolution: string | null, resolved_at: string | null, resolved_by: StaffId | null, next_callback_at: string | null, closed_at: string | null, reopened_at: string | null, reopen_reason: string | null, reopen_count: number, updated_at: string, };

export type ComplaintFollowUp = { at: string, note: string, by: StaffId, by_name: string, };

export type ComplaintId = number;

export type ComplaintStats = { month: string, 
/**
 * The month's first instant at the counter.
 */
from: string, 
/**
 * The next month's first instant.
 */
to: string, 
/**
 * Every category, in the order of 002 §4.1.3.1, zeros included.
 */
by_category: Array<CategoryCount>, grievances: number, complaints: number, total: number, 
/**
 * Resolved or closed now.
 */
resolved: number, 
/**
 * Of those, resolved no later than the promised time of their last work order.
 */
resolved_on_time: number, 
/**
 * `resolved_on_time / resolved`; absent when nothing was resolved.
 */
on_time_rate: number | null, 
/**
 * Called back at least once.
 */
called_back: number, 
/**
 * Of those, satisfied at the first call-back.
 */
satisfied_first_call: number, 
/**
 * `satisfied_first_call / called_back`; absent when nobody was called back.
 */
satisfaction_rate: number | null, 
/**
 * Not closed now.
 */
open: number, escalated: number, };

export type ComplaintStatus = "received" | "dispatched" | "resolved" | "closed";

export type Confidence = "none" | "low" | "medium" | "high";

export type Count = { key: string, count: number, };

export type CounterProfile = { name: string, locale: Locale, 
/**
 * IANA time zone, e.g. `Asia/Shanghai`, `Asia/Seoul`.
 */
time_zone: string, legal_regime: LegalRegime, 
/**
 * Parcels waiting longer than this many days are listed for a reminder.
 */
parcel_reminder_days: number, 
/**
 * Days from finding within which found property goes to the police / public security.
 */
police_handover_days: number, 
/**
 * `other` regime: days an item is held before the monthly hand-over to finance.
 */
finance_holding_days: number, 
/**
 * Minutes without input after which the app locks the screen (sign-in to unlock).
 */
lock_after_minutes: number, created_at: string, updated_at: string, };

export type Criterion = "category" | "time" | "place" | "description";

export type CurrentShift = { shift: Shift, 
/**
 * The previous shift's handover while it waits for acknowledgement, with its items.
 */
pending_handover: Handover | null, 
/**
 * End-of-shift checklists still to run before the shift may close.
 */
checklists_missing: Array<ChecklistKind>, };

export type CustodyHandOver = { id: number, found_item_id: FoundItemId, from_staff_id: StaffId, from_staff_name: string, to_staff_id: StaffId, to_staff_name: string, 
/**
 * The receiver's role at the time.
 */
to_role: string, storage_location: string, note: string | null, at: string, recorded_by: StaffId, };

export type Direction = "in" | "out";

export type DispatchComplaint = { id: ComplaintId, department: string, 
/**
 * The time promised to the complainant.
 */
promised_at: string, instructions?: string, };

export type DispatchParcel = { id: ParcelId, carrier?: string, tracking_no?: string, };

export type DisposeFoundItem = { id: FoundItemId, disposition: Disposition, 
/**
 * E.g. the police receipt number.
 */
reference?: string, note?: string, };

export type Disposition = "police" | "finance" | "returned_to_finder" | "disposed";

export type Empty = Record<symbol, never>;

export type EntryById = { id: LogEntryId, };

export type EntryStatus = "open" | "done" | "closed";

export type ErrorCode = "invalid_input" | "bad_request" | "not_found" | "duplicate" | "invalid_state" | "handover_pending" | "no_open_shift" | "forbidden" | "wrong_pin" | "locked" | "pin_not_set" | "unknown_operation" | "not_initialised" | "busy" | "storage_full" | "read_only" | "corrupt" | "storage";

export type ExceptionKind = "damaged" | "misaddressed" | "lost";

export type FileLostReport = { reporter_name: string, contact: string, 
/**
 * Approximately when it was lost.
 */
lost_at: string, lost_from?: string, lost_to?: string, lost_place: string, category: Category, description: string, };

export type FollowUp = { id: number, shift_id: ShiftId, at: string, by: StaffId, by_name: string, note: string, done: boolean, };

export type FollowUpComplaint = { id: ComplaintId, note: string, };

export type FollowUpRequest = { id: LogEntryId, note: string, done: boolean, };

export type FormKind = "item_card" | "finder_receipt" | "claim" | "parcel_notice" | "parcel_receipt" | "work_order" | "handover" | "checklist_safety" | "checklist_assets" | "lost_summary" | "unclaimed_handover" | "good_deeds" | "complaint_stats" | "duty_log_archive";

export type FoundItem = { id: FoundItemId, code: string, arrival: Arrival, 
/**
 * The visitor's name, or the finding staff member's name.
 */
finder_name: string, finder_contact: string | null, finder_staff_id: StaffId | null, team_leader: string | null, witness: string | null, found_at: string, found_place: string, category: Category, description: string, has_private_features: boolean, valuable: boolean, storage_location: string, 
/**
 * Who holds the item now.
 */
holder_id: StaffId, holder_name: string, 
/**
 * When it first passed to a lost-property custodian.
 */
custodian_since: string | null, status: FoundStatus, 
/**
 * CN: when the public notice (招领公告) was made.
 */
notice_at: string | null, disposal_reference: string | null, disposal_note: string | null, closed_at: string | null, closed_by: StaffId | null, registered_by: StaffId, registered_by_name: string, created_at: string, updated_at: string, };

export type FoundItemDetail = { hand_overs: Array<CustodyHandOver>, claim: Claim | null, retention: RetentionDue | null, id: FoundItemId, code: string, arrival: Arrival, 
/**
 * The visitor's name, or the finding staff member's name.
 */
finder_name: string, finder_contact: string | null, finder_staff_id: StaffId | null, team_leader: string | null, witness: string | null, found_at: string, found_place: string, category: Category, description: string, has_private_features: boolean, valuable: boolean, storage_location: string, 
/**
 * Who holds the item now.
 */
holder_id: StaffId, holder_name: string, 
/**
 * When it first passed to a lost-property custodian.
 */
custodian_since: string | null, status: FoundStatus, 
/**
 * CN: when the public notice (招领公告) was made.
 */
notice_at: string | null, disposal_reference: string | null, disposal_note: string | null, closed_at: string | null, closed_by: StaffId | null, registered_by: StaffId, registered_by_name: string, created_at: string, updated_at: string, };

export type FoundItemId = number;

export type FoundItemRef = { id: FoundItemId, };

export type FoundStatus = "in_custody" | "claimed" | "handed_to_police" | "handed_to_finance" | "returned_to_finder" | "disposed";

export type GetAttachment = { id: AttachmentId, };

export type GetComplaint = { id: ComplaintId, };

export type GetParcel = { id: ParcelId, };

export type GoodDeedItem = { id: FoundItemId, code: string, arrival: Arrival, found_at: string, found_place: string, category: Category, description: string, status: FoundStatus, };

export type GoodDeeds = { staff_id: StaffId, staff_code: string, staff_name: string, count: number, items: Array<GoodDeedItem>, };

export type GuessCarrierRequest = { tracking_no: string, };

export type HandOverFoundItem = { id: FoundItemId, 
/**
 * Who receives the item (login, code or id).
 */
to_staff: StaffRef, 
/**
 * Where it is kept from now on.
 */
storage_location: string, note?: string, };

export type Handover = { id: HandoverId, code: string, from_shift_id: ShiftId, from_shift_code: string, to_shift_id: ShiftId | null, to_shift_code: string | null, closed_by: StaffId, closed_by_name: string, closed_at: string, notes: string | null, acknowledged_by: StaffId | null, acknowledged_by_name: string | null, acknowledged_at: string | null, 
/**
 * What was open when the shift closed, as the dashboard listed it then.
 */
items: Array<OpenItem>, };

export type HandoverById = { id: HandoverId, };

export type HandoverId = number;

export type HistoryRequest = { 
/**
 * The record's code (`FI-000123`), or `entity` + `id`.
 */
code?: string, entity?: string, id?: number, };

export type IdDocType = "resident_id" | "passport" | "drivers_license" | "other";

export type ImageMime = "image/jpeg" | "image/png" | "image/webp";

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type LegalRegime = "CN" | "KR" | "other";

export type ListAttachments = { entity: AttachEntity, entity_id: number, };

export type ListComplaints = { status?: ComplaintStatus, category?: ComplaintCategory, weight?: Weight, 
/**
 * Received at or after.
 */
from?: string, 
/**
 * Received before.
 */
to?: string, 
/**
 * Part of the complainant's name or unit.
 */
complainant?: string, 
/**
 * At most this many (default 200, at most 1000).
 */
limit?: number, };

export type ListEntries = { shift_id?: ShiftId, from?: string, to?: string, status?: EntryStatus, kind?: LogKind, };

export type ListFoundItems = { status?: FoundStatus, 
/**
 * Found at or after.
 */
from?: string, 
/**
 * Found before.
 */
to?: string, category?: Category, };

export type ListItems = { 
/**
 * One kind (all when absent).
 */
kind?: ChecklistKind, include_inactive: boolean, };

export type ListLostReports = { status?: ReportStatus, 
/**
 * Reported at or after.
 */
from?: string, 
/**
 * Reported before.
 */
to?: string, category?: Category, };

export type ListParcels = { status?: ParcelStatus, direction?: Direction, 
/**
 * Received at or after.
 */
from?: string, 
/**
 * Received before.
 */
to?: string, 
/**
 * Part of the recipient's name or unit.
 */
recipient?: string, 
/**
 * At most this many (default 200, at most 1000).
 */
limit?: number, };

export type ListShifts = { from?: string, to?: string, };

export type ListStaff = { 
/**
 * Include deactivated staff.
 */
include_inactive: boolean, };

export type Locale = "zh-CN" | "ko" | "en";

export type LogEntry = { id: LogEntryId, code: string, shift_id: ShiftId, shift_code: string, kind: LogKind, at: string, 
/**
 * The caller or visitor.
 */
person: string | null, contact: string | null, 
/**
 * Unit, room or company.
 */
unit: string | null, 
/**
 * What was asked or what happened.
 */
content: string, 
/**
 * What was promised to the customer.
 */
promised: string | null, 
/**
 * By when it was promised.
 */
promised_by: string | null, 
/**
 * Who was sent.
 */
dispatched_to: string | null, 
/**
 * Who must act on it (e.g. `safety_officer`, `asset_officer`).
 */
addressed_to: string | null, 
/**
 * Urgent events (power cut, water leak, people trapped in a lift) are dispatched first.
 */
urgent: boolean, needs_follow_up: boolean, status: EntryStatus, done_at: string | null, 
/**
 * When the next call-back is due after an unsatisfied one.
 */
next_callback_at: string | null, closed_at: string | null, created_by: StaffId, created_by_name: string, created_at: string, updated_at: string, };

export type LogEntryDetail = { follow_ups: Array<FollowUp>, callbacks: Array<Callback>, id: LogEntryId, code: string, shift_id: ShiftId, shift_code: string, kind: LogKind, at: string, 
/**
 * The caller or visitor.
 */
person: string | null, contact: string | null, 
/**
 * Unit, room or company.
 */
unit: string | null, 
/**
 * What was asked or what happened.
 */
content: string, 
/**
 * What was promised to the customer.
 */
promised: string | null, 
/**
 * By when it was promised.
 */
promised_by: string | null, 
/**
 * Who was sent.
 */
dispatched_to: string | null, 
/**
 * Who must act on it (e.g. `safety_officer`, `asset_officer`).
 */
addressed_to: string | null, 
/**
 * Urgent events (power cut, water leak, people trapped in a lift) are dispatched first.
 */
urgent: boolean, needs_follow_up: boolean, status: EntryStatus, done_at: string | null, 
/**
 * When the next call-back is due after an unsatisfied one.
 */
next_callback_at: string | null, closed_at: string | null, created_by: StaffId, created_by_name: string, created_at: string, updated_at: string, };

export type LogEntryId = number;

export type LogKind = "call" | "visit" | "dispatch" | "incident" | "briefing" | "note";

export type LostReport = { id: LostReportId, code: string, reporter_name: string, contact: string, 
/**
 * Approximately when; `lost_from`..`lost_to` when the reporter gives a window.
 */
lost_at: string, lost_from: string | null, lost_to: string | null, lost_place: string, category: Category, description: string, status: ReportStatus, 
/**
 * The found item returned against this report.
 */
found_item_id: FoundItemId | null, found_item_code: string | null, closed_at: string | null, close_reason: string | null, reported_at: string, recorded_by: StaffId, recorded_by_name: string, updated_at: string, };

export type LostReportId = number;

export type LostReportRef = { id: LostReportId, };

export type MatchesRequest = { found_item_id?: FoundItemId, lost_report_id?: LostReportId, };

export type MonthRequest = { 
/**
 * `YYYY-MM`, in the counter's local calendar.
 */
month: string, };

export type MonthSummary = { month: string, from: string, to: string, 
/**
 * Items found in the month.
 */
found: number, found_valuable: number, found_by_category: Array<Count>, found_by_arrival: Array<Count>, 
/**
 * Items found in the month, by their status now.
 */
found_by_status: Array<Count>, 
/**
 * Lost-item reports filed in the month, by their status now.
 */
reports: number, reports_by_status: Array<Count>, claims: number, hand_overs: number, 
/**
 * Items that left custody other than by claim in the month, by how.
 */
disposed_by_status: Array<Count>, };

export type NewLogEntry = { kind: LogKind, 
/**
 * When it happened (default: now).
 */
at?: string, person?: string, contact?: string, unit?: string, content: string, promised?: string, promised_by?: string, dispatched_to?: string, addressed_to?: string, urgent: boolean, 
/**
 * Default: true for calls, visits, dispatches and incidents; false for briefings and notes.
 */
needs_follow_up?: boolean, };

export type NoticeFoundItem = { id: FoundItemId, notice_at: string, };

export type Notification = { at: string, channel: NotifyChannel, note: string | null, by: StaffId, by_name: string, };

export type NotifyChannel = "phone" | "sms" | "wechat" | "kakao" | "in_person" | "notice_board" | "other";

export type NotifyParcel = { id: ParcelId, channel: NotifyChannel, note?: string, };

export type OpenItem = { kind: OpenKind, register: Register, record_id: number, code: string, 
/**
 * One line for the list (never private features).
 */
summary: string, due_at: string | null, overdue: boolean, };

export type OpenKind = "open_log_entry" | "overdue_promise" | "callback_due" | "parcel_waiting" | "parcel_reminder" | "valuable_to_custodian" | "found_item_in_custody" | "retention_due" | "complaint_open" | "complaint_overdue" | "complaint_callback_due";

export type OpenShift = { staff_on_duty: Array<string>, weather?: string, duty_manager?: string, duty_leader?: string, operations_notes?: string, visitor_count?: number, };

export type Parcel = { id: ParcelId, code: string, direction: Direction, kind: ParcelKind, carrier: string | null, tracking_no: string | null, recipient_name: string, recipient_unit: string | null, recipient_contact: string | null, sender: string | null, 
/**
 * Received (in) or accepted (out) at.
 */
received_at: string, received_by: StaffId, received_by_name: string, storage_location: string | null, note: string | null, status: ParcelStatus, picked_up_at: string | null, picked_up_by: string | null, on_behalf_of: string | null, id_checked: boolean | null, id_doc_type: string | null, 
/**
 * Only the last 4 characters of the identity document shown.
 */
id_last4: string | null, pickup_note: string | null, dispatched_at: string | null, return_reason: string | null, closed_at: string | null, closed_by: StaffId | null, updated_at: string, };

export type ParcelDetail = { notifications: Array<Notification>, exceptions: Array<ParcelException>, id: ParcelId, code: string, direction: Direction, kind: ParcelKind, carrier: string | null, tracking_no: string | null, recipient_name: string, recipient_unit: string | null, recipient_contact: string | null, sender: string | null, 
/**
 * Received (in) or accepted (out) at.
 */
received_at: string, received_by: StaffId, received_by_name: string, storage_location: string | null, note: string | null, status: ParcelStatus, picked_up_at: string | null, picked_up_by: string | null, on_behalf_of: string | null, id_checked: boolean | null, id_doc_type: string | null, 
/**
 * Only the last 4 characters of the identity document shown.
 */
id_last4: string | null, pickup_note: string | null, dispatched_at: string | null, return_reason: string | null, closed_at: string | null, closed_by: StaffId | null, updated_at: string, };

export type ParcelException = { at: string, kind: ExceptionKind, report: string, by: StaffId, by_name: string, };

export type ParcelId = number;

export type ParcelKind = "letter" | "registered" | "parcel" | "printed_matter" | "newspaper_magazine" | "remittance_notice";

export type ParcelReminder = { 
/**
 * Whole days since it was received.
 */
days_waiting: number, notification_count: number, last_notification: Notification | null, id: ParcelId, code: string, direction: Direction, kind: ParcelKind, carrier: string | null, tracking_no: string | null, recipient_name: string, recipient_unit: string | null, recipient_contact: string | null, sender: string | null, 
/**
 * Received (in) or accepted (out) at.
 */
received_at: string, received_by: StaffId, received_by_name: string, storage_location: string | null, note: string | null, status: ParcelStatus, picked_up_at: string | null, picked_up_by: string | null, on_behalf_of: string | null, id_checked: boolean | null, id_doc_type: string | null, 
/**
 * Only the last 4 characters of the identity document shown.
 */
id_last4: string | null, pickup_note: string | null, dispatched_at: string | null, return_reason: string | null, closed_at: string | null, closed_by: StaffId | null, updated_at: string, };

export type ParcelStatus = "received" | "notified" | "picked_up" | "returned" | "lost" | "accepted" | "dispatched";

export type PickUp = { id: ParcelId, 
/**
 * Who collected it (signs for it).
 */
picked_up_by: string, 
/**
 * The recipient, when someone else collects for them.
 */
on_behalf_of?: string, 
/**
 * Whether an identity document was checked.
 */
id_checked: boolean, id_doc_type?: string, 
/**
 * Only the last 4 characters of the document number; a full number is refused.
 */
id_last4?: string, note?: string, };

export type PinStatus = { staff_id: StaffId, code: string, has_pin: boolean, 
/**
 * A temporary PIN set by an admin: the staff member must choose their own.
 */
must_change: boolean, failed_attempts: number, locked_until: string | null, };

export type PrintRequest = { form: FormKind, 
/**
 * A record code or id (`FI-000012`), or a month (`2026-11`) for monthly forms.
 */
target: string, 
/**
 * The language of the form (default: the counter's).
 */
locale?: Locale, 
/**
 * Item cards only: print on A6 instead of the 90 × 55 mm label.
 */
a6: boolean, };

export type Printed = { form: FormKind, 
/**
 * A file name to save it under, e.g. `item_card-FI-000012.pdf`.
 */
file_name: string, pages: number, bytes: number, 
/**
 * The PDF, base64-encoded (the transports carry JSON).
 */
pdf_base64: string, };

export type PrivateFeatures = { id: FoundItemId, code: string, private_features: string | null, };

export type ReceiveParcel = { kind: ParcelKind, carrier?: string, 
/**
 * Required except for letters and newspapers.
 */
tracking_no?: string, recipient_name: string, 
/**
 * Unit, room or company.
 */
recipient_unit?: string, recipient_contact?: string, sender?: string, 
/**
 * When it arrived (default: now).
 */
received_at?: string, storage_location?: string, note?: string, };

export type RecordComplaint = { weight: Weight, channel: Channel, complainant_name: string, contact?: string, 
/**
 * Unit, room or company.
 */
unit?: string, category: ComplaintCategory, 
/**
 * What the person said, in their words.
 */
content: string, 
/**
 * Default `normal`.
 */
severity?: Severity, 
/**
 * When it was received (default: now).
 */
received_at?: string, };

export type Recorded<T> = { candidates: Array<Candidate>, } & T;

export type Register = "log_entry" | "found_item" | "lost_report" | "parcel" | "complaint" | "shift";

export type RegisterFoundItem = { arrival: Arrival, 
/**
 * visitor: the visitor who handed it in.
 */
finder_name?: string, finder_contact?: string, 
/**
 * staff / on_site: the staff member who found it.
 */
finder_staff?: StaffRef, 
/**
 * on_site: the team leader and the witness who checked it with the finder.
 */
team_leader?: string, witness?: string, found_at: string, found_place: string, category: Category, 
/**
 * What anyone may see (item-information card, lists, search).
 */
description: string, 
/**
 * What only the owner would know; used to verify a claim, never shown in lists.
 */
private_features?: string, 
/**
 * Default: true for cash, phone, jewellery/watch and electronics.
 */
valuable?: boolean, storage_location: string, };

export type RemindersRequest = Record<symbol, never>;

export type ReopenComplaint = { id: ComplaintId, reason: string, };

export type ReportException = { id: ParcelId, kind: ExceptionKind, 
/**
 * What happened and to whom it was reported.
 */
report: string, };

export type ReportStatus = "open" | "returned" | "withdrawn";

export type ResolveComplaint = { id: ComplaintId, resolution: string, };

export type ResultInput = { item_id: ChecklistItemId, ok: boolean, 
/**
 * Required when not OK: what is wrong.
 */
note?: string, };

export type RetentionDue = { step: RetentionStep, 
/**
 * The last local day on which the step is on time.
 */
due_date: string, 
/**
 * CN only: the day unclaimed property goes to the state (one year after the notice, or
 * after the found date while no notice has been made).
 */
state_date: string | null, };

export type RetentionRequest = { 
/**
 * Only items due within this many days (overdue ones always).
 */
within_days?: number, };

export type RetentionRow = { id: FoundItemId, code: string, category: Category, description: string, found_at: string, found_date: string, valuable: boolean, holder_name: string, storage_location: string, notice_at: string | null, step: RetentionStep, due_date: string, state_date: string | null, 
/**
 * Days from today to the due date (negative when overdue).
 */
days_left: number, overdue: boolean, };

export type RetentionStep = "police" | "public_security" | "state" | "finance";

export type ReturnParcel = { id: ParcelId, reason: string, };

export type Role = "receptionist" | "supervisor" | "custodian" | "admin";

export type RosterEntry = { id: StaffId, code: string, login: string, name: string, role: Role, has_pin: boolean, 
/**
 * Attempts are refused before this time (compare with the clock).
 */
locked_until: string | null, };

export type RunById = { id: ChecklistRunId, };

export type RunChecklist = { kind: ChecklistKind, results: Array<ResultInput>, };

export type RunsOfShift = { shift_id: ShiftId, };

export type SearchHit = { register: Register, record_id: number, code: string, title: string, status: string, at: string, 
/**
 * Higher is better.
 */
score: number, };

export type SearchQuery = { 
/**
 * Words to find (all must match), or a record's code / scanned QR.
 */
q: string, 
/**
 * Only these registers (all when empty).
 */
registers: Array<Register>, 
/**
 * Only records in this status.
 */
status?: string, 
/**
 * Only records from this time on.
 */
from?: string, 
/**
 * Only records before this time.
 */
to?: string, 
/**
 * At most this many hits (default 50, at most 500).
 */
limit?: number, };

export type SetPin = { id?: StaffId, pin: string, current_pin?: string, };

export type Severity = "normal" | "important" | "major";

export type Shift = { id: ShiftId, code: string, status: ShiftStatus, opened_at: string, opened_by: StaffId, opened_by_name: string, 
/**
 * The counter's local date the shift opened on.
 */
date: string, staff_on_duty: Array<string>, weather: string | null, 
/**
 * 值班经理.
 */
duty_manager: string | null, 
/**
 * 值班领导.
 */
duty_leader: string | null, 
/**
 * 运营信息.
 */
operations_notes: string | null, 
/**
 * Reported visitor numbers (游客/来访人数).
 */
visitor_count: number | null, closed_at: string | null, closed_by: StaffId | null, closed_by_name: string | null, 
/**
 * The handover written when the shift closed.
 */
handover_id: HandoverId | null, created_at: string, updated_at: string, };

export type ShiftById = { id: ShiftId, };

export type ShiftId = number;

export type ShiftStatus = "awaiting_ack" | "open" | "closed";

export type SignIn = { login: string, pin: string, };

export type SignedIn = { staff: Staff, 
/**
 * The PIN was a temporary one from an admin: ask for a new one now (`staff.set_pin`).
 */
must_change_pin: boolean, 
/**
 * The counter's idle minutes before the screen locks.
 */
lock_after_minutes: number, };

export type Staff = { id: StaffId, code: string, login: string, name: string, role: Role, phone: string | null, active: boolean, created_at: string, updated_at: string, };

export type StaffId = number;

export type StaffRef = number | string;

export type StatsRequest = { 
/**
 * A local calendar month, `YYYY-MM`.
 */
month: string, };

export type TodayRequest = { 
/**
 * The language of the items' one-line summaries: the screen's, which a receptionist may
 * have switched away from the counter's (the default). The handover keeps the counter's.
 */
locale?: Locale, };

export type UnlockStaff = { id: StaffId, reason: string, };

export type UpdateItem = { id: ChecklistItemId, text?: string, position?: number, active?: boolean, reason: string, };

export type UpdateProfile = { name?: string, locale?: Locale, time_zone?: string, legal_regime?: LegalRegime, parcel_reminder_days?: number, police_handover_days?: number, finance_holding_days?: number, lock_after_minutes?: number, 
/**
 * Why (kept in the history).
 */
reason?: string, };

export type UpdateShift = { 
/**
 * The shift (default: the current one). A closed shift is amended instead.
 */
id?: ShiftId, staff_on_duty?: Array<string>, weather?: string, duty_manager?: string, duty_leader?: string, operations_notes?: string, visitor_count?: number, };

export type UpdateStaff = { id: StaffId, name?: string, role?: Role, phone?: string, active?: boolean, reason: string, };

export type VerifyReport = { 
/**
 * Events checked.
 */
events: number, 
/**
 * The first broken link, if any.
 */
broken: BrokenLink | null, };

export type VerifyRequest = Record<symbol, never>;

export type Weight = "grievance" | "complaint";

export type WithdrawAttachment = { id: AttachmentId, reason: string, };

export type WithdrawLostReport = { id: LostReportId, reason: string, };

export type WorkOrder = { 
/**
 * 1 for the first work order of the complaint, 2 for a re-dispatch …
 */
number: number, department: string, promised_at: string, instructions: string | null, dispatched_at: string, by: StaffId, by_name: string, };

/** Every operation: its request, its response, whether it writes. */
export interface Ops {
  "profile.get": { req: Empty; resp: CounterProfile; writes: false };
  "profile.update": { req: UpdateProfile; resp: CounterProfile; writes: true };
  "staff.list": { req: ListStaff; resp: Array<Staff>; writes: false };
  "staff.me": { req: Empty; resp: Staff; writes: false };
  "staff.add": { req: AddStaff; resp: Staff; writes: true };
  "staff.update": { req: UpdateStaff; resp: Staff; writes: true };
  "staff.set_pin": { req: SetPin; resp: PinStatus; writes: true };
  "staff.unlock": { req: UnlockStaff; resp: PinStatus; writes: true };
  "today.open_items": { req: TodayRequest; resp: Array<OpenItem>; writes: false };
  "shift.open": { req: OpenShift; resp: Shift; writes: true };
  "shift.update": { req: UpdateShift; resp: Shift; writes: true };
  "shift.amend": { req: AmendShift; resp: Shift; writes: true };
  "shift.close": { req: CloseShift; resp: Handover; writes: true };
  "shift.current": { req: Empty; resp: CurrentShift | null; writes: false };
  "shift.get": { req: ShiftById; resp: Shift; writes: false };
  "shift.list": { req: ListShifts; resp: Array<Shift>; writes: false };
  "handover.acknowledge": { req: AcknowledgeHandover; resp: Handover; writes: true };
  "handover.get": { req: HandoverById; resp: Handover; writes: false };
  "handover.latest": { req: Empty; resp: Handover | null; writes: false };
  "log.add": { req: NewLogEntry; resp: LogEntry; writes: true };
  "log.follow_up": { req: FollowUpRequest; resp: LogEntryDetail; writes: true };
  "log.callback": { req: CallbackRequest; resp: LogEntryDetail; writes: true };
  "log.amend": { req: AmendEntry; resp: LogEntryDetail; writes: true };
  "log.get": { req: EntryById; resp: LogEntryDetail; writes: false };
  "log.list": { req: ListEntries; resp: Array<LogEntry>; writes: false };
  "checklist.items": { req: ListItems; resp: Array<ChecklistItem>; writes: false };
  "checklist.add_item": { req: AddItem; resp: ChecklistItem; writes: true };
  "checklist.update_item": { req: UpdateItem; resp: ChecklistItem; writes: true };
  "checklist.add_defaults": { req: AddDefaults; resp: Array<ChecklistItem>; writes: true };
  "checklist.run": { req: RunChecklist; resp: ChecklistRun; writes: true };
  "checklist.get_run": { req: RunById; resp: ChecklistRun; writes: false };
  "checklist.runs": { req: RunsOfShift; resp: Array<ChecklistRun>; writes: false };
  "found_item.register": { req: RegisterFoundItem; resp: Recorded<FoundItem>; writes: true };
  "found_item.get": { req: FoundItemRef; resp: FoundItemDetail; writes: false };
  "found_item.list": { req: ListFoundItems; resp: Array<FoundItem>; writes: false };
  "found_item.amend": { req: AmendFoundItem; resp: FoundItem; writes: true };
  "found_item.private_features": { req: FoundItemRef; resp: PrivateFeatures; writes: true };
  "found_item.hand_over": { req: HandOverFoundItem; resp: FoundItemDetail; writes: true };
  "found_item.notice": { req: NoticeFoundItem; resp: FoundItemDetail; writes: true };
  "found_item.claim": { req: ClaimFoundItem; resp: Claim; writes: true };
  "found_item.dispose": { req: DisposeFoundItem; resp: FoundItem; writes: true };
  "claim.get": { req: ClaimRef; resp: Claim; writes: false };
  "lost_report.file": { req: FileLostReport; resp: Recorded<LostReport>; writes: true };
  "lost_report.get": { req: LostReportRef; resp: LostReport; writes: false };
  "lost_report.list": { req: ListLostReports; resp: Array<LostReport>; writes: false };
  "lost_report.withdraw": { req: WithdrawLostReport; resp: LostReport; writes: true };
  "lost_report.amend": { req: AmendLostReport; resp: LostReport; writes: true };
  "lost_found.matches": { req: MatchesRequest; resp: Array<Candidate>; writes: false };
  "lost_found.retention": { req: RetentionRequest; resp: Array<RetentionRow>; writes: false };
  "lost_found.good_deeds": { req: MonthRequest; resp: Array<GoodDeeds>; writes: false };
  "lost_found.summary": { req: MonthRequest; resp: MonthSummary; writes: false };
  "parcel.receive": { req: ReceiveParcel; resp: ParcelDetail; writes: true };
  "parcel.accept_outgoing": { req: AcceptOutgoing; resp: ParcelDetail; writes: true };
  "parcel.notify": { req: NotifyParcel; resp: ParcelDetail; writes: true };
  "parcel.pick_up": { req: PickUp; resp: ParcelDetail; writes: true };
  "parcel.dispatch": { req: DispatchParcel; resp: ParcelDetail; writes: true };
  "parcel.return": { req: ReturnParcel; resp: ParcelDetail; writes: true };
  "parcel.exception": { req: ReportException; resp: ParcelDetail; writes: true };
  "parcel.amend": { req: AmendParcel; resp: ParcelDetail; writes: true };
  "parcel.get": { req: GetParcel; resp: ParcelDetail; writes: false };
  "parcel.list": { req: ListParcels; resp: Array<Parcel>; writes: false };
  "parcel.reminders": { req: RemindersRequest; resp: Array<ParcelReminder>; writes: false };
  "parcel.guess_carrier": { req: GuessCarrierRequest; resp: CarrierGuess; writes: false };
  "complaint.record": { req: RecordComplaint; resp: ComplaintDetail; writes: true };
  "complaint.dispatch": { req: DispatchComplaint; resp: ComplaintDetail; writes: true };
  "complaint.follow_up": { req: FollowUpComplaint; resp: ComplaintDetail; writes: true };
  "complaint.resolve": { req: ResolveComplaint; resp: ComplaintDetail; writes: true };
  "complaint.callback": { req: CallbackComplaint; resp: ComplaintDetail; writes: true };
  "complaint.reopen": { req: ReopenComplaint; resp: ComplaintDetail; writes: true };
  "complaint.amend": { req: AmendComplaint; resp: ComplaintDetail; writes: true };
  "complaint.get": { req: GetComplaint; resp: ComplaintDetail; writes: false };
  "complaint.list": { req: ListComplaints; resp: Array<Complaint>; writes: false };
  "complaint.stats": { req: StatsRequest; resp: ComplaintStats; writes: false };
  "attachment.add": { req: AddAttachment; resp: Attachment; writes: true };
  "attachment.list": { req: ListAttachments; resp: Array<Attachment>; writes: false };
  "attachment.get": { req: GetAttachment; resp: AttachmentFile; writes: false };
  "attachment.withdraw": { req: WithdrawAttachment; resp: Attachment; writes: true };
  "print": { req: PrintRequest; resp: Printed; writes: false };
  "search": { req: SearchQuery; resp: Array<SearchHit>; writes: false };
  "history": { req: HistoryRequest; resp: Array<AuditEvent>; writes: false };
  "audit.verify": { req: VerifyRequest; resp: VerifyReport; writes: false };
}

export type OpName = keyof Ops;

/** The operations that write, for the UI's saving indicator. */
export const WRITE_OPS: readonly OpName[] = ["profile.update", "staff.add", "staff.update", "staff.set_pin", "staff.unlock", "shift.open", "shift.update", "shift.amend", "shift.close", "handover.acknowledge", "log.add", "log.follow_up", "log.callback", "log.amend", "checklist.add_item", "checklist.update_item", "checklist.add_defaults", "checklist.run", "found_item.register", "found_item.amend", "found_item.private_features", "found_item.hand_over", "found_item.notice", "found_item.claim", "found_item.dispose", "lost_report.file", "lost_report.withdraw", "lost_report.amend", "parcel.receive", "parcel.accept_outgoing", "parcel.notify", "parcel.pick_up", "parcel.dispatch", "parcel.return", "parcel.exception", "parcel.amend", "complaint.record", "complaint.dispatch", "complaint.follow_up", "complaint.resolve", "complaint.callback", "complaint.reopen", "complaint.amend", "attachment.add", "attachment.withdraw"];

export const LogKind_VALUES: readonly LogKind[] = ["call", "visit", "dispatch", "incident", "briefing", "note"];
export const EntryStatus_VALUES: readonly EntryStatus[] = ["open", "done", "closed"];
export const ShiftStatus_VALUES: readonly ShiftStatus[] = ["awaiting_ack", "open", "closed"];
export const ChecklistKind_VALUES: readonly ChecklistKind[] = ["facility_safety", "fixed_assets"];
export const Category_VALUES: readonly Category[] = ["cash", "wallet", "phone", "electronics", "documents_cards", "keys", "bag", "clothing", "umbrella", "jewellery_watch", "glasses", "toy", "other"];
export const Arrival_VALUES: readonly Arrival[] = ["visitor", "staff", "on_site"];
export const FoundStatus_VALUES: readonly FoundStatus[] = ["in_custody", "claimed", "handed_to_police", "handed_to_finance", "returned_to_finder", "disposed"];
export const ReportStatus_VALUES: readonly ReportStatus[] = ["open", "returned", "withdrawn"];
export const IdDocType_VALUES: readonly IdDocType[] = ["resident_id", "passport", "drivers_license", "other"];
export const Disposition_VALUES: readonly Disposition[] = ["police", "finance", "returned_to_finder", "disposed"];
export const Direction_VALUES: readonly Direction[] = ["in", "out"];
export const ParcelKind_VALUES: readonly ParcelKind[] = ["letter", "registered", "parcel", "printed_matter", "newspaper_magazine", "remittance_notice"];
export const ParcelStatus_VALUES: readonly ParcelStatus[] = ["received", "notified", "picked_up", "returned", "lost", "accepted", "dispatched"];
export const NotifyChannel_VALUES: readonly NotifyChannel[] = ["phone", "sms", "wechat", "kakao", "in_person", "notice_board", "other"];
export const ExceptionKind_VALUES: readonly ExceptionKind[] = ["damaged", "misaddressed", "lost"];
export const Carrier_VALUES: readonly Carrier[] = ["sf_express", "jd_logistics", "yto", "zto", "sto", "yunda", "china_post", "china_ems", "cj_logistics", "korea_post", "hanjin", "lotte", "postal"];
export const Weight_VALUES: readonly Weight[] = ["grievance", "complaint"];
export const Channel_VALUES: readonly Channel[] = ["on_site", "phone", "written", "online"];
export const ComplaintCategory_VALUES: readonly ComplaintCategory[] = ["security", "cleaning", "landscaping", "engineering_repair", "mail_newspapers", "renovation", "staff_attitude", "other"];
export const Severity_VALUES: readonly Severity[] = ["normal", "important", "major"];
export const ComplaintStatus_VALUES: readonly ComplaintStatus[] = ["received", "dispatched", "resolved", "closed"];
export const FormKind_VALUES: readonly FormKind[] = ["item_card", "finder_receipt", "claim", "parcel_notice", "parcel_receipt", "work_order", "handover", "checklist_safety", "checklist_assets", "lost_summary", "unclaimed_handover", "good_deeds", "complaint_stats", "duty_log_archive"];
export const AttachEntity_VALUES: readonly AttachEntity[] = ["found_item", "parcel", "claim", "lost_report", "complaint"];
export const AttachmentKind_VALUES: readonly AttachmentKind[] = ["photo", "signature"];
export const ImageMime_VALUES: readonly ImageMime[] = ["image/jpeg", "image/png", "image/webp"];

//! A realistic counter for trying the product and for benchmarks: `frontdesk demo` fills a
//! database with a month (or, for the benchmark, years) of a busy Chinese or Korean counter —
//! two shifts a day with handovers, duty-log calls and visits with follow-ups and call-backs,
//! end-of-shift checklists, parcels in and out, found items, lost reports and claims, and
//! complaints from receipt to call-back.
//!
//! Everything goes through the public operations (`Desk::call`) at simulated times, so the
//! demo data obeys every rule, carries a full audit trail and search index, and exercises the
//! same code as the app. A seeded generator makes it reproducible.

mod pools;

use crate::api::Desk;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::profile::{InitCounter, LegalRegime};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use pools::Pools;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// How busy the simulated counter is: records per day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Scale {
    pub log_entries: u32,
    pub parcels: u32,
    pub found_items: u32,
    pub lost_reports: u32,
    pub complaints: u32,
}

impl Scale {
    /// A busy residential service centre.
    pub const DEMO: Scale = Scale {
        log_entries: 40,
        parcels: 60,
        found_items: 6,
        lost_reports: 3,
        complaints: 5,
    };
    /// The benchmark's ten busy years (≥ 1,000,000 records over 3,650 days).
    pub const BUSY: Scale = Scale {
        log_entries: 70,
        parcels: 110,
        found_items: 10,
        lost_reports: 5,
        complaints: 8,
    };
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct DemoOptions {
    pub locale: Locale,
    /// Days to simulate, ending with the shift at work at `now` (left open).
    pub days: u32,
    pub scale: Scale,
    pub seed: u64,
    /// Every other day, visitors' names and words come from the other language (a Chinese
    /// counter with Korean visitors, or the reverse): the benchmark's mixed text.
    #[serde(default)]
    pub mixed: bool,
}

/// What the demo wrote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct DemoSummary {
    pub days: u32,
    pub shifts: u64,
    pub log_entries: u64,
    pub parcels: u64,
    pub found_items: u64,
    pub lost_reports: u64,
    pub claims: u64,
    pub complaints: u64,
    pub operations: u64,
}

/// A small, seeded generator (SplitMix64): reproducible demo data without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// Poisson-ish count with mean `m` over `slots` (each slot fires with m/slots).
    fn fires(&mut self, mean_per_day: u32, slots_per_day: u32) -> bool {
        self.chance(mean_per_day as f64 / slots_per_day as f64)
    }
}

struct Staff {
    admin: &'static str,
    receptionists: [&'static str; 3],
    supervisor: &'static str,
    custodian: &'static str,
}

const ZH_STAFF: [(&str, &str, &str); 5] = [
    ("wang", "王芳", "receptionist"),
    ("liu", "刘洋", "receptionist"),
    ("chen", "陈静", "receptionist"),
    ("li", "李强", "supervisor"),
    ("zhao", "赵敏", "custodian"),
];
const KO_STAFF: [(&str, &str, &str); 5] = [
    ("kim", "김민지", "receptionist"),
    ("park", "박서준", "receptionist"),
    ("lee", "이하은", "receptionist"),
    ("choi", "최지훈", "supervisor"),
    ("jung", "정수빈", "custodian"),
];

/// The generator's memory of what is still open.
#[derive(Default)]
struct Open {
    /// (log entry id, done?)
    log_entries: Vec<(i64, bool)>,
    parcels: Vec<(i64, DateTime<Utc>, bool)>,
    outgoing: Vec<i64>,
    /// (complaint id, status)
    complaints: Vec<(i64, &'static str)>,
    /// Valuables still at the desk, to go to the custodian at the end of the day.
    valuables: Vec<i64>,
    /// (found item id, lost report id): owners who will come to claim.
    claims: Vec<(i64, i64)>,
}

struct Sim<'a> {
    desk: &'a mut Desk,
    rng: Rng,
    pools: &'static Pools,
    staff: Staff,
    scale: Scale,
    open: Open,
    summary: DemoSummary,
    tracking: u64,
}

const SLOTS_PER_DAY: u32 = 144; // ten-minute slots

impl Sim<'_> {
    fn call(&mut self, actor: &str, at: DateTime<Utc>, op: &str, req: Value) -> Result<Value> {
        self.summary.operations += 1;
        self.desk.call(actor, at, op, req)
    }

    fn id(v: &Value) -> Result<i64> {
        v.get("id")
            .and_then(Value::as_i64)
            .ok_or_else(|| Error::Storage("demo: an operation returned no id".into()))
    }

    fn person(&mut self) -> String {
        format!(
            "{}{}",
            self.rng.pick(self.pools.surnames),
            self.rng.pick(self.pools.given)
        )
    }

    fn phone(&mut self) -> String {
        if self.korean() {
            format!(
                "010-{:04}-{:04}",
                self.rng.below(10_000),
                self.rng.below(10_000)
            )
        } else {
            format!("13{:09}", self.rng.below(1_000_000_000))
        }
    }

    fn callback_note(&self, satisfied: bool) -> &'static str {
        match (self.korean(), satisfied) {
            (true, true) => "처리 결과에 만족, 추가 요청 없음",
            (true, false) => "아직 해결되지 않았다고 함, 재방문 요청",
            (false, true) => "对处理结果满意，无其他问题",
            (false, false) => "表示问题仍未解决，要求再次处理",
        }
    }

    fn korean(&self) -> bool {
        std::ptr::eq(self.pools, &pools::KO)
    }

    fn tracking_no(&mut self) -> String {
        self.tracking += 1;
        if self.korean() {
            format!(
                "{:012}",
                6_000_000_000 + self.tracking * 7919 % 1_000_000_000
            )
        } else {
            format!("SF{:013}", 1_000_000_000_000 + self.tracking)
        }
    }

    /// One shift from `start` for `hours`, run by `who`.
    fn shift(
        &mut self,
        who: &'static str,
        start: DateTime<Utc>,
        hours: i64,
        last: bool,
    ) -> Result<()> {
        let opened = {
            let req = json!({
                "weather": self.rng.pick(self.pools.weather),
                "duty_manager": self.staff.supervisor_name(),
                "visitor_count": self.rng.below(400) as i64,
            });
            self.call(who, start, "shift.open", req)
        }?;
        self.summary.shifts += 1;
        if opened.get("status").and_then(Value::as_str) == Some("awaiting_ack") {
            let cur = self.call(
                who,
                start + Duration::minutes(2),
                "shift.current",
                json!({}),
            )?;
            if let Some(h) = cur.pointer("/pending_handover/id").and_then(Value::as_i64) {
                self.call(
                    who,
                    start + Duration::minutes(3),
                    "handover.acknowledge",
                    json!({"handover_id": h}),
                )?;
            }
        }
        let slots = (hours * 6) as u32;
        for s in 1..slots {
            let at = start + Duration::minutes(10 * s as i64);
            self.slot(who, at)?;
        }
        let end = start + Duration::hours(hours) - Duration::minutes(15);
        if last {
            return Ok(());
        }
        self.checklists(who, end)?;
        self.call(who, end + Duration::minutes(5), "shift.close", json!({}))?;
        Ok(())
    }

    fn checklists(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        for kind in ["facility_safety", "fixed_assets"] {
            let items = self.call(who, at, "checklist.items", json!({"kind": kind}))?;
            let mut results = Vec::new();
            for it in items.as_array().into_iter().flatten() {
                let ok = !self.rng.chance(0.01);
                let mut r = json!({"item_id": it["id"], "ok": ok});
                if !ok {
                    r["note"] = json!(if self.korean() {
                        "점검 필요"
                    } else {
                        "需要检修"
                    });
                }
                results.push(r);
            }
            self.call(
                who,
                at,
                "checklist.run",
                json!({"kind": kind, "results": results}),
            )?;
        }
        Ok(())
    }

    fn slot(&mut self, who: &'static str, at: DateTime<Utc>) -> Result<()> {
        let sc = self.scale;
        if self.rng.fires(sc.log_entries, SLOTS_PER_DAY) {
            self.log_entry(who, at)?;
        }
        // Work on earlier entries: follow-ups until done, then the call-back.
        // The desk works oldest first, with the odd quick one in between; each entry takes
        // about two steps (follow-up to done, call-back), so the budget follows the arrivals.
        let budget = 3.5 * sc.log_entries as f64 / SLOTS_PER_DAY as f64;
        let steps = budget.floor() as u32 + u32::from(self.rng.chance(budget.fract()));
        for step in 0..steps {
            if self.open.log_entries.is_empty() {
                break;
            }
            let oldest = step % 3 != 2;
            let i = if oldest {
                0
            } else {
                self.rng.below(self.open.log_entries.len() as u64) as usize
            };
            let (id, done) = self.open.log_entries[i];
            if !done {
                let finished = self.rng.chance(0.8);
                let req =
                    json!({"id": id, "note": self.rng.pick(self.pools.promises), "done": finished});
                let e = self.call(who, at, "log.follow_up", req)?;
                if e["status"] == "closed" {
                    // Nobody to call back (an incident nobody was sent for): finished.
                    self.open.log_entries.remove(i);
                } else {
                    self.open.log_entries[i].1 = finished;
                }
            } else {
                let satisfied = self.rng.chance(0.92);
                let mut req = json!({"id": id, "satisfied": satisfied, "note": self.callback_note(satisfied)});
                if !satisfied {
                    req["next_callback_at"] = json!(at + Duration::hours(20));
                } else {
                    self.open.log_entries.remove(i);
                }
                self.call(who, at, "log.callback", req)?;
            }
        }
        if self.rng.fires(sc.parcels, SLOTS_PER_DAY) {
            self.parcel(who, at)?;
        }
        self.parcel_work(who, at)?;
        if self.rng.fires(sc.complaints, SLOTS_PER_DAY) {
            self.complaint(who, at)?;
        }
        if self.rng.fires(sc.found_items, SLOTS_PER_DAY) {
            self.found_item(who, at)?;
        }
        if self.rng.fires(sc.lost_reports, SLOTS_PER_DAY) {
            self.lost_report(who, at)?;
        }
        if !self.open.claims.is_empty() && self.rng.chance(0.1) {
            let (item, report) = self.open.claims.remove(0);
            let req = json!({
                "id": item, "claimant_name": self.person(), "contact": self.phone(),
                "id_doc_type": "resident_id", "id_last4": format!("{:04}", self.rng.below(10_000)),
                "verification": if self.korean() { "분실 장소와 내용물을 정확히 설명함" } else { "准确说出丢失地点和物品内部特征" },
                "lost_report_id": report,
            });
            self.call(who, at, "found_item.claim", req)?;
            self.open.valuables.retain(|v| *v != item);
            self.summary.claims += 1;
        }
        self.complaint_work(who, at)?;
        Ok(())
    }

    fn log_entry(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        let p = self.pools;
        let kind = *self
            .rng
            .pick(&["call", "call", "call", "visit", "visit", "dispatch", "note"]);
        let content = *self.rng.pick(p.calls);
        let urgent = content.contains("困")
            || content.contains("停电")
            || content.contains("갇힘")
            || content.contains("정전");
        let mut req = json!({"kind": kind, "content": content, "urgent": urgent});
        if kind != "note" {
            req["person"] = json!(self.person());
            req["contact"] = json!(self.phone());
            req["unit"] = json!(self.rng.pick(p.units));
            if self.rng.chance(0.7) {
                req["promised"] = json!(self.rng.pick(p.promises));
                req["promised_by"] = json!(at + Duration::minutes(30 + self.rng.below(240) as i64));
                req["dispatched_to"] = json!(self.rng.pick(p.departments));
            }
        }
        let e = self.call(who, at, "log.add", req)?;
        self.summary.log_entries += 1;
        if kind != "note" {
            self.open.log_entries.push((Self::id(&e)?, false));
        }
        Ok(())
    }

    fn parcel(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        let p = self.pools;
        if self.rng.chance(0.08) {
            let v = {
                let req = json!({
                    "kind": "parcel", "recipient_name": self.person(), "sender": self.person(),
                    "recipient_unit": "", "carrier": self.rng.pick(p.carriers), "tracking_no": self.tracking_no(),
                });
                self.call(who, at, "parcel.accept_outgoing", req)
            }?;
            self.open.outgoing.push(Self::id(&v)?);
        } else {
            let kind = *self.rng.pick(&[
                "parcel",
                "parcel",
                "parcel",
                "parcel",
                "letter",
                "registered",
                "newspaper_magazine",
                "printed_matter",
            ]);
            let mut req = json!({
                "kind": kind, "recipient_name": self.person(), "recipient_unit": self.rng.pick(p.units),
                "recipient_contact": self.phone(), "storage_location": self.rng.pick(&["A", "B", "C", "D"]),
            });
            if kind != "letter" && kind != "newspaper_magazine" {
                req["carrier"] = json!(self.rng.pick(p.carriers));
                req["tracking_no"] = json!(self.tracking_no());
            }
            let v = self.call(who, at, "parcel.receive", req)?;
            self.open.parcels.push((Self::id(&v)?, at, false));
        }
        self.summary.parcels += 1;
        Ok(())
    }

    fn parcel_work(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        // Notify what has not been notified, hand over what was notified a while ago.
        if let Some(i) = self
            .open
            .parcels
            .iter()
            .position(|(_, t, n)| !n && *t + Duration::minutes(20) <= at)
        {
            let id = self.open.parcels[i].0;
            let ch = *self.rng.pick(if self.korean() {
                &["sms", "kakao", "phone"]
            } else {
                &["sms", "wechat", "phone"]
            });
            self.call(who, at, "parcel.notify", json!({"id": id, "channel": ch}))?;
            self.open.parcels[i].2 = true;
        }
        let per_slot = 1.3 * self.scale.parcels as f64 / SLOTS_PER_DAY as f64;
        let mut picks = per_slot.floor() as u32 + u32::from(self.rng.chance(per_slot.fract()));
        let mut i = 0;
        while picks > 0 && i < self.open.parcels.len() {
            let (id, t, notified) = self.open.parcels[i];
            // Most people come within a day or two; a few forget theirs for a week.
            let young = t + Duration::hours(30) > at;
            if !notified
                || t + Duration::hours(2) > at
                || self.rng.chance(if young { 0.5 } else { 0.03 })
            {
                i += 1;
                continue;
            }
            picks -= 1;
            let by = self.person();
            {
                let req = json!({"id": id, "picked_up_by": by, "id_checked": true, "id_last4": format!("{:04}", self.rng.below(10_000))});
                self.call(who, at, "parcel.pick_up", req)
            }?;
            self.open.parcels.swap_remove(i);
        }
        if !self.open.outgoing.is_empty() && self.rng.chance(0.05) {
            let id = self.open.outgoing.swap_remove(0);
            self.call(who, at, "parcel.dispatch", json!({"id": id}))?;
        }
        Ok(())
    }

    fn found_item(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        let p = self.pools;
        let (category, word, valuable) = *self.rng.pick(p.items);
        let description = format!(
            "{}{}{}",
            self.rng.pick(p.colours),
            if self.korean() { " " } else { "" },
            word
        );
        let mut req = json!({
            "found_at": at - Duration::minutes(5 + self.rng.below(60) as i64),
            "found_place": self.rng.pick(p.places),
            "category": category,
            "description": description,
            "private_features": self.rng.pick(p.features),
            "storage_location": self.rng.pick(p.storage),
            "valuable": valuable,
        });
        let roll = self.rng.below(100);
        if roll < 50 {
            req["arrival"] = json!("visitor");
            req["finder_name"] = json!(self.person());
            req["finder_contact"] = json!(self.phone());
        } else {
            let finder = *self.rng.pick(&self.staff.receptionists);
            req["arrival"] = json!(if roll < 85 { "staff" } else { "on_site" });
            req["finder_staff"] = json!(finder);
            if roll >= 85 {
                req["team_leader"] = json!(self.person());
                req["witness"] = json!(self.person());
            }
        }
        let v = self.call(who, at, "found_item.register", req)?;
        self.summary.found_items += 1;
        if valuable {
            self.open
                .valuables
                .push(Self::id(v.get("record").unwrap_or(&v))?);
        }
        Ok(())
    }

    fn lost_report(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        let p = self.pools;
        let (category, word, _) = *self.rng.pick(p.items);
        let description = format!(
            "{}{}{}",
            self.rng.pick(p.colours),
            if self.korean() { " " } else { "" },
            word
        );
        let req = json!({
            "reporter_name": self.person(), "contact": self.phone(),
            "lost_at": at - Duration::hours(1 + self.rng.below(30) as i64),
            "lost_place": self.rng.pick(p.places), "category": category, "description": description,
        });
        let v = self.call(who, at, "lost_report.file", req)?;
        self.summary.lost_reports += 1;
        let report = Self::id(v.get("record").unwrap_or(&v))?;
        let best = v
            .get("candidates")
            .and_then(Value::as_array)
            .and_then(|c| c.first())
            .filter(|c| c["score"].as_i64().unwrap_or(0) >= 60)
            .and_then(|c| c["id"].as_i64());
        if let Some(item) = best {
            if !self.open.claims.iter().any(|(i, _)| *i == item) {
                self.open.claims.push((item, report));
            }
        }
        Ok(())
    }

    /// End of the day: valuables to the custodian; the supervisor hands on what is due.
    fn lost_found_day_end(&mut self, at: DateTime<Utc>) -> Result<()> {
        let custodian = self.staff.custodian;
        for id in std::mem::take(&mut self.open.valuables) {
            let req = json!({"id": id, "to_staff": custodian, "storage_location": self.rng.pick(self.pools.storage)});
            self.call(self.staff.receptionists[0], at, "found_item.hand_over", req)?;
        }
        let due = self.call(
            self.staff.supervisor,
            at,
            "lost_found.retention",
            json!({"within_days": 0}),
        )?;
        let overdue: Vec<i64> = due
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["days_left"].as_i64().is_some_and(|d| d <= 0))
            .filter_map(|r| r["id"].as_i64())
            .collect();
        for id in overdue {
            self.open.claims.retain(|(i, _)| *i != id);
            let req = json!({"id": id, "disposition": "police", "reference": format!("{}", 100_000 + id)});
            self.call(self.staff.supervisor, at, "found_item.dispose", req)?;
        }
        Ok(())
    }

    fn complaint(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        let p = self.pools;
        let (category, content) = *self.rng.pick(p.complaints);
        let weight = if self.rng.chance(0.4) {
            "grievance"
        } else {
            "complaint"
        };
        let severity =
            *self
                .rng
                .pick(&["normal", "normal", "normal", "normal", "important", "major"]);
        let v = {
            let req = json!({
                "weight": weight, "channel": self.rng.pick(&["on_site", "phone", "phone", "written", "online"]),
                "complainant_name": self.person(), "contact": self.phone(), "unit": self.rng.pick(p.units),
                "category": category, "content": content, "severity": severity,
            });
            self.call(who, at, "complaint.record", req)
        }?;
        self.summary.complaints += 1;
        self.open.complaints.push((Self::id(&v)?, "received"));
        Ok(())
    }

    fn complaint_work(&mut self, who: &str, at: DateTime<Utc>) -> Result<()> {
        if self.open.complaints.is_empty() || !self.rng.chance(0.2) {
            return Ok(());
        }
        let i = if self.rng.chance(0.5) {
            0
        } else {
            self.rng.below(self.open.complaints.len() as u64) as usize
        };
        let (id, status) = self.open.complaints[i];
        let p = self.pools;
        match status {
            "received" => {
                {
                    let req = json!({
                        "id": id, "department": self.rng.pick(p.departments),
                        "promised_at": at + Duration::hours(4 + self.rng.below(40) as i64),
                    });
                    self.call(who, at, "complaint.dispatch", req)
                }?;
                self.open.complaints[i].1 = "dispatched";
            }
            "dispatched" => {
                if self.rng.chance(0.3) {
                    {
                        let req = json!({"id": id, "note": self.rng.pick(p.promises)});
                        self.call(who, at, "complaint.follow_up", req)
                    }?;
                } else {
                    {
                        let req = json!({"id": id, "resolution": self.rng.pick(p.resolutions)});
                        self.call(who, at, "complaint.resolve", req)
                    }?;
                    self.open.complaints[i].1 = "resolved";
                }
            }
            _ => {
                let satisfied = self.rng.chance(0.85);
                let mut req = json!({"id": id, "satisfied": satisfied, "note": self.callback_note(satisfied)});
                if !satisfied {
                    req["next_callback_at"] = json!(at + Duration::hours(24));
                } else {
                    self.open.complaints.remove(i);
                }
                self.call(who, at, "complaint.callback", req)?;
            }
        }
        Ok(())
    }
}

impl Staff {
    fn supervisor_name(&self) -> &'static str {
        match self.supervisor {
            "li" => "李强",
            _ => "최지훈",
        }
    }
}

/// Whether the database already holds a counter.
pub fn is_initialised(desk: &Desk) -> bool {
    crate::profile::load_profile(desk.conn()).is_ok()
}

/// Set up a demo counter (profile, staff, checklists) and simulate `opts.days` days ending with
/// the shift at work at `now` (the night shift before 08:00 and after 20:00), left open. `progress(day, days)` is called after each day.
pub fn fill(
    desk: &mut Desk,
    opts: &DemoOptions,
    now: DateTime<Utc>,
    mut progress: impl FnMut(u32, u32),
) -> Result<DemoSummary> {
    if is_initialised(desk) {
        return Err(Error::state("counter_profile", "initialised", "init"));
    }
    let (pools, staff_rows, regime) = match opts.locale {
        Locale::Ko => (&pools::KO, KO_STAFF, LegalRegime::Kr),
        _ => (&pools::ZH, ZH_STAFF, LegalRegime::Cn),
    };
    let tz: chrono_tz::Tz = pools.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let local = |d: NaiveDate, h: u32| -> DateTime<Utc> {
        tz.from_local_datetime(&d.and_hms_opt(h, 0, 0).unwrap_or_default())
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&d.and_hms_opt(h, 0, 0).unwrap_or_default()))
    };
    // The simulation ends with the shift at work at `now`, left open; nothing is later than
    // `now`. Before 08:00 that is the night shift that began the evening before, so the last
    // simulated day is yesterday.
    let today = now.with_timezone(&tz).date_naive();
    let last_day = if now < local(today, 8) {
        today - Duration::days(1)
    } else {
        today
    };
    let first = last_day - Duration::days(opts.days.max(1) as i64 - 1);
    // Whole hours of an open shift that began at `start` (its slots stay before `now`).
    let hours_until_now = |start: DateTime<Utc>| ((now - start).num_minutes() / 60).clamp(0, 12);
    // An open shift begun minutes before `now` is taken as begun five minutes before it (its
    // opening steps — a handover acknowledged — take three).
    let opened_by_now = |start: DateTime<Utc>| start.min(now - Duration::minutes(5));
    let setup = local(first, 7) - Duration::days(1);
    desk.init(
        &InitCounter {
            name: pools.counter_name.into(),
            locale: opts.locale,
            time_zone: pools.time_zone.into(),
            legal_regime: regime,
            admin_login: "admin".into(),
            admin_name: if opts.locale == Locale::Ko {
                "관리자".into()
            } else {
                "管理员".into()
            },
        },
        setup,
    )?;
    for (login, name, role) in staff_rows {
        desk.call(
            "admin",
            setup,
            "staff.add",
            json!({"login": login, "name": name, "role": role}),
        )?;
    }
    let staff = Staff {
        admin: "admin",
        receptionists: [staff_rows[0].0, staff_rows[1].0, staff_rows[2].0],
        supervisor: staff_rows[3].0,
        custodian: staff_rows[4].0,
    };
    for kind in ["facility_safety", "fixed_assets"] {
        desk.call(
            staff.supervisor,
            setup,
            "checklist.add_defaults",
            json!({"kind": kind}),
        )?;
    }
    let _ = staff.admin;
    let mut sim = Sim {
        desk,
        rng: Rng(opts.seed),
        pools,
        staff,
        scale: opts.scale,
        open: Open::default(),
        summary: DemoSummary {
            days: opts.days,
            ..Default::default()
        },
        tracking: 0,
    };
    let days = opts.days.max(1);
    for d in 0..days {
        let date = first + Duration::days(d as i64);
        let day_staff = sim.staff.receptionists[(d % 3) as usize];
        let night_staff = sim.staff.receptionists[((d + 1) % 3) as usize];
        let is_last = d + 1 == days;
        // One transaction a day: the same rules, a fraction of the commits.
        sim.desk.begin_batch()?;
        // Day shift 08:00–20:00, night shift 20:00–08:00; on the last day the shift at work at
        // `now` is left open, so the demo shows a counter at work.
        if opts.mixed {
            sim.pools = if d % 2 == 0 {
                pools
            } else if std::ptr::eq(pools, &pools::KO) {
                &pools::ZH
            } else {
                &pools::KO
            };
        }
        let day_start = local(date, 8);
        let night_start = local(date, 20);
        let day = if is_last && now < night_start {
            sim.shift(
                day_staff,
                opened_by_now(day_start),
                hours_until_now(day_start),
                true,
            )
        } else {
            sim.shift(day_staff, day_start, 12, false)
                .and_then(|_| sim.lost_found_day_end(local(date, 19)))
                .and_then(|_| {
                    if is_last {
                        sim.shift(
                            night_staff,
                            opened_by_now(night_start),
                            hours_until_now(night_start),
                            true,
                        )
                    } else {
                        sim.shift(night_staff, night_start, 12, false)
                    }
                })
        };
        if let Err(e) = day {
            sim.desk.rollback_batch();
            return Err(e);
        }
        sim.desk.commit_batch()?;
        // The app's idle step: checkpoint and merge the search index between busy spells.
        sim.desk.maintain()?;
        progress(d + 1, days);
    }
    Ok(sim.summary)
}

//! The core's speed on ten busy years of a counter (≥ 1,000,000 records, Chinese and Korean
//! text): saving a record with its audit event and search index, search, the Today screen's
//! open items, and opening the database with its migration check.
//!
//! `cargo bench --bench core` — the first run generates the data set through the public
//! operations (about 10–20 minutes, cached under target/bench-data/); later runs reuse it.
//! `FRONTDESK_BENCH_DAYS=365` makes a smaller data set for a quick look. Prints percentiles,
//! which BENCHMARKS.md records.

use chrono::{DateTime, Duration, TimeZone, Utc};
use frontdesk::db::Db;
use frontdesk::demo::{self, DemoOptions, Scale};
use frontdesk::i18n::Locale;
use frontdesk::Desk;
use serde_json::json;
use std::path::PathBuf;
use std::time::Instant;

fn now() -> DateTime<Utc> {
    // A fixed "now", so the data set and the measurements are reproducible.
    Utc.with_ymd_and_hms(2026, 11, 24, 6, 0, 0).unwrap()
}

fn data_set(days: u32) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!(
        "counter-{days}d-v{}.sqlite3",
        frontdesk::db::latest_version()
    ));
    if path.exists() {
        return path;
    }
    let tmp = path.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", tmp.display()));
    }
    eprintln!(
        "generating {days} days of a busy counter into {} …",
        path.display()
    );
    let started = Instant::now();
    let mut desk = Desk::open(&tmp).unwrap();
    let opts = DemoOptions {
        locale: Locale::ZhCn,
        days,
        scale: Scale::BUSY,
        seed: 2026,
        mixed: true,
    };
    let summary = demo::fill(&mut desk, &opts, now(), |d, n| {
        if d % 30 == 0 || d == n {
            eprintln!("  day {d}/{n} ({:.0} s)", started.elapsed().as_secs_f64());
        }
    })
    .unwrap();
    desk.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(desk);
    std::fs::rename(&tmp, &path).unwrap();
    eprintln!(
        "generated in {:.0} s: {summary:?}",
        started.elapsed().as_secs_f64()
    );
    path
}

fn records(desk: &Desk) -> Vec<(String, i64)> {
    let tables: Vec<String> = desk
        .conn()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' AND name NOT IN ('schema_migration') ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let n: i64 = desk
                .conn()
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

struct Stats {
    name: String,
    n: usize,
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

fn stats(name: &str, mut ms: Vec<f64>) -> Stats {
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    Stats {
        name: name.to_owned(),
        n: ms.len(),
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max: *ms.last().unwrap(),
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed().as_secs_f64() * 1000.0)
}

fn main() {
    // `cargo test --benches` runs this binary with --bench absent: do nothing then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let days: u32 = std::env::var("FRONTDESK_BENCH_DAYS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3650);
    let pristine = data_set(days);
    // Measure on a copy: the save benchmark adds records, and the next run must start equal.
    let path = pristine.with_file_name("run.sqlite3");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    std::fs::copy(&pristine, &path).unwrap();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let mut results = Vec::new();

    // Opening: connection, PRAGMAs and the migration check of a fully migrated file.
    let mut open_ms = Vec::new();
    for _ in 0..30 {
        let (db, ms) = time(|| Db::open(&path).unwrap());
        drop(db);
        open_ms.push(ms);
    }
    results.push(stats("open database + migration check", open_ms));

    let mut desk = Desk::open(&path).unwrap();
    let counts = records(&desk);
    let total: i64 = counts
        .iter()
        .filter(|(t, _)| t != "audit_log")
        .map(|(_, n)| n)
        .sum();
    let audit = counts
        .iter()
        .find(|(t, _)| t == "audit_log")
        .map(|(_, n)| *n)
        .unwrap_or(0);
    let actor = "wang";
    let mut at = now();

    // Warm the page cache as a running app would have it.
    let _ = desk.call(actor, at, "today.open_items", json!({}));

    // Search: short and long Chinese and Korean words, tracking-number fragments, codes.
    // The last six digits of a real tracking number, as a receptionist types them.
    let tracking: String = desk
        .conn()
        .query_row(
            "SELECT tracking_no FROM parcel WHERE tracking_no IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET 500",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let tail6 = tracking[tracking.len() - 6..].to_owned();
    let queries = [
        "钱包",
        "雨伞",
        "지갑",
        "우산",
        "手机",
        "电梯",
        "黑色钱包",
        "엘리베이터",
        "김민",
        "水管漏水",
        tail6.as_str(),
        "SF1",
        "567",
        "FI-000123",
        "PC-000042",
        "王芳",
        "102동",
        "车辆乱停",
        "보조배터리",
    ];
    let mut search_ms = Vec::new();
    let mut per_query: Vec<(String, Vec<f64>)> = queries
        .iter()
        .map(|q| (q.to_string(), Vec::new()))
        .collect();
    let mut hits = 0usize;
    for round in 0..20 {
        for (qi, q) in queries.iter().enumerate() {
            let req = if round % 4 == 3 {
                json!({"q": q, "registers": ["parcel", "found_item"], "limit": 50})
            } else {
                json!({"q": q, "limit": 50})
            };
            let (r, ms) = time(|| desk.call(actor, at, "search", req));
            hits += r.unwrap().as_array().map(Vec::len).unwrap_or(0);
            search_ms.push(ms);
            per_query[qi].1.push(ms);
        }
    }
    results.push(stats("search (18 queries × 20, top 50)", search_ms));

    let mut dash_ms = Vec::new();
    let mut open_items = 0;
    for _ in 0..50 {
        let (r, ms) = time(|| desk.call(actor, at, "today.open_items", json!({})));
        open_items = r.unwrap().as_array().map(Vec::len).unwrap_or(0);
        dash_ms.push(ms);
    }
    results.push(stats("dashboard open items", dash_ms));

    // Saving: one operation per transaction, as the app does, with audit event and index.
    let mut save_ms = Vec::new();
    for i in 0..3000u32 {
        at += Duration::milliseconds(500);
        let (op, req) = match i % 3 {
            0 => (
                "parcel.receive",
                json!({"kind": "parcel", "carrier": "顺丰", "tracking_no": format!("SFBENCH{i:08}"), "recipient_name": "김민수", "recipient_unit": "3栋1801", "note": "黑色大箱子，易碎"}),
            ),
            1 => (
                "log.add",
                json!({"kind": "call", "person": "王先生", "unit": "5栋303", "content": "报修：卫生间水龙头漏水，请尽快派人", "promised": "两小时内上门", "promised_by": at + Duration::hours(2)}),
            ),
            _ => (
                "complaint.record",
                json!({"weight": "complaint", "channel": "phone", "complainant_name": "이하은", "unit": "102동 502호", "category": "cleaning", "content": "엘리베이터 안에 악취가 납니다"}),
            ),
        };
        let (r, ms) = time(|| desk.call(actor, at, op, req));
        r.unwrap();
        save_ms.push(ms);
        if i % 100 == 99 {
            // The app's idle step between bursts of typing (not counted as a save).
            desk.maintain().unwrap();
        }
    }
    let mut slowest: Vec<(f64, usize)> = save_ms.iter().copied().zip(0..).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    eprintln!("slowest saves (ms, #): {:?}", &slowest[..3]);
    results.push(stats(
        "save a record (audit + index), one transaction each",
        save_ms,
    ));

    // Idle maintenance, as the app runs it when nobody is typing: checkpoint the WAL and a
    // bounded step of search-index merging.
    let mut maint_ms = Vec::new();
    for _ in 0..5 {
        let (r, ms) = time(|| desk.maintain());
        r.unwrap();
        maint_ms.push(ms);
    }
    results.push(stats(
        "idle maintenance step (WAL checkpoint + index merge)",
        maint_ms,
    ));

    // The naive peer: LIKE over the same index content.
    let mut like_ms = Vec::new();
    for q in ["钱包", "지갑", "电梯"] {
        let (_, ms) = time(|| {
            desk.conn()
                .query_row(
                    "SELECT count(*) FROM search_fts WHERE body LIKE ?1",
                    [format!("%{q}%")],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
        });
        like_ms.push(ms);
    }
    results.push(stats(
        "naive LIKE '%q%' over the indexed text (for comparison)",
        like_ms,
    ));

    println!("\n## Data set\n");
    println!(
        "{days} days, {total} register records + {audit} audit events, file {:.0} MB\n",
        size as f64 / 1e6
    );
    for (t, n) in &counts {
        println!("- {t}: {n}");
    }
    println!("\nsearch hits returned: {hits}; open items on the dashboard: {open_items}\n");
    println!("## Search by query (ms)\n");
    println!("| query | p50 | max |");
    println!("|---|---:|---:|");
    for (q, ms) in per_query {
        let s = stats(&q, ms);
        println!("| {} | {:.2} | {:.2} |", s.name, s.p50, s.max);
    }
    println!();
    println!("## Timings (ms)\n");
    println!("| measure | n | p50 | p95 | p99 | max |");
    println!("|---|---:|---:|---:|---:|---:|");
    for s in results {
        println!(
            "| {} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            s.name, s.n, s.p50, s.p95, s.p99, s.max
        );
    }
}

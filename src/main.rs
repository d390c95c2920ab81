//! `frontdesk`: the counter's command-line tool. Every operation of the core is
//! `frontdesk call <operation> '<json>'`; admin work has its own subcommands.

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use frontdesk::api::{self, Desk};
use frontdesk::i18n::Locale;
use frontdesk::profile::{InitCounter, LegalRegime};
use frontdesk::{backup, db, export, Error};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "frontdesk",
    version,
    about = "Front desk: the service counter's duty log, lost and found, mail and complaints, in one local SQLite file.",
    after_long_help = operations_help()
)]
struct Cli {
    /// The database file [default: the OS data directory's frontdesk.sqlite3].
    #[arg(long, global = true, env = "FRONTDESK_DB")]
    db: Option<PathBuf>,
    /// The staff member acting (login, code ST-000001 or id). The CLI is the tool of whoever
    /// owns the machine and the database file: it acts as any staff member without their PIN,
    /// for scripts and administration. Staff at the counter sign in to the app with their PIN.
    #[arg(long = "as", global = true, env = "FRONTDESK_AS", value_name = "STAFF")]
    actor: Option<String>,
    /// Act at this time (RFC 3339) instead of now: for scripts, imports and reproducible runs.
    #[arg(long, global = true, env = "FRONTDESK_NOW")]
    now: Option<DateTime<Utc>>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Set up the counter: its profile and the first administrator.
    Init {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "zh-CN")]
        locale: String,
        #[arg(long, default_value = "Asia/Shanghai")]
        time_zone: String,
        #[arg(long, value_enum, default_value = "cn")]
        regime: Regime,
        #[arg(long, default_value = "admin")]
        admin_login: String,
        #[arg(long)]
        admin_name: String,
    },
    /// Run one operation with a JSON request ('-' reads it from standard input). Prints the JSON
    /// result, or a JSON error {code, message, field} and exits with status 1.
    ///
    /// With --stdin: read JSON lines {"op": "...", "req": {...}, "as"?: "...", "now"?: "..."}
    /// and print one line per operation, {"ok": true, "result": ...} only once it is committed,
    /// or {"ok": false, "error": {code, message, field}}, for scripted entry.
    Call {
        #[arg(required_unless_present = "stdin")]
        operation: Option<String>,
        #[arg(default_value = "{}")]
        json: String,
        /// Run JSON lines from standard input, one operation (and one commit) per line.
        #[arg(long, conflicts_with = "operation")]
        stdin: bool,
    },
    /// List every operation with a one-line description.
    Ops,
    /// Check the database: SQLite integrity and the audit chain (reports the first broken link).
    Verify {
        /// Check this file instead of the open database.
        file: Option<PathBuf>,
    },
    /// Write a consistent copy of the database (safe while the app is running), then verify it.
    /// With --auto: a dated copy into the backups folder, then the rotation (14 daily + 12
    /// monthly); closing a shift through `call` makes one by itself.
    Backup {
        #[arg(required_unless_present = "auto")]
        file: Option<PathBuf>,
        /// A dated automatic backup into --dir, pruned on the rotation.
        #[arg(long, conflicts_with = "file")]
        auto: bool,
        /// The backups folder [default: backups/ beside the database].
        #[arg(long, requires = "auto")]
        dir: Option<PathBuf>,
    },
    /// The start-up check: quick_check and the audit chain; if they fail, the newest backup
    /// that verifies. Exits with status 1 when the database is not healthy.
    Health {
        /// The backups folder [default: backups/ beside the database].
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Replace the database with a backup, after verifying it; the current one is saved beside it.
    Restore { file: PathBuf },
    /// Export a register as CSV (UTF-8 with BOM) or XLSX.
    Export {
        /// shift, log_entry, found_item, lost_report, claim, parcel, complaint, staff, audit_log
        register: String,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Output file [default: standard output for CSV].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Mask personal data: contacts and phone numbers, visitors' names, ID digits.
        #[arg(long)]
        masked: bool,
    },
    /// Fill a new database with a realistic month of a busy counter, for trying the product.
    Demo {
        /// zh-CN (a Chinese property service centre) or ko (a Korean one).
        #[arg(long, default_value = "zh-CN")]
        locale: String,
        #[arg(long, default_value_t = 30)]
        days: u32,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Do nothing (and succeed) if the database already holds a counter.
        #[arg(long)]
        if_empty: bool,
    },
    /// What needs action now, in the counter's language (defaults to acting as `admin`).
    Today,
    /// Print a form as PDF: a record's form (item_card, finder_receipt, claim, parcel_notice,
    /// parcel_receipt, work_order, handover, checklist_safety, checklist_assets) for its code,
    /// or a monthly one (lost_summary, unclaimed_handover, good_deeds, complaint_stats,
    /// duty_log_archive) for a month such as 2026-11.
    Print {
        form: String,
        /// The record code (FI-000012, PC-…, CP-…, SH-…) or the month (2026-11).
        target: String,
        #[arg(short, long)]
        output: PathBuf,
        /// zh-CN, ko or en [default: the counter's language].
        #[arg(long)]
        locale: Option<String>,
        /// Item cards: A6 instead of the 90 × 55 mm label.
        #[arg(long)]
        a6: bool,
    },
    /// Idle maintenance: checkpoint the WAL and merge a step of the search index (the app runs
    /// this by itself when nobody is typing).
    Maintain,
    /// Print where the database file is.
    Path,
    /// Staff PINs.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Set a PIN (4–8 digits) read from standard input, never from the command line: the first
    /// line is the new PIN, the second the current one when changing one's own. Without --for:
    /// the --as staff member's own PIN; with --for, an admin sets a temporary PIN for another
    /// staff member, who must change it at their next sign-in.
    SetPin {
        /// The staff member (login, code or id) an admin sets a temporary PIN for.
        #[arg(long = "for", value_name = "STAFF")]
        for_staff: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Regime {
    Cn,
    Kr,
    Other,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Xlsx,
}

fn operations_help() -> String {
    let mut s = String::from("Operations (frontdesk --as <staff> call <operation> '<json>'):\n");
    for op in api::registry() {
        s.push_str(&format!(
            "  {:<28} {}{}\n",
            op.name,
            if op.writes { "[write] " } else { "" },
            op.summary
        ));
    }
    s.push_str("\nThe database is --db, else $FRONTDESK_DB, else the OS data directory.\n");
    s
}

/// A failure of the tool: the API error to print as JSON.
struct Failure {
    error: Error,
    locale: Locale,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error,
            locale: Locale::En,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            let api = f.error.to_api(f.locale);
            // A closed pipe (`| head`) must not turn the error into a panic.
            let _ = writeln!(
                std::io::stdout().lock(),
                "{}",
                serde_json::to_string_pretty(&api).unwrap_or_else(|_| api.message.clone())
            );
            eprintln!("error: {}", api.message);
            ExitCode::FAILURE
        }
    }
}

fn db_path(cli: &Cli) -> Result<PathBuf, Failure> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => Ok(db::default_path()?),
    }
}

fn print_json(v: &impl serde::Serialize) -> Result<(), Failure> {
    let s = serde_json::to_string_pretty(v)
        .map_err(|e| Error::Storage(format!("encoding the result: {e}")))?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error of the counter.
    let _ = writeln!(out, "{s}");
    Ok(())
}

fn run(cli: Cli) -> Result<(), Failure> {
    // The one place the tool reads the clock: everything below takes `now` as an argument.
    #[allow(clippy::disallowed_methods)]
    let now = cli.now.unwrap_or_else(Utc::now);
    let path = db_path(&cli)?;
    let Some(command) = &cli.command else {
        println!("{}", operations_help());
        println!("Database: {}", path.display());
        return Ok(());
    };
    match command {
        Command::Demo {
            locale,
            days,
            seed,
            if_empty,
        } => {
            let mut desk = Desk::open(&path)?;
            if *if_empty && frontdesk::demo::is_initialised(&desk) {
                eprintln!("{} already holds a counter; nothing to do.", path.display());
                return Ok(());
            }
            let locale = Locale::parse(locale).ok_or_else(|| Error::invalid("locale", "locale"))?;
            let opts = frontdesk::demo::DemoOptions {
                locale,
                days: (*days).clamp(1, 3660),
                scale: frontdesk::demo::Scale::DEMO,
                seed: *seed,
                mixed: false,
            };
            let summary = frontdesk::demo::fill(&mut desk, &opts, now, |d, n| {
                eprint!("\rdemo: day {d}/{n}");
                if d == n {
                    eprintln!();
                }
            })?;
            print_json(&json!({"database": path, "summary": summary}))
        }
        Command::Today => {
            let mut desk = Desk::open(&path)?;
            let locale = desk.locale();
            let actor = cli.actor.clone().unwrap_or_else(|| "admin".into());
            today(&mut desk, &actor, now).map_err(|error| Failure { error, locale })
        }
        Command::Print {
            form,
            target,
            output,
            locale,
            a6,
        } => {
            let mut desk = Desk::open(&path)?;
            let counter_locale = desk.locale();
            let fail = |error| Failure {
                error,
                locale: counter_locale,
            };
            let locale = match locale {
                Some(l) => {
                    Some(Locale::parse(l).ok_or_else(|| fail(Error::invalid("locale", "locale")))?)
                }
                None => None,
            };
            let actor = cli.actor.clone().unwrap_or_else(|| "admin".into());
            let req = json!({"form": form, "target": target, "locale": locale, "a6": a6});
            let out = desk.call(&actor, now, "print", req).map_err(fail)?;
            let pdf = out["pdf_base64"].as_str().unwrap_or_default();
            use base64::Engine;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(pdf)
                .map_err(|e| fail(Error::Storage(format!("decoding the PDF: {e}"))))?;
            std::fs::write(output, &bytes).map_err(|e| fail(Error::from(e)))?;
            print_json(&json!({"file": output, "pages": out["pages"], "bytes": bytes.len()}))
        }
        Command::Maintain => {
            let mut desk = Desk::open(&path)?;
            let m = desk.maintain()?;
            print_json(&m)
        }
        Command::Staff {
            command: StaffCommand::SetPin { for_staff },
        } => {
            let mut desk = Desk::open(&path)?;
            let locale = desk.locale();
            let fail = |error| Failure { error, locale };
            let actor = cli
                .actor
                .as_deref()
                .ok_or_else(|| fail(Error::required("as")))?;
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(Error::from)?;
            let mut lines = text.lines().map(str::trim);
            let pin = lines.next().unwrap_or_default();
            let current = lines.next().filter(|l| !l.is_empty());
            let id = match for_staff {
                Some(who) => Some(
                    frontdesk::profile::find_staff(desk.conn(), who)
                        .map_err(fail)?
                        .id,
                ),
                None => None,
            };
            let req = json!({"id": id, "pin": pin, "current_pin": current});
            let out = desk.call(actor, now, "staff.set_pin", req).map_err(fail)?;
            print_json(&out)
        }
        Command::Path => {
            println!("{}", path.display());
            Ok(())
        }
        Command::Ops => {
            print!("{}", operations_help());
            Ok(())
        }
        Command::Init {
            name,
            locale,
            time_zone,
            regime,
            admin_login,
            admin_name,
        } => {
            let mut desk = Desk::open(&path)?;
            let locale = Locale::parse(locale).ok_or_else(|| Error::invalid("locale", "locale"))?;
            let req = InitCounter {
                name: name.clone(),
                locale,
                time_zone: time_zone.clone(),
                legal_regime: match regime {
                    Regime::Cn => LegalRegime::Cn,
                    Regime::Kr => LegalRegime::Kr,
                    Regime::Other => LegalRegime::Other,
                },
                admin_login: admin_login.clone(),
                admin_name: admin_name.clone(),
            };
            let admin = desk
                .init(&req, now)
                .map_err(|error| Failure { error, locale })?;
            print_json(&json!({"database": path, "admin": admin}))
        }
        Command::Call {
            operation: None, ..
        } => {
            let mut desk = Desk::open(&path)?;
            call_lines(&mut desk, cli.actor.as_deref(), cli.now)
        }
        Command::Call {
            operation: Some(operation),
            json,
            ..
        } => {
            let mut desk = Desk::open(&path)?;
            let locale = desk.locale();
            let fail = |error| Failure { error, locale };
            let text = if json == "-" {
                let mut s = String::new();
                std::io::stdin()
                    .read_to_string(&mut s)
                    .map_err(Error::from)?;
                s
            } else {
                json.clone()
            };
            let input: Value = serde_json::from_str(&text)
                .map_err(|e| fail(Error::BadRequest(format!("not JSON: {e}"))))?;
            let actor = cli
                .actor
                .as_deref()
                .ok_or_else(|| fail(Error::required("as")))?;
            // (After `shift.close` the core has also made the shift-close backup.)
            let out = desk.call(actor, now, operation, input).map_err(fail)?;
            print_json(&out)
        }
        Command::Verify { file } => {
            let target = file.clone().unwrap_or(path);
            let check = backup::check_file(&target)?;
            print_json(&check)?;
            if check.ok() {
                Ok(())
            } else {
                Err(Error::Corrupt(check.problem.unwrap_or_default()).into())
            }
        }
        Command::Backup {
            file: Some(file), ..
        } => {
            let desk = Desk::open(&path)?;
            let check = backup::backup_to(desk.db(), file)?;
            print_json(&check)
        }
        Command::Backup {
            file: None, dir, ..
        } => {
            let desk = Desk::open(&path)?;
            let made = desk.auto_backup(dir.as_deref(), now, backup::Trigger::Manual)?;
            print_json(&made)
        }
        Command::Health { dir } => {
            let dir = dir.clone().unwrap_or_else(|| backup::default_dir(&path));
            let health = backup::health(&path, &dir);
            print_json(&health)?;
            if health.ok {
                Ok(())
            } else {
                Err(Error::Corrupt(health.problem.unwrap_or_default()).into())
            }
        }
        Command::Restore { file } => {
            let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
            let restored = backup::restore(&path, file, &stamp)?;
            print_json(&restored)
        }
        Command::Export {
            register,
            format,
            output,
            masked,
        } => {
            let desk = Desk::open(&path)?;
            let reg = export::ExportRegister::parse(register).ok_or_else(|| {
                Error::invalid(
                    "register",
                    format!(
                        "one of {}",
                        export::ExportRegister::ALL
                            .iter()
                            .map(|r| r.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?;
            let profile = frontdesk::profile::load_profile(desk.conn())?;
            let tz = profile.time_zone.parse().unwrap_or(chrono_tz::UTC);
            let rows = export::rows_with(desk.conn(), reg, profile.locale, tz, *masked)?;
            let bytes = match format {
                Format::Csv => export::to_csv(&rows)?,
                Format::Xlsx => export::to_xlsx(&rows, reg.name())?,
            };
            match output {
                Some(p) => std::fs::write(p, bytes).map_err(Error::from)?,
                None if matches!(format, Format::Csv) => {
                    let _ = std::io::stdout().lock().write_all(&bytes);
                }
                None => return Err(Error::required("output").into()),
            }
            Ok(())
        }
    }
}

/// Print a line, ignoring a closed pipe (`frontdesk today | head` is not an error).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// The Today summary as text: the shift, then what needs action, overdue first.
fn today(desk: &mut Desk, actor: &str, now: DateTime<Utc>) -> Result<(), Error> {
    use frontdesk::i18n::{tr, tr_args};
    let ctx = desk.ctx(actor, now)?;
    let l = ctx.locale();
    let tz = ctx.tz();
    let local = |t: &str| {
        DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&tz).format("%m-%d %H:%M").to_string())
            .unwrap_or_else(|_| t.to_owned())
    };
    say!(
        "{}",
        tr_args(l, "today.title", &[("counter", &ctx.profile.name)])
    );
    let current = desk.call(actor, now, "shift.current", json!({}))?;
    match current.get("shift") {
        Some(shift) => {
            let code = shift["code"].as_str().unwrap_or_default();
            if shift["status"] == "awaiting_ack" {
                say!("{}", tr_args(l, "today.awaiting_ack", &[("code", code)]));
            } else {
                let staff: Vec<&str> = shift["staff_on_duty"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                say!(
                    "{}",
                    tr_args(
                        l,
                        "today.shift_open",
                        &[
                            ("code", code),
                            (
                                "since",
                                &local(shift["opened_at"].as_str().unwrap_or_default())
                            ),
                            ("staff", &staff.join(", ")),
                        ],
                    )
                );
            }
        }
        None => say!("{}", tr(l, "today.no_shift")),
    }
    let items = desk.call(actor, now, "today.open_items", json!({}))?;
    let items = items.as_array().cloned().unwrap_or_default();
    if items.is_empty() {
        say!("{}", tr(l, "today.nothing_open"));
        return Ok(());
    }
    say!(
        "{}\n",
        tr_args(l, "today.open_count", &[("n", &items.len().to_string())])
    );
    for it in &items {
        let kind = tr(
            l,
            &format!("open_kind.{}", it["kind"].as_str().unwrap_or_default()),
        );
        let due = match (it["overdue"].as_bool(), it["due_at"].as_str()) {
            (Some(true), _) => format!("[{}]", tr(l, "today.overdue")),
            (_, Some(d)) => tr_args(l, "today.due", &[("due", &local(d))]),
            _ => String::new(),
        };
        say!(
            "  {:<10} {}  {}  {}",
            it["code"].as_str().unwrap_or_default(),
            kind,
            it["summary"].as_str().unwrap_or_default(),
            due
        );
    }
    Ok(())
}

/// One line of `call --stdin`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CallLine {
    op: String,
    #[serde(default)]
    req: Value,
    #[serde(default, rename = "as")]
    actor: Option<String>,
    #[serde(default)]
    now: Option<DateTime<Utc>>,
}

/// `call --stdin`: each line runs in its own transaction; its result line is printed and
/// flushed only after the commit, so a line on standard output is a promise that the write is
/// in the file (the crash test holds the tool to it). A bad line is answered with an error line
/// and the next one runs.
fn call_lines(
    desk: &mut Desk,
    default_actor: Option<&str>,
    fixed_now: Option<DateTime<Utc>>,
) -> Result<(), Failure> {
    use std::io::BufRead;
    let locale = desk.locale();
    let stdin = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    for (n, line) in stdin.lines().enumerate() {
        let line = line.map_err(Error::from)?;
        if line.trim().is_empty() {
            continue;
        }
        let outcome = serde_json::from_str::<CallLine>(&line)
            .map_err(|e| Error::BadRequest(format!("line {}: {e}", n + 1)))
            .and_then(|l| {
                let actor = l
                    .actor
                    .or_else(|| default_actor.map(str::to_owned))
                    .ok_or_else(|| Error::required("as"))?;
                let now = l.now.or(fixed_now).unwrap_or_else(clock);
                desk.call(&actor, now, &l.op, l.req)
            });
        let reply = match outcome {
            Ok(result) => json!({"line": n + 1, "ok": true, "result": result}),
            Err(e) => json!({"line": n + 1, "ok": false, "error": e.to_api(locale)}),
        };
        // A closed pipe ends the run: nobody is listening for the promises.
        if writeln!(out, "{reply}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    Ok(())
}

/// The wall clock, for `call --stdin` lines without a time of their own.
#[allow(clippy::disallowed_methods)]
fn clock() -> DateTime<Utc> {
    Utc::now()
}

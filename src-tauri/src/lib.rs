//! The desktop shell: a window around the core. Each command deserialises its arguments, calls
//! the core (`frontdesk::api::Desk`), and returns the result or the core's typed, translated
//! error. No SQL and no business rules live here; what is here is what only a window has: who
//! is signed in at this screen, the screen's language, the clock, where PDFs are saved and
//! opening them, the photo picker, and the idle timer that runs the core's maintenance.

use base64::Engine as _;
use chrono::{DateTime, Utc};
use frontdesk::api::Desk;
use frontdesk::auth::RosterEntry;
use frontdesk::backup::{self, Health, Trigger};
use frontdesk::error::{ApiError, Error};
use frontdesk::i18n::Locale;
use frontdesk::profile::{InitCounter, Staff};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tauri::{Emitter, Manager, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

mod camera;
pub mod rendering;

/// The clock, read at the boundary: business logic receives `now` from here.
#[allow(clippy::disallowed_methods)]
fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The counter this window works on.
pub struct Counter {
    db_path: PathBuf,
    desk: Result<Desk, ApiError>,
    /// The login of the staff member signed in at this screen.
    session: Option<String>,
    /// The language the screen shows (errors are translated into it).
    locale: Option<Locale>,
    locked: bool,
    documents: PathBuf,
    last_activity: Instant,
    /// The start-up check's findings, when not healthy.
    health: Option<Health>,
}

pub struct AppState(Arc<Mutex<Counter>>);

impl AppState {
    fn lock(&self) -> MutexGuard<'_, Counter> {
        // A panic while holding the lock would poison it; the counter's state is still the
        // database's, so carry on with it.
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What the window needs to know before showing anything.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub db_path: String,
    /// The database could not be opened (damaged, locked, unreadable): shown plainly.
    pub open_error: Option<ApiError>,
    /// The start-up check (quick_check + audit chain) when it found a problem, with the
    /// newest good backup to offer.
    pub health: Option<Health>,
    /// Where automatic backups go.
    pub backups_dir: String,
    /// The counter has been set up (profile and first admin).
    pub initialised: bool,
    /// The counter's own language, or the screen's when switched.
    pub locale: Locale,
    /// Staff who may sign in here (no secrets: whether they have a PIN, any lock).
    pub roster: Vec<RosterEntry>,
    pub signed_in: Option<Staff>,
    /// The screen is locked: the signed-in work stays, a PIN (same or another staff member)
    /// unlocks it.
    pub locked: bool,
    /// Signed in with a temporary PIN from an admin: choose one now.
    pub must_change_pin: bool,
    /// Idle minutes before the screen locks itself.
    pub lock_after_minutes: i64,
    /// Where printed forms are saved.
    pub documents_dir: String,
}

/// A form saved as PDF.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedPdf {
    pub path: String,
    pub folder: String,
    pub pages: usize,
    /// Whether the system viewer was asked to open it.
    pub opened: bool,
}

/// One automatic or manual backup in the backups folder.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupFile {
    pub path: String,
    /// The counter's local time it was taken at, `YYYY-MM-DD HH:MM:SS`.
    pub taken: String,
    pub bytes: u64,
}

/// A photo chosen with the file picker.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PickedFile {
    pub name: String,
    pub mime: String,
    pub data_base64: String,
}

/// How the UI asks for a form.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(optional_fields)]
pub struct PrintArgs {
    pub form: frontdesk::forms::FormKind,
    pub target: String,
    #[serde(default)]
    pub locale: Option<Locale>,
    #[serde(default)]
    pub a6: Option<bool>,
    /// Open the saved PDF with the system viewer (default true).
    #[serde(default)]
    pub open: Option<bool>,
}

fn storage(e: impl std::fmt::Display) -> Error {
    Error::Storage(e.to_string())
}

impl Counter {
    pub fn open(db_path: PathBuf, documents: PathBuf) -> Counter {
        if let Some(dir) = db_path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let desk = Desk::open(&db_path).map_err(|e| e.to_api(Locale::default()));
        // A file that does not even open is reported at once; the full start-up check of an
        // opened one runs beside the first paint (`start_health_check`).
        let health = match &desk {
            Ok(_) => None,
            Err(_) => Some(health_check(&db_path)),
        };
        #[cfg(feature = "bench")]
        let session = std::env::var("FRONTDESK_BENCH_SIGN_IN").ok();
        #[cfg(not(feature = "bench"))]
        let session = None;
        Counter {
            db_path,
            desk,
            session,
            locale: None,
            locked: false,
            documents,
            last_activity: Instant::now(),
            health: health.filter(|h| !h.ok),
        }
    }

    /// The start-up check's finding (kept only when something is wrong).
    pub fn set_health(&mut self, h: Health) {
        self.health = (!h.ok).then_some(h);
    }

    /// Replace a damaged (or, for a supervisor, any) database with a verified backup (the
    /// core keeps the current file beside it: `backup::restore`). Reopens and re-checks.
    pub fn restore(&mut self, from: &Path) -> Result<AppStatus, ApiError> {
        let locale = self.locale();
        let at = now();
        if self.health.is_none() {
            // A healthy counter: only a signed-in supervisor or admin may roll it back.
            let login = self.session.clone().ok_or_else(|| {
                self.api(Error::Forbidden {
                    action: "restore".into(),
                    needed: "supervisor",
                })
            })?;
            self.desk()?
                .may_restore(&login, at)
                .map_err(|e| e.to_api(locale))?;
        }
        let stamp = at.format("%Y%m%d-%H%M%S").to_string();
        // Close our connection first so the file can be replaced.
        self.desk = Err(self.api(Error::Storage("restoring".into())));
        let result = backup::restore(&self.db_path, from, &stamp);
        let reopened = Counter::open(self.db_path.clone(), self.documents.clone());
        self.desk = reopened.desk;
        self.health = reopened.health;
        self.session = None;
        result.map_err(|e| e.to_api(locale))?;
        Ok(self.status())
    }

    fn locale(&self) -> Locale {
        match (&self.locale, &self.desk) {
            (Some(l), _) => *l,
            (None, Ok(d)) => d.locale(),
            (None, Err(_)) => Locale::default(),
        }
    }

    fn desk(&mut self) -> Result<&mut Desk, ApiError> {
        match &mut self.desk {
            Ok(d) => Ok(d),
            Err(e) => Err(e.clone()),
        }
    }

    fn api(&self, e: Error) -> ApiError {
        e.to_api(self.locale())
    }

    pub fn status(&mut self) -> AppStatus {
        let locale = self.locale();
        let (initialised, roster, lock_after) = match &self.desk {
            Ok(d) => match frontdesk::profile::load_profile(d.conn()) {
                Ok(p) => (
                    true,
                    d.staff_roster().unwrap_or_default(),
                    p.lock_after_minutes,
                ),
                Err(_) => (false, Vec::new(), 5),
            },
            Err(_) => (false, Vec::new(), 5),
        };
        let signed_in = match (&self.session, &self.desk) {
            (Some(login), Ok(d)) => frontdesk::profile::find_staff(d.conn(), login)
                .ok()
                .filter(|s| s.active),
            _ => None,
        };
        if signed_in.is_none() {
            self.session = None;
            self.locked = false;
        }
        let must_change_pin = match (&signed_in, &self.desk) {
            (Some(s), Ok(d)) => d.must_change_pin(&s.login).unwrap_or(false),
            _ => false,
        };
        AppStatus {
            db_path: self.db_path.display().to_string(),
            open_error: self.desk.as_ref().err().cloned(),
            health: self.health.clone(),
            backups_dir: backup::default_dir(&self.db_path).display().to_string(),
            initialised,
            locale,
            roster,
            signed_in,
            locked: self.locked,
            must_change_pin,
            lock_after_minutes: lock_after,
            documents_dir: self.documents.display().to_string(),
        }
    }

    /// First run: the counter and its first admin, who chooses their PIN now and is signed in.
    pub fn init(&mut self, req: Value, pin: &str) -> Result<AppStatus, ApiError> {
        let locale = self.locale();
        let req: InitCounter = frontdesk::api::decode(req).map_err(|e| e.to_api(locale))?;
        // Check the PIN before anything is written, so a bad one leaves no half set-up counter.
        frontdesk::auth::check_pin("pin", pin).map_err(|e| e.to_api(req.locale))?;
        let at = now();
        let desk = self.desk()?;
        let admin = desk.init(&req, at).map_err(|e| e.to_api(req.locale))?;
        let signed = desk
            .set_first_pin(&admin.login, pin, at)
            .map_err(|e| e.to_api(req.locale))?;
        self.locale = Some(req.locale);
        self.session = Some(signed.staff.login);
        Ok(self.status())
    }

    /// Sign in with a PIN (throttled and locked in the core after wrong ones).
    pub fn sign_in(&mut self, login: &str, pin: &str) -> Result<AppStatus, ApiError> {
        let locale = self.locale();
        let signed = self
            .desk()?
            .sign_in(login, pin, now())
            .map_err(|e| e.to_api(locale))?;
        self.session = Some(signed.staff.login);
        self.locked = false;
        Ok(self.status())
    }

    /// Lock the screen (on demand or after the idle minutes); what was typed stays.
    pub fn lock(&mut self) -> AppStatus {
        if self.session.is_some() {
            self.locked = true;
        }
        self.status()
    }

    /// Unlock for the same or another staff member, who then acts.
    pub fn unlock(&mut self, login: &str, pin: &str) -> Result<AppStatus, ApiError> {
        let locale = self.locale();
        let signed = self
            .desk()?
            .unlock(login, pin, now())
            .map_err(|e| e.to_api(locale))?;
        self.session = Some(signed.staff.login);
        self.locked = false;
        Ok(self.status())
    }

    pub fn call(&mut self, op: &str, req: Value) -> Result<Value, ApiError> {
        self.last_activity = Instant::now();
        let locale = self.locale();
        let Some(actor) = self.session.clone().filter(|_| !self.locked) else {
            return Err(self.api(Error::Forbidden {
                action: "act".into(),
                needed: "signed_in",
            }));
        };
        let at = now();
        self.desk()?.call_api_in(locale, &actor, at, op, req)
    }

    pub fn print(&mut self, args: PrintArgs) -> Result<(PathBuf, usize), ApiError> {
        let locale = args.locale.unwrap_or(self.locale());
        let req = serde_json::json!({
            "form": args.form, "target": args.target, "locale": locale, "a6": args.a6.unwrap_or(false),
        });
        let out = self.call("print", req)?;
        let printed: frontdesk::forms::Printed =
            serde_json::from_value(out).map_err(|e| self.api(storage(e)))?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(printed.pdf_base64.as_bytes())
            .map_err(|e| self.api(storage(e)))?;
        std::fs::create_dir_all(&self.documents).map_err(|e| self.api(Error::Io(e)))?;
        let path = unique_path(&self.documents, &printed.file_name);
        std::fs::write(&path, bytes).map_err(|e| self.api(Error::Io(e)))?;
        Ok((path, printed.pages))
    }

    /// The backups in the default folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>, ApiError> {
        let dir = backup::default_dir(&self.db_path);
        let mut files = backup::list(&dir).map_err(|e| self.api(e))?;
        files.sort_by(|a, b| b.taken.cmp(&a.taken).then(b.nth.cmp(&a.nth)));
        Ok(files
            .into_iter()
            .map(|f| BackupFile {
                bytes: std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0),
                path: f.path.display().to_string(),
                taken: f.taken.format("%Y-%m-%d %H:%M:%S").to_string(),
            })
            .collect())
    }

    /// A verified backup now (anyone signed in may make one; restoring needs a supervisor).
    pub fn backup_now(&mut self) -> Result<Vec<BackupFile>, ApiError> {
        if self.session.is_none() || self.locked {
            return Err(self.api(Error::Forbidden {
                action: "act".into(),
                needed: "signed_in",
            }));
        }
        let locale = self.locale();
        self.desk()?
            .auto_backup(None, now(), Trigger::Manual)
            .map_err(|e| e.to_api(locale))?;
        self.backups()
    }

    /// Idle work: when nobody has called for a while, checkpoint and merge (see `Desk::maintain`).
    pub fn idle_tick(&mut self, idle_after: Duration) {
        if self.last_activity.elapsed() < idle_after {
            return;
        }
        if let Ok(desk) = &mut self.desk {
            let _ = desk.maintain();
            // Once a day, a verified backup with rotation.
            let at = now();
            if frontdesk::profile::load_profile(desk.conn()).is_ok()
                && desk.backup_due(None, at).unwrap_or(false)
            {
                if let Err(e) = desk.auto_backup(None, at, Trigger::Daily) {
                    eprintln!("daily backup failed: {e}");
                }
            }
        }
        self.last_activity = Instant::now();
    }
}

/// The start-up check: `quick_check` and the audit chain on a connection of its own (a small
/// page cache, closed afterwards), with the newest good backup when something is wrong.
pub fn health_check(db_path: &Path) -> Health {
    backup::health(db_path, &backup::default_dir(db_path))
}

/// `name.pdf`, or `name (2).pdf` … when a form of the same record was printed before.
fn unique_path(dir: &Path, file_name: &str) -> PathBuf {
    let first = dir.join(file_name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = file_name.rsplit_once('.').unwrap_or((file_name, "pdf"));
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}).{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[tauri::command]
fn status(state: State<'_, AppState>) -> AppStatus {
    state.lock().status()
}

#[tauri::command]
fn init_counter(
    state: State<'_, AppState>,
    req: Value,
    pin: String,
) -> Result<AppStatus, ApiError> {
    state.lock().init(req, &pin)
}

#[tauri::command]
fn sign_in(state: State<'_, AppState>, login: String, pin: String) -> Result<AppStatus, ApiError> {
    state.lock().sign_in(&login, &pin)
}

#[tauri::command]
fn lock_screen(state: State<'_, AppState>) -> AppStatus {
    state.lock().lock()
}

#[tauri::command]
fn unlock_screen(
    state: State<'_, AppState>,
    login: String,
    pin: String,
) -> Result<AppStatus, ApiError> {
    state.lock().unlock(&login, &pin)
}

/// Restore a verified backup (the start-up offer on a damaged file, or a supervisor's choice).
#[tauri::command]
fn restore_backup(state: State<'_, AppState>, path: String) -> Result<AppStatus, ApiError> {
    state.lock().restore(Path::new(&path))
}

#[tauri::command]
fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupFile>, ApiError> {
    state.lock().backups()
}

#[tauri::command]
fn backup_now(state: State<'_, AppState>) -> Result<Vec<BackupFile>, ApiError> {
    state.lock().backup_now()
}

#[tauri::command]
fn sign_out(state: State<'_, AppState>) -> AppStatus {
    let mut c = state.lock();
    c.session = None;
    c.locked = false;
    c.status()
}

#[tauri::command]
fn set_locale(state: State<'_, AppState>, locale: Locale) -> AppStatus {
    let mut c = state.lock();
    c.locale = Some(locale);
    c.status()
}

/// Every core operation: `op` with its JSON request, as the signed-in staff member, now.
#[tauri::command]
fn call(state: State<'_, AppState>, op: String, req: Value) -> Result<Value, ApiError> {
    state.lock().call(&op, req)
}

/// Print a form to a PDF under the documents folder and open it with the system viewer.
#[tauri::command]
fn print_pdf(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    args: PrintArgs,
) -> Result<SavedPdf, ApiError> {
    let open = args.open.unwrap_or(true) && std::env::var_os("FRONTDESK_NO_OPEN").is_none();
    let (path, pages) = state.lock().print(args)?;
    let opened = open
        && app
            .opener()
            .open_path(path.display().to_string(), None::<&str>)
            .is_ok();
    Ok(SavedPdf {
        folder: path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        path: path.display().to_string(),
        pages,
        opened,
    })
}

/// Show the folder of printed forms in the file manager.
#[tauri::command]
fn open_documents(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<(), ApiError> {
    let c = state.lock();
    std::fs::create_dir_all(&c.documents).map_err(|e| c.api(Error::Io(e)))?;
    app.opener()
        .open_path(c.documents.display().to_string(), None::<&str>)
        .map_err(|e| c.api(storage(e)))
}

/// Choose a photo with the system's file picker (JPEG, PNG or WebP).
#[tauri::command]
async fn pick_photo(app: tauri::AppHandle) -> Result<Option<PickedFile>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = std::sync::mpsc::channel();
    app.dialog()
        .file()
        .add_filter("Photo", &["jpg", "jpeg", "png", "webp"])
        .pick_file(move |f| {
            let _ = tx.send(f);
        });
    let Ok(Some(file)) = rx.recv() else {
        return Ok(None);
    };
    let path = file
        .into_path()
        .map_err(|e| storage(e).to_api(Locale::default()))?;
    let bytes = std::fs::read(&path).map_err(|e| Error::Io(e).to_api(Locale::default()))?;
    let mime = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        _ => "image/jpeg",
    };
    Ok(Some(PickedFile {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        mime: mime.into(),
        data_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    }))
}

static STARTED: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// The screen is usable (Today shown with its data): for the launch benchmark
/// (`scripts/bench-app.mjs`), printed as `ready <ms since start>` when `FRONTDESK_BENCH` is set.
#[tauri::command]
fn ui_ready(marks: Option<String>) {
    if std::env::var_os("FRONTDESK_BENCH").is_some() {
        let ms = STARTED
            .get()
            .map(|s| s.elapsed().as_secs_f64() * 1000.0)
            .unwrap_or(0.0);
        println!("ready {ms:.1}");
        if let Some(m) = marks {
            eprintln!("ui marks: {m}");
        }
    }
}

/// Where the database lives: `$FRONTDESK_DB`, else the OS data directory.
pub fn database_path() -> PathBuf {
    if let Some(p) = std::env::var_os("FRONTDESK_DB") {
        return PathBuf::from(p);
    }
    frontdesk::db::default_path().unwrap_or_else(|_| PathBuf::from("frontdesk.sqlite3"))
}

fn documents_dir(app: &tauri::AppHandle) -> PathBuf {
    if let Some(p) = std::env::var_os("FRONTDESK_DOCUMENTS") {
        return PathBuf::from(p);
    }
    app.path()
        .document_dir()
        .or_else(|_| app.path().home_dir())
        .unwrap_or_else(|_| std::env::temp_dir())
        .join("Front desk")
}

/// Start the window. `rendering` is what `rendering::apply` set (printed by the benchmark, so
/// it can give the bare window the same).
pub fn run(rendering: &[(&str, &str)]) {
    STARTED.get_or_init(Instant::now);
    if std::env::var_os("FRONTDESK_BENCH").is_some() {
        let vars: Vec<String> = rendering.iter().map(|(k, v)| format!("{k}={v}")).collect();
        println!("rendering {}", vars.join(" "));
    }
    let mut builder = tauri::Builder::default();
    // One window per counter: a second launch brings the running window forward instead. An
    // explicit `FRONTDESK_DB` (tests, a second counter on the same machine) runs on its own.
    if std::env::var_os("FRONTDESK_DB").is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }));
    }
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            if std::env::var_os("FRONTDESK_BENCH").is_some() {
                let ms = STARTED.get().map(|s| s.elapsed().as_secs_f64() * 1000.0);
                eprintln!("setup at {ms:?} ms");
            }
            if let Some(window) = app.get_webview_window("main") {
                camera::allow_camera(&window);
            }
            let counter = Counter::open(database_path(), documents_dir(app.handle()));
            let db_path = counter.db_path.clone();
            let shared = Arc::new(Mutex::new(counter));
            app.manage(AppState(shared.clone()));
            // The start-up check runs right after the first paint; a problem replaces the screen
            // with the plain report and the restore offer (the UI listens for the event).
            let checked = shared.clone();
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                // Just after the first paint, so the check's reading does not compete with it
                // (the window shows the report as soon as it is known).
                std::thread::sleep(Duration::from_millis(1500));
                let h = health_check(&db_path);
                let bad = !h.ok;
                checked
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .set_health(h);
                if bad {
                    let _ = handle.emit("frontdesk://health", ());
                }
            });
            // Maintenance when the counter is quiet: never inside a receptionist's save.
            let handle = app.handle().clone();
            std::thread::spawn(move || loop {
                std::thread::sleep(Duration::from_secs(30));
                if let Ok(mut c) = shared.try_lock() {
                    c.idle_tick(Duration::from_secs(60));
                }
                let _ = handle.emit("frontdesk://tick", ());
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            status,
            init_counter,
            sign_in,
            sign_out,
            lock_screen,
            unlock_screen,
            restore_backup,
            list_backups,
            backup_now,
            set_locale,
            call,
            print_pdf,
            open_documents,
            pick_photo,
            ui_ready
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Front desk could not start its window: {e}");
            std::process::exit(1);
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> (tempfile_dir::Dir, Counter) {
        let dir = tempfile_dir::Dir::new();
        let c = Counter::open(dir.path().join("desk.sqlite3"), dir.path().join("docs"));
        (dir, c)
    }

    /// A throwaway directory without another dependency.
    mod tempfile_dir {
        pub struct Dir(std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                let p = std::env::temp_dir().join(format!(
                    "frontdesk-app-test-{}-{}",
                    std::process::id(),
                    super::super::now()
                        .timestamp_nanos_opt()
                        .unwrap_or_default()
                ));
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
            pub fn path(&self) -> &std::path::Path {
                &self.0
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    const PIN: &str = "4826";

    fn init_req() -> Value {
        serde_json::json!({
            "name": "锦绣花园物业服务中心", "locale": "zh-CN", "time_zone": "Asia/Shanghai",
            "legal_regime": "CN", "admin_login": "wang", "admin_name": "王芳"
        })
    }

    #[test]
    fn first_run_sets_up_and_signs_in_the_admin() {
        let (_d, mut c) = counter();
        let s = c.status();
        assert!(!s.initialised);
        assert!(s.signed_in.is_none());
        // A PIN that is too easy is refused before anything is written.
        assert!(c.init(init_req(), "1234").is_err());
        assert!(!c.status().initialised);
        let s = c.init(init_req(), PIN).unwrap();
        assert!(s.initialised);
        assert!(s.roster[0].has_pin);
        assert_eq!(s.signed_in.unwrap().login, "wang");
        assert_eq!(s.locale, Locale::ZhCn);
    }

    #[test]
    fn calls_need_a_signed_in_staff_member_and_errors_come_translated() {
        let (_d, mut c) = counter();
        c.init(init_req(), PIN).unwrap();
        c.session = None;
        let e = c.call("profile.get", Value::Null).unwrap_err();
        assert_eq!(e.code, frontdesk::error::ErrorCode::Forbidden);
        assert!(c.sign_in("wang", "2580").is_err(), "a wrong PIN");
        c.sign_in("wang", PIN).unwrap();
        let p = c.call("profile.get", Value::Null).unwrap();
        assert_eq!(p["name"], "锦绣花园物业服务中心");
        // A bad request names the field, in the screen's language.
        let e = c
            .call(
                "staff.add",
                serde_json::json!({"login": "li", "role": "receptionist"}),
            )
            .unwrap_err();
        assert_eq!(e.field.as_deref(), Some("name"));
        c.locale = Some(Locale::Ko);
        let e = c
            .call(
                "staff.add",
                serde_json::json!({"login": "li", "role": "receptionist"}),
            )
            .unwrap_err();
        assert!(e.message.contains("항목"), "{}", e.message);
        assert!(c.sign_in("nobody", PIN).is_err());
        // A locked screen refuses calls; another staff member's PIN is checked to unlock.
        c.lock();
        assert!(c.call("profile.get", Value::Null).is_err());
        assert!(c.unlock("wang", "0000").is_err());
        c.unlock("wang", PIN).unwrap();
        assert!(c.call("profile.get", Value::Null).is_ok());
    }

    #[test]
    fn a_damaged_database_is_reported_not_replaced() {
        let dir = tempfile_dir::Dir::new();
        let path = dir.path().join("desk.sqlite3");
        std::fs::write(&path, vec![0x42u8; 8192]).unwrap();
        let mut c = Counter::open(path.clone(), dir.path().join("docs"));
        let s = c.status();
        assert!(s.open_error.is_some());
        assert!(!s.initialised);
        assert!(c.call("profile.get", Value::Null).is_err());
        // The file is left as it was for the restore.
        assert_eq!(std::fs::read(&path).unwrap(), vec![0x42u8; 8192]);
    }

    #[test]
    fn a_damaged_database_offers_the_newest_good_backup_and_restores_it() {
        let dir = tempfile_dir::Dir::new();
        let path = dir.path().join("desk.sqlite3");
        let mut c = Counter::open(path.clone(), dir.path().join("docs"));
        c.init(init_req(), PIN).unwrap();
        c.call("shift.open", serde_json::json!({})).unwrap();
        c.call("shift.close", serde_json::json!({"notes": "交接"}))
            .unwrap();
        let backups = backup::default_dir(&path);
        let made: Vec<_> = std::fs::read_dir(&backups).unwrap().collect();
        assert_eq!(made.len(), 1, "a backup at shift close");
        // A manual backup, listed newest first with the shift-close one.
        let listed = c.backup_now().unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed[0].taken >= listed[1].taken && listed[0].bytes > 0);
        let newest = PathBuf::from(&listed[0].path);
        // Healthy: a receptionist-less restore is refused.
        c.session = None;
        let good = made[0].as_ref().unwrap().path();
        assert!(listed.iter().any(|f| Path::new(&f.path) == good));
        assert!(c.restore(&good).is_err());
        drop(c);
        // Damage the live file.
        let mut bytes = std::fs::read(&path).unwrap();
        for b in bytes.iter_mut().skip(4096).take(8192) {
            *b = 0x5a;
        }
        std::fs::write(&path, &bytes).unwrap();
        let _ = std::fs::remove_file(path.with_extension("sqlite3-wal"));
        let mut c = Counter::open(path.clone(), dir.path().join("docs"));
        c.set_health(health_check(&path));
        let s = c.status();
        let h = s.health.expect("the start-up check reports the damage");
        assert_eq!(h.newest_good_backup.as_deref(), Some(newest.as_path()));
        let s = c.restore(&newest).unwrap();
        assert!(s.health.is_none() && s.open_error.is_none() && s.initialised);
        // The damaged file is kept beside the restored one.
        let kept = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().contains(".damaged-"));
        assert!(kept);
    }

    #[test]
    fn printing_saves_a_pdf_under_the_documents_folder_without_overwriting() {
        let (d, mut c) = counter();
        c.init(init_req(), PIN).unwrap();
        let args = || PrintArgs {
            form: frontdesk::forms::FormKind::LostSummary,
            target: "2026-11".into(),
            locale: None,
            a6: None,
            open: Some(false),
        };
        let (p1, pages) = c.print(args()).unwrap();
        let (p2, _) = c.print(args()).unwrap();
        assert!(pages >= 1);
        assert!(p1.starts_with(d.path().join("docs")));
        assert_ne!(p1, p2);
        assert!(std::fs::read(&p1).unwrap().starts_with(b"%PDF"));
    }

    /// The shell's own IPC types, generated for the UI like the core's.
    #[test]
    fn generated_shell_typescript_is_current() {
        let cfg = frontdesk::typescript::config();
        let mut out = String::from(
            "// Generated from src-tauri/src/lib.rs by `bash scripts/gen-ts.sh`. Do not edit.\n\
             import type { ApiError, Locale, Staff, FormKind, RosterEntry } from \"./api\";\n\n",
        );
        for decl in [
            AppStatus::decl(&cfg),
            SavedPdf::decl(&cfg),
            PickedFile::decl(&cfg),
            BackupFile::decl(&cfg),
            PrintArgs::decl(&cfg),
            Health::decl(&cfg),
            backup::HealthProblem::decl(&cfg),
        ] {
            out.push_str("export ");
            out.push_str(&decl);
            out.push_str("\n\n");
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/gen/shell.ts");
        if std::env::var_os("UPDATE_TS").is_some() {
            std::fs::write(&path, &out).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == out,
            "ui/src/gen/shell.ts is stale: run `bash scripts/gen-ts.sh` and commit the result"
        );
    }
}

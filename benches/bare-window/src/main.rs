//! A bare Tauri window: the floor the app's launch time and memory are compared with.
//! Prints `painted <ms>` (since process start) when the page has painted.
use std::time::Instant;

static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

#[tauri::command]
fn painted() {
    let ms = START
        .get()
        .map(|s| s.elapsed().as_secs_f64() * 1000.0)
        .unwrap_or(0.0);
    println!("painted {ms:.1}");
}

fn main() {
    START.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("bare window: {e}");
            std::process::exit(1);
        });
}

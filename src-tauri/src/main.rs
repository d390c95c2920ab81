// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before any thread starts: it may set environment variables WebKit reads.
    let rendering = frontdesk_app::rendering::apply();
    frontdesk_app::run(&rendering)
}

//! Snapshot tests for layout models: the value as pretty JSON under `tests/snapshots/`.
//! A missing snapshot is written (and the test fails, so a new snapshot is looked at and
//! committed); `UPDATE_SNAPSHOTS=1` rewrites changed ones after a deliberate layout change.
#![allow(dead_code)]

use serde::Serialize;
use std::path::PathBuf;

pub fn assert_snapshot(name: &str, value: &impl Serialize) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.json"));
    let actual = serde_json::to_string_pretty(value).unwrap() + "\n";
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(_) if update => std::fs::write(&path, &actual).unwrap(),
        Ok(expected) => {
            let first = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "snapshot {name} differs from line {}:\n  expected: {}\n  actual:   {}\n(UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change)",
                first + 1,
                expected.lines().nth(first).unwrap_or(""),
                actual.lines().nth(first).unwrap_or("")
            );
        }
        Err(_) => {
            std::fs::write(&path, &actual).unwrap();
            if !update {
                panic!("snapshot {name} was missing and has been written to {}: look at it, commit it, run again", path.display());
            }
        }
    }
}

//! PDF helpers for tests: write a PDF, read its text back with pdftotext, decode a QR.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print-samples");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A Debian tool the tests need; fails loudly when it is not installed.
pub fn tool(name: &str, package: &str) -> Command {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "`{name}` is not installed: install the Debian package {package} \
         (apt-get install -y poppler-utils zbar-tools; CI installs them)"
    );
    Command::new(name)
}

pub fn run(mut cmd: Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The text of each page of a PDF.
pub fn pdf_pages(path: &Path) -> Vec<String> {
    let mut cmd = tool("pdftotext", "poppler-utils");
    cmd.arg("-layout").arg(path).arg("-");
    let text = run(cmd);
    let mut pages: Vec<String> = text.split('\x0c').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// A PDF's text, all pages, for `contains` checks.
pub fn pdf_text(name: &str, bytes: &[u8]) -> String {
    let path = write(name, bytes);
    pdf_pages(&path).join("\n")
}

/// The payloads of the QR codes on a PDF's first page (pdftoppm at 300 dpi, then zbarimg).
pub fn qr_payloads(name: &str, bytes: &[u8]) -> Vec<String> {
    let path = write(name, bytes);
    let png_base = out_dir().join(format!("{name}-qr"));
    let mut cmd = tool("pdftoppm", "poppler-utils");
    cmd.args(["-r", "300", "-png", "-singlefile"])
        .arg(&path)
        .arg(&png_base);
    run(cmd);
    let mut cmd = tool("zbarimg", "zbar-tools");
    cmd.args(["--quiet", "--raw"])
        .arg(png_base.with_extension("png"));
    run(cmd).lines().map(str::to_owned).collect()
}

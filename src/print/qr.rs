//! QR codes as filled rectangles: the `qrcode` crate computes the modules, each row's runs of
//! dark modules become one rectangle (fewer drawing operations, no hairline gaps between
//! modules in viewers). Error correction level M survives a scuffed label; a quiet zone of four
//! modules is part of the requested size so scanners find the code on a busy item.

use crate::error::{Error, Result};
use qrcode::{Color, EcLevel, QrCode};

/// Modules of quiet zone on each side (the QR standard's minimum).
pub const QUIET: usize = 4;

/// The dark rectangles `(x, y, w, h)` in mm of a QR code of `payload` drawn `side` mm square
/// (quiet zone included), relative to the square's top-left corner.
pub fn modules(payload: &str, side: f32) -> Result<Vec<(f32, f32, f32, f32)>> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| Error::invalid("qr_payload", e.to_string()))?;
    let n = code.width();
    let colors = code.to_colors();
    let unit = side / (n + 2 * QUIET) as f32;
    let mut rects = Vec::new();
    for y in 0..n {
        let row = &colors[y * n..(y + 1) * n];
        let mut x = 0;
        while x < n {
            if row[x] == Color::Dark {
                let start = x;
                while x < n && row[x] == Color::Dark {
                    x += 1;
                }
                rects.push((
                    (start + QUIET) as f32 * unit,
                    (y + QUIET) as f32 * unit,
                    (x - start) as f32 * unit,
                    unit,
                ));
            } else {
                x += 1;
            }
        }
    }
    Ok(rects)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_stay_inside_the_quiet_zone() {
        let rects = modules("FI-000123", 20.0).unwrap();
        assert!(!rects.is_empty());
        // Version 1 (21 modules) + 2 × 4 quiet = 29 units of 20/29 mm.
        let unit = 20.0 / 29.0;
        for (x, y, w, h) in rects {
            assert!(x >= 4.0 * unit - 1e-4 && y >= 4.0 * unit - 1e-4);
            assert!(x + w <= 25.0 * unit + 1e-4 && y + h <= 25.0 * unit + 1e-4);
        }
    }

    #[test]
    fn too_long_a_payload_is_an_error() {
        let long = "x".repeat(5000);
        assert!(modules(&long, 20.0).is_err());
    }
}

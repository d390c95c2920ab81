//! Raster pictures on a form: a signature captured on screen, printed in its signature box.
//!
//! A [`Picture`] is the encoded file (PNG or JPEG) with its pixel size, so the layout can
//! keep its proportions without decoding it. The PDF layer embeds a JPEG as it is (PDF reads
//! JPEG natively, `DCTDecode`) and decodes a PNG to pixels with the `png` crate (PDF has no
//! PNG filter; the pixels are stored Flate-compressed, losslessly). Nothing is re-encoded or
//! resampled, so the same file always gives the same bytes.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use std::io::Cursor;

/// The encodings a form can print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PictureFormat {
    Png,
    Jpeg,
}

/// The largest picture a form embeds, in pixels (a signature pad is about 1000 × 400).
pub const MAX_PIXELS: u64 = 4096 * 4096;

/// An encoded picture to print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Picture {
    pub format: PictureFormat,
    pub width_px: u32,
    pub height_px: u32,
    /// The file as stored (base64 in the model's JSON, so the model stays plain data).
    #[serde(with = "base64_bytes")]
    pub bytes: Vec<u8>,
}

mod base64_bytes {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(b))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(s)
            .map_err(serde::de::Error::custom)
    }
}

/// What a JPEG's frame header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpegFrame {
    pub width: u32,
    pub height: u32,
    /// 1 (grey), 3 (colour) or 4 (CMYK).
    pub components: u8,
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The pixel size in a PNG's header (`IHDR`), if `b` is a PNG.
pub fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() < 24 || !b.starts_with(PNG_MAGIC) || &b[12..16] != b"IHDR" {
        return None;
    }
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    Some((be(16), be(20)))
}

/// The frame header of a JPEG (the first `SOFn` marker before the scan), if `b` is a JPEG.
pub fn jpeg_frame(b: &[u8]) -> Option<JpegFrame> {
    if !b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return None;
    }
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            // Fill byte.
            i += 1;
            continue;
        }
        // Markers without a length: TEM, RSTn.
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let is_sof = (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker);
        if is_sof {
            let s = b.get(i + 4..i + 10)?;
            return Some(JpegFrame {
                height: u32::from(u16::from_be_bytes([s[1], s[2]])),
                width: u32::from(u16::from_be_bytes([s[3], s[4]])),
                components: s[5],
            });
        }
        if marker == 0xDA || len < 2 {
            // The scan starts (or the file is broken) before any frame header.
            return None;
        }
        i += 2 + len;
    }
    None
}

fn unprintable(why: &str) -> Error {
    Error::invalid("picture", why.to_owned())
}

impl Picture {
    /// The picture's key in the layout's marks: the SHA-256 of its bytes, hex.
    pub fn key(&self) -> String {
        hex::encode(sha2::Sha256::digest(&self.bytes))
    }

    /// A picture from an encoded PNG or JPEG, checked to be printable: a PNG must decode, a
    /// JPEG must have a grey or colour frame; neither may exceed [`MAX_PIXELS`]. The error's
    /// field is `picture`; callers name their own field.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Picture> {
        let check_size = |w: u32, h: u32| {
            if w == 0 || h == 0 || u64::from(w) * u64::from(h) > MAX_PIXELS {
                Err(unprintable("picture_size"))
            } else {
                Ok(())
            }
        };
        if let Some((w, h)) = png_size(&bytes) {
            check_size(w, h)?;
            decode_png(&bytes)?;
            return Ok(Picture {
                format: PictureFormat::Png,
                width_px: w,
                height_px: h,
                bytes,
            });
        }
        if let Some(f) = jpeg_frame(&bytes) {
            check_size(f.width, f.height)?;
            if !matches!(f.components, 1 | 3) {
                return Err(unprintable("jpeg_colours"));
            }
            return Ok(Picture {
                format: PictureFormat::Jpeg,
                width_px: f.width,
                height_px: f.height,
                bytes,
            });
        }
        Err(unprintable("png_or_jpeg"))
    }
}

/// Decoded PNG pixels, 8 bits per sample.
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    /// Samples per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA.
    pub channels: u8,
    pub data: Vec<u8>,
}

/// Decode a PNG to 8-bit grey or RGB samples, with alpha where the file has transparency.
pub fn decode_png(bytes: &[u8]) -> Result<Pixels> {
    let bad = |_| unprintable("png_broken");
    // A small file can claim a huge image; the limit stops the decoder allocating for it.
    let limits = png::Limits {
        bytes: (MAX_PIXELS * 4 + 1024) as usize,
    };
    let mut dec = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = dec.read_info().map_err(bad)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| unprintable("picture_size"))?;
    let mut data = vec![0; size];
    let info = reader.next_frame(&mut data).map_err(bad)?;
    data.truncate(info.buffer_size());
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err(unprintable("png_broken")),
    };
    if info.bit_depth != png::BitDepth::Eight
        || data.len() != info.width as usize * info.height as usize * channels
    {
        return Err(unprintable("png_broken"));
    }
    Ok(Pixels {
        width: info.width,
        height: info.height,
        channels: channels as u8,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_give_sizes_and_garbage_gives_none() {
        let mut png = PNG_MAGIC.to_vec();
        png.extend([0, 0, 0, 13]);
        png.extend(b"IHDR");
        png.extend(640u32.to_be_bytes());
        png.extend(200u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((640, 200)));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, // APP0, 2 bytes of payload
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, // SOF0 64 × 32, RGB
        ];
        assert_eq!(
            jpeg_frame(&jpeg),
            Some(JpegFrame {
                width: 64,
                height: 32,
                components: 3
            })
        );
        assert_eq!(png_size(b"GIF89a"), None);
        assert_eq!(jpeg_frame(&[0xFF, 0xD8, 0xFF]), None);
        assert_eq!(jpeg_frame(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]), None);
        assert!(Picture::from_bytes(b"not a picture".to_vec()).is_err());
    }
}

//! Photos and signatures kept with a record: a photo of a found item, a parcel, a claim, a lost
//! report or a complaint; the signature of whoever collected a parcel or claimed an item,
//! captured on screen and printed on the pick-up receipt and the claim form.
//!
//! The files live in the database (table `attachment`, migration 7), so a backup carries them.
//! A file is checked by its first bytes, not its name: JPEG, PNG or WebP only, at most
//! [`PHOTO_MAX_BYTES`] for a photo and [`SIGNATURE_MAX_BYTES`] for a signature, and a
//! signature must be a PNG or JPEG a form can print. Nothing is deleted: a wrong attachment is
//! withdrawn with a reason; a new signature on a record supersedes the previous one (both are
//! kept, the newest one not withdrawn is the record's signature). The audit log records each
//! change on the record it belongs to, with the file's size and SHA-256, never its bytes.

use crate::api::{op_read, op_write, Operation};
use crate::audit;
use crate::complaints;
use crate::ctx::Ctx;
use crate::db;
use crate::error::{Error, Result};
use crate::ids::{
    AttachmentId, ClaimId, ComplaintId, FoundItemId, LostReportId, ParcelId, StaffId,
};
use crate::lost_found;
use crate::mail;
use crate::print::picture::{jpeg_frame, png_size, Picture};
use crate::profile::Role;
use crate::validate;
use base64::Engine;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The largest photo kept: 8 MB.
pub const PHOTO_MAX_BYTES: usize = 8 * 1024 * 1024;
/// The largest signature kept: 512 KB (a signature pad's PNG is a few KB).
pub const SIGNATURE_MAX_BYTES: usize = 512 * 1024;

text_enum!(
    /// The kinds of record an attachment can belong to.
    AttachEntity {
        FoundItem = "found_item",
        Parcel = "parcel",
        Claim = "claim",
        LostReport = "lost_report",
        Complaint = "complaint",
    }
);

text_enum!(
    /// What an attachment is.
    AttachmentKind {
        Photo = "photo",
        /// Only on a parcel (its pick-up) or a claim.
        Signature = "signature",
    }
);

text_enum!(
    /// The image types kept.
    ImageMime {
        Jpeg = "image/jpeg",
        Png = "image/png",
        Webp = "image/webp",
    }
);

impl AttachEntity {
    /// The code of record `id` of this kind, e.g. `PC-000012`.
    pub fn code(self, id: i64) -> String {
        match self {
            AttachEntity::FoundItem => FoundItemId(id).code(),
            AttachEntity::Parcel => ParcelId(id).code(),
            AttachEntity::Claim => ClaimId(id).code(),
            AttachEntity::LostReport => LostReportId(id).code(),
            AttachEntity::Complaint => ComplaintId(id).code(),
        }
    }

    /// `not_found` unless record `id` of this kind exists.
    fn check_exists(self, conn: &Connection, id: i64) -> Result<()> {
        match self {
            AttachEntity::FoundItem => lost_found::get_found(conn, FoundItemId(id)).map(drop),
            AttachEntity::Parcel => mail::get_parcel(conn, ParcelId(id)).map(drop),
            AttachEntity::Claim => lost_found::get_claim(conn, ClaimId(id)).map(drop),
            AttachEntity::LostReport => lost_found::get_report(conn, LostReportId(id)).map(drop),
            AttachEntity::Complaint => complaints::get_complaint(conn, ComplaintId(id)).map(drop),
        }
    }
}

/// An attachment's description (never its bytes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Attachment {
    pub id: AttachmentId,
    pub code: String,
    pub entity: AttachEntity,
    pub entity_id: i64,
    /// The record's code, e.g. `PC-000012`.
    pub record_code: String,
    pub kind: AttachmentKind,
    pub mime: ImageMime,
    pub byte_size: i64,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Pixel size, where the file's header tells it.
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub caption: Option<String>,
    /// The signature this one superseded.
    pub supersedes: Option<AttachmentId>,
    /// A photo: not withdrawn. A signature: it is the record's signature (the newest one not
    /// withdrawn).
    pub current: bool,
    pub added_at: DateTime<Utc>,
    pub added_by: StaffId,
    pub added_by_name: String,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdrawn_by: Option<StaffId>,
    pub withdraw_reason: Option<String>,
}

/// An attachment with its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AttachmentFile {
    pub attachment: Attachment,
    /// The file, base64 (standard alphabet, padded).
    pub data_base64: String,
}

const SELECT: &str = "SELECT a.id, a.entity, a.entity_id, a.kind, a.mime, a.byte_size, a.sha256,
        a.width, a.height, a.caption, a.supersedes, a.added_at, a.added_by, s.name AS added_by_name,
        a.withdrawn_at, a.withdrawn_by, a.withdraw_reason,
        (a.withdrawn_at IS NULL AND (a.kind = 'photo' OR NOT EXISTS (
            SELECT 1 FROM attachment n WHERE n.entity = a.entity AND n.entity_id = a.entity_id
              AND n.kind = 'signature' AND n.id > a.id AND n.withdrawn_at IS NULL))) AS current
    FROM attachment a JOIN staff s ON s.id = a.added_by";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    let id = AttachmentId(r.get("id")?);
    let entity: AttachEntity = r.get("entity")?;
    let entity_id: i64 = r.get("entity_id")?;
    Ok(Attachment {
        id,
        code: id.code(),
        entity,
        entity_id,
        record_code: entity.code(entity_id),
        kind: r.get("kind")?,
        mime: r.get("mime")?,
        byte_size: r.get("byte_size")?,
        sha256: r.get("sha256")?,
        width: r.get("width")?,
        height: r.get("height")?,
        caption: r.get("caption")?,
        supersedes: r.get("supersedes")?,
        current: r.get("current")?,
        added_at: db::get_ts(r, "added_at")?,
        added_by: r.get("added_by")?,
        added_by_name: r.get("added_by_name")?,
        withdrawn_at: db::get_opt_ts(r, "withdrawn_at")?,
        withdrawn_by: r.get("withdrawn_by")?,
        withdraw_reason: r.get("withdraw_reason")?,
    })
}

pub fn get(conn: &Connection, id: AttachmentId) -> Result<Attachment> {
    conn.prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(AttachmentId::ENTITY, id))
}

/// Every attachment of a record, oldest first, withdrawn ones included (marked).
pub fn of_record(conn: &Connection, entity: AttachEntity, id: i64) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE a.entity = ?1 AND a.entity_id = ?2 ORDER BY a.id"
    ))?;
    let rows = stmt.query_map(params![entity, id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn bytes_of(conn: &Connection, id: AttachmentId) -> Result<Vec<u8>> {
    conn.prepare_cached("SELECT bytes FROM attachment WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found(AttachmentId::ENTITY, id))
}

/// The record's signature (the newest not withdrawn), if it has one.
fn current_signature(
    conn: &Connection,
    entity: AttachEntity,
    id: i64,
) -> Result<Option<AttachmentId>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM attachment WHERE entity = ?1 AND entity_id = ?2
               AND kind = 'signature' AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![entity, id], |r| r.get(0))
        .optional()?)
}

/// The signature of a record as a printable picture (the printed forms use it).
pub fn signature_picture(
    conn: &Connection,
    entity: AttachEntity,
    id: i64,
) -> Result<Option<Picture>> {
    match current_signature(conn, entity, id)? {
        Some(a) => Ok(Some(Picture::from_bytes(bytes_of(conn, a)?)?)),
        None => Ok(None),
    }
}

/// What the first bytes of a file say it is, and its pixel size where the header tells it.
pub fn sniff(b: &[u8]) -> Option<(ImageMime, Option<(u32, u32)>)> {
    if let Some(size) = png_size(b) {
        return Some((ImageMime::Png, Some(size)));
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((ImageMime::Png, None));
    }
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some((ImageMime::Jpeg, jpeg_frame(b).map(|f| (f.width, f.height))));
    }
    if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        return Some((ImageMime::Webp, webp_size(b)));
    }
    None
}

/// The canvas size of a WebP (lossy `VP8 `, lossless `VP8L` or extended `VP8X`).
fn webp_size(b: &[u8]) -> Option<(u32, u32)> {
    let h = b.get(12..30)?;
    let le24 = |i: usize| u32::from(h[i]) | u32::from(h[i + 1]) << 8 | u32::from(h[i + 2]) << 16;
    match &h[..4] {
        b"VP8X" => Some((le24(12) + 1, le24(15) + 1)),
        b"VP8L" if h[8] == 0x2F => {
            let bits = u32::from_le_bytes([h[9], h[10], h[11], h[12]]);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8 " if h[11..14] == [0x9D, 0x01, 0x2A] => {
            let w = u32::from(u16::from_le_bytes([h[14], h[15]]) & 0x3FFF);
            let ht = u32::from(u16::from_le_bytes([h[16], h[17]]) & 0x3FFF);
            Some((w, ht))
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Operations

/// Attach a photo or a signature to a record.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AddAttachment {
    pub entity: AttachEntity,
    pub entity_id: i64,
    pub kind: AttachmentKind,
    /// Must match the file's first bytes.
    pub mime: ImageMime,
    /// The file, base64 (standard alphabet).
    pub data_base64: String,
    #[serde(default)]
    pub caption: Option<String>,
}

fn add(conn: &Connection, ctx: &Ctx, req: AddAttachment) -> Result<Attachment> {
    let (max, too_large) = match req.kind {
        AttachmentKind::Photo => (PHOTO_MAX_BYTES, "photo_max_8mb"),
        AttachmentKind::Signature => (SIGNATURE_MAX_BYTES, "signature_max_512kb"),
    };
    if req.kind == AttachmentKind::Signature
        && !matches!(req.entity, AttachEntity::Parcel | AttachEntity::Claim)
    {
        return Err(Error::invalid("kind", "signature_parcel_or_claim"));
    }
    if req.kind == AttachmentKind::Signature && req.mime == ImageMime::Webp {
        return Err(Error::invalid("mime", "signature_png_or_jpeg"));
    }
    let caption = validate::opt_text("caption", req.caption.as_deref(), validate::SHORT_MAX)?;
    let b64 = req.data_base64.trim();
    if b64.is_empty() {
        return Err(Error::required("data_base64"));
    }
    // Refuse an oversized file before decoding it.
    if b64.len() / 4 * 3 > max + 3 {
        return Err(Error::out_of_range("data_base64", too_large));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|_| Error::invalid("data_base64", "not_base64"))?;
    if bytes.len() > max {
        return Err(Error::out_of_range("data_base64", too_large));
    }
    let (found, size) =
        sniff(&bytes).ok_or_else(|| Error::invalid("data_base64", "not_an_image"))?;
    if found != req.mime {
        return Err(Error::invalid("data_base64", "mime_mismatch"));
    }
    let (width, height) = if req.kind == AttachmentKind::Signature {
        // A signature is kept to be printed: refuse one a form could not print.
        let p = Picture::from_bytes(bytes.clone())
            .map_err(|_| Error::invalid("data_base64", "signature_unprintable"))?;
        (Some(i64::from(p.width_px)), Some(i64::from(p.height_px)))
    } else {
        (
            size.map(|s| i64::from(s.0)).filter(|w| *w > 0),
            size.map(|s| i64::from(s.1)).filter(|h| *h > 0),
        )
    };
    req.entity.check_exists(conn, req.entity_id)?;
    let supersedes = match req.kind {
        AttachmentKind::Signature => current_signature(conn, req.entity, req.entity_id)?,
        AttachmentKind::Photo => None,
    };
    let sha = hex::encode(Sha256::digest(&bytes));
    conn.prepare_cached(
        "INSERT INTO attachment (entity, entity_id, kind, mime, byte_size, sha256, width, height,
            caption, supersedes, added_at, added_by, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        req.entity,
        req.entity_id,
        req.kind,
        req.mime,
        bytes.len() as i64,
        sha,
        width,
        height,
        caption,
        supersedes,
        db::ts(&ctx.now),
        ctx.actor.id,
        bytes
    ])?;
    let a = get(conn, AttachmentId(conn.last_insert_rowid()))?;
    // On the record's history, so its History panel shows what was attached and by whom.
    audit::record(
        conn,
        ctx,
        req.entity.as_str(),
        req.entity_id,
        "attach",
        None,
        None::<&()>,
        Some(&a),
    )?;
    Ok(a)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ListAttachments {
    pub entity: AttachEntity,
    pub entity_id: i64,
}

fn list(conn: &Connection, req: ListAttachments) -> Result<Vec<Attachment>> {
    req.entity.check_exists(conn, req.entity_id)?;
    of_record(conn, req.entity, req.entity_id)
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct GetAttachment {
    pub id: AttachmentId,
}

fn get_file(conn: &Connection, req: GetAttachment) -> Result<AttachmentFile> {
    let attachment = get(conn, req.id)?;
    let bytes = bytes_of(conn, req.id)?;
    Ok(AttachmentFile {
        attachment,
        data_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

/// Withdraw a wrong attachment (kept, marked). The staff member who added it may, or a
/// supervisor.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct WithdrawAttachment {
    pub id: AttachmentId,
    pub reason: String,
}

fn withdraw(conn: &Connection, ctx: &Ctx, req: WithdrawAttachment) -> Result<Attachment> {
    let reason = validate::text("reason", &req.reason, validate::SHORT_MAX)?;
    let before = get(conn, req.id)?;
    if before.added_by != ctx.actor.id {
        ctx.require("withdraw_attachment", &[Role::Supervisor])?;
    }
    if before.withdrawn_at.is_some() {
        return Err(Error::state(
            AttachmentId::ENTITY,
            "withdrawn",
            "withdraw_attachment",
        ));
    }
    conn.prepare_cached(
        "UPDATE attachment SET withdrawn_at = ?2, withdrawn_by = ?3, withdraw_reason = ?4
         WHERE id = ?1",
    )?
    .execute(params![before.id, db::ts(&ctx.now), ctx.actor.id, reason])?;
    let after = get(conn, before.id)?;
    audit::record(
        conn,
        ctx,
        before.entity.as_str(),
        before.entity_id,
        "withdraw_attachment",
        Some(&reason),
        Some(&before),
        Some(&after),
    )?;
    Ok(after)
}

pub fn operations() -> Vec<Operation> {
    vec![
        op_write(
            "attachment.add",
            "Attach a photo (found item, parcel, claim, lost report, complaint) or a signature (parcel pick-up, claim): JPEG, PNG or WebP as base64; photos up to 8 MB, signatures (PNG or JPEG) up to 512 KB. A new signature supersedes the record's previous one.",
            add,
        ),
        op_read(
            "attachment.list",
            "The photos and signatures of a record (metadata, no files), oldest first, withdrawn ones marked.",
            |c, _ctx, r: ListAttachments| list(c, r),
        ),
        op_read(
            "attachment.get",
            "One attachment with its file (base64).",
            |c, _ctx, r: GetAttachment| get_file(c, r),
        ),
        op_write(
            "attachment.withdraw",
            "Withdraw a wrong photo or signature with a reason (kept and marked, never deleted); by whoever added it or a supervisor.",
            withdraw,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webp_headers_give_their_canvas_size() {
        let mut lossless = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f".to_vec();
        // 300 × 120: (w-1) in 14 bits, then (h-1).
        let bits: u32 = 299 | (119 << 14);
        lossless.extend(bits.to_le_bytes());
        lossless.extend([0; 8]);
        assert_eq!(sniff(&lossless), Some((ImageMime::Webp, Some((300, 120)))));
        let mut extended = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0".to_vec();
        extended.extend([0x3F, 0x01, 0x00, 0x77, 0x00, 0x00]);
        assert_eq!(sniff(&extended), Some((ImageMime::Webp, Some((320, 120)))));
        assert_eq!(sniff(b"GIF89a......"), None);
    }
}

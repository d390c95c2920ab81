// The core's attachment operations (photos and signatures kept with a record: src/attachments.rs)
// as the lost-and-found screen and PhotoStrip use them.
import type { AddAttachment, AttachEntity, Attachment, AttachmentFile, ImageMime } from "../../gen/api";
import { call } from "../../lib/ipc";

export type { AttachEntity, Attachment, AttachmentFile, ImageMime };

export function listAttachments(entity: AttachEntity, entityId: number): Promise<Attachment[]> {
  return call("attachment.list", { entity, entity_id: entityId });
}

export function getAttachment(id: number): Promise<AttachmentFile> {
  return call("attachment.get", { id });
}

export function addAttachment(req: AddAttachment): Promise<Attachment> {
  return call("attachment.add", req);
}

/** A `data:` URL for an `<img>` (the CSP allows `img-src data:`). */
export function dataUrl(f: AttachmentFile): string {
  return `data:${f.attachment.mime};base64,${f.data_base64}`;
}

/** The picked file's type, if the core keeps it (JPEG, PNG, WebP). */
export function imageMime(mime: string): ImageMime | null {
  const m = mime.toLowerCase();
  if (m === "image/jpeg" || m === "image/jpg") return "image/jpeg";
  if (m === "image/png" || m === "image/webp") return m;
  return null;
}

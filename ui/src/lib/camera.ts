// Taking a photo with the counter's camera (CameraCapture, PhotoStrip): whether a camera is
// offered, the size a still is scaled to, the words for a refused or failed camera, the caption
// and the base64 of the encoded still. The window decides nothing else; the core checks the
// bytes like any picked file.
import type { ImageMime } from "../gen/api";

/** The longer side of a kept photo: enough to read a label, small enough for the database. */
export const PHOTO_MAX_SIDE = 1600;
/** JPEG quality of a camera still. */
export const JPEG_QUALITY = 0.85;

/** What is asked of the camera: video only (the shell refuses the microphone), 1280 × 720 if it
 *  has it (`ideal` never fails on a smaller camera): plenty for a photo of an item or a parcel,
 *  light to keep in the database, and light enough for a software-rendered window to keep the
 *  picture moving (WebKit's mock camera at 2560 × 1440 stalled under Xvfb). */
export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 } },
  audio: false,
};

/** A still ready to keep: what `attachment.add` takes besides the record. */
export type CameraPhoto = { mime: ImageMime; data_base64: string; caption: string };

/** The part of `navigator.mediaDevices` the camera uses (a fake in tests). */
export type CameraDevices = Pick<MediaDevices, "getUserMedia" | "enumerateDevices">;

/** True where a camera can be asked for: getUserMedia exists and a video input is listed. Before
 *  the first permission, WebKit lists one camera with an empty id and label, enough to know. */
export async function cameraOffered(devices: Partial<CameraDevices> | undefined | null): Promise<boolean> {
  if (typeof devices?.getUserMedia !== "function" || typeof devices.enumerateDevices !== "function") return false;
  try {
    const list = await devices.enumerateDevices();
    return list.some((d) => d.kind === "videoinput");
  } catch {
    return false;
  }
}

/** `width × height` scaled down (never up) so that the longer side is at most `max`. */
export function fitWithin(width: number, height: number, max = PHOTO_MAX_SIDE): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0 };
  const longer = Math.max(width, height);
  if (longer <= max) return { width: Math.round(width), height: Math.round(height) };
  const k = max / longer;
  return {
    width: Math.max(1, Math.min(max, Math.round(width * k))),
    height: Math.max(1, Math.min(max, Math.round(height * k))),
  };
}

export type CameraErrorKey =
  | "ui.camera.error.denied"
  | "ui.camera.error.busy"
  | "ui.camera.error.none"
  | "ui.camera.error.other";

/** The name of a thrown DOMException (or anything with a `name`), else "". */
export function errorName(e: unknown): string {
  if (typeof e === "object" && e !== null && "name" in e) {
    const name = (e as { name: unknown }).name;
    return typeof name === "string" ? name : "";
  }
  return "";
}

/** The catalogue key for what getUserMedia refused with (older names included). */
export function cameraErrorKey(e: unknown): CameraErrorKey {
  switch (errorName(e)) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return "ui.camera.error.denied";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "ui.camera.error.busy";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
    case "ConstraintNotSatisfiedError":
      return "ui.camera.error.none";
    default:
      return "ui.camera.error.other";
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The caption of a camera photo, `camera-2026-11-24-103015.jpg`, in the counter's time zone
 *  (the machine's own zone when the zone is unknown). */
export function cameraCaption(at: Date, timeZone?: string, mime: ImageMime = "image/jpeg"): string {
  let parts: Record<string, string>;
  try {
    const fmt = new Intl.DateTimeFormat("en-CA", {
      timeZone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
    });
    parts = Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
  } catch {
    parts = {
      year: String(at.getFullYear()), month: pad(at.getMonth() + 1), day: pad(at.getDate()),
      hour: pad(at.getHours()), minute: pad(at.getMinutes()), second: pad(at.getSeconds()),
    };
  }
  const hour = parts.hour === "24" ? "00" : parts.hour;
  const ext = mime === "image/png" ? "png" : "jpg";
  return `camera-${parts.year}-${parts.month}-${parts.day}-${hour}${parts.minute}${parts.second}.${ext}`;
}

/** The type and base64 of a canvas's `data:` URL, if it is a photo the core keeps (a browser
 *  without a JPEG encoder answers PNG; anything else is refused here). */
export function fromDataUrl(url: string): { mime: ImageMime; data_base64: string } | null {
  const m = /^data:(image\/(?:jpeg|png));base64,([A-Za-z0-9+/]+={0,2})$/.exec(url);
  if (!m || m[2].length === 0) return null;
  return { mime: m[1] as ImageMime, data_base64: m[2] };
}

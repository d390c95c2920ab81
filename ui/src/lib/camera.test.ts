import { describe, expect, it } from "vitest";
import {
  PHOTO_MAX_SIDE, cameraCaption, cameraErrorKey, cameraOffered, errorName, fitWithin, fromDataUrl, type CameraDevices,
} from "./camera";

describe("fitWithin", () => {
  it("scales the longer side down to the maximum, keeping the shape", () => {
    expect(fitWithin(1920, 1080)).toEqual({ width: 1600, height: 900 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4000, 4000, 1000)).toEqual({ width: 1000, height: 1000 });
  });

  it("never scales up", () => {
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
    expect(fitWithin(PHOTO_MAX_SIDE, 10)).toEqual({ width: PHOTO_MAX_SIDE, height: 10 });
  });

  it("keeps a very thin frame at least one pixel", () => {
    expect(fitWithin(100000, 10)).toEqual({ width: 1600, height: 1 });
  });

  it("gives nothing for a camera that has no frame yet", () => {
    expect(fitWithin(0, 0)).toEqual({ width: 0, height: 0 });
    expect(fitWithin(NaN, 480)).toEqual({ width: 0, height: 0 });
  });
});

describe("cameraErrorKey", () => {
  const dom = (name: string) => Object.assign(new Error("raw text never shown"), { name });

  it.each([
    ["NotAllowedError", "ui.camera.error.denied"],
    ["PermissionDeniedError", "ui.camera.error.denied"],
    ["SecurityError", "ui.camera.error.denied"],
    ["NotReadableError", "ui.camera.error.busy"],
    ["TrackStartError", "ui.camera.error.busy"],
    ["AbortError", "ui.camera.error.busy"],
    ["NotFoundError", "ui.camera.error.none"],
    ["DevicesNotFoundError", "ui.camera.error.none"],
    ["OverconstrainedError", "ui.camera.error.none"],
    ["TypeError", "ui.camera.error.other"],
  ])("%s → %s", (name, key) => {
    expect(cameraErrorKey(dom(name))).toBe(key);
  });

  it("answers something for whatever is thrown", () => {
    expect(cameraErrorKey("boom")).toBe("ui.camera.error.other");
    expect(cameraErrorKey(null)).toBe("ui.camera.error.other");
    expect(cameraErrorKey({ name: 42 })).toBe("ui.camera.error.other");
    expect(errorName({ name: "NotFoundError" })).toBe("NotFoundError");
    expect(errorName(undefined)).toBe("");
  });
});

describe("cameraCaption", () => {
  const at = new Date("2026-11-24T02:30:05Z");

  it("names the photo by the counter's local time", () => {
    expect(cameraCaption(at, "Asia/Shanghai")).toBe("camera-2026-11-24-103005.jpg");
    expect(cameraCaption(at, "Asia/Seoul")).toBe("camera-2026-11-24-113005.jpg");
    expect(cameraCaption(new Date("2026-11-24T16:00:00Z"), "Asia/Shanghai")).toBe("camera-2026-11-25-000000.jpg");
    expect(cameraCaption(at, "Asia/Shanghai", "image/png")).toBe("camera-2026-11-24-103005.png");
  });

  it("falls back to the machine's zone for an unknown zone", () => {
    expect(cameraCaption(at, "Not/AZone")).toMatch(/^camera-\d{4}-\d{2}-\d{2}-\d{6}\.jpg$/);
  });
});

describe("fromDataUrl", () => {
  it("takes the base64 of a JPEG or PNG", () => {
    expect(fromDataUrl("data:image/jpeg;base64,/9j/4AAQ==")).toEqual({ mime: "image/jpeg", data_base64: "/9j/4AAQ==" });
    expect(fromDataUrl("data:image/png;base64,iVBORw0K")).toEqual({ mime: "image/png", data_base64: "iVBORw0K" });
  });

  it("refuses an empty canvas and other types", () => {
    expect(fromDataUrl("data:,")).toBeNull();
    expect(fromDataUrl("data:image/jpeg;base64,")).toBeNull();
    expect(fromDataUrl("data:image/gif;base64,R0lGOD")).toBeNull();
    expect(fromDataUrl("data:image/jpeg,notbase64")).toBeNull();
  });
});

describe("cameraOffered", () => {
  const devices = (kinds: MediaDeviceKind[]): CameraDevices => ({
    getUserMedia: () => Promise.reject(new Error("not in a test")),
    enumerateDevices: () =>
      Promise.resolve(kinds.map((kind) => ({ kind, deviceId: "", groupId: "", label: "", toJSON: () => ({}) }))),
  });

  it("is offered when a video input is listed, even without its label", async () => {
    expect(await cameraOffered(devices(["audioinput", "videoinput"]))).toBe(true);
  });

  it("is not offered without a video input, without getUserMedia, or when listing fails", async () => {
    expect(await cameraOffered(devices(["audioinput", "audiooutput"]))).toBe(false);
    expect(await cameraOffered(undefined)).toBe(false);
    expect(await cameraOffered({ enumerateDevices: devices(["videoinput"]).enumerateDevices })).toBe(false);
    expect(await cameraOffered({
      getUserMedia: devices([]).getUserMedia,
      enumerateDevices: () => Promise.reject(new DOMException("no", "NotAllowedError")),
    })).toBe(false);
  });
});

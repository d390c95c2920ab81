//! The camera for photos of found items and parcels, where the system offers one. The web view
//! reaches it through `getUserMedia`; WebKitGTK ships with media capture off and refuses every
//! permission request nobody answers, so on Linux the window turns capture on and allows video
//! only (never the microphone, never screen capture). `FRONTDESK_MOCK_CAMERA=1` swaps in
//! WebKit's synthetic camera, so the end-to-end tests take a real photo through the same path.
//! Windows' WebView2 asks the user itself; macOS asks with the text of `Info.plist`.

/// Let the window's page use a camera (Linux: WebKitGTK settings and permission answer).
#[cfg(target_os = "linux")]
pub fn allow_camera(window: &tauri::WebviewWindow) {
    let mock = std::env::var_os("FRONTDESK_MOCK_CAMERA").is_some();
    let done = window.with_webview(move |platform| {
        use webkit2gtk::glib::prelude::Cast;
        use webkit2gtk::{
            PermissionRequestExt, SettingsExt, UserMediaPermissionRequest,
            UserMediaPermissionRequestExt, WebViewExt,
        };
        let view = platform.inner();
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_enable_media_stream(true);
            if mock {
                settings.set_enable_mock_capture_devices(true);
            }
        }
        view.connect_permission_request(|_, request| {
            let Some(media) = request.downcast_ref::<UserMediaPermissionRequest>() else {
                return false; // anything else: WebKit's default, which refuses
            };
            if media.is_for_video_device() && !media.is_for_audio_device() {
                request.allow();
            } else {
                request.deny();
            }
            true
        });
    });
    if let Err(e) = done {
        eprintln!("the camera could not be enabled: {e}");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn allow_camera(_window: &tauri::WebviewWindow) {}

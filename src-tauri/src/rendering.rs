//! How WebKitGTK paints the window, chosen before the web view starts.
//!
//! WebKitGTK paints with the GPU by default: Skia rasterises tiles with GL and the page is
//! composited with GL. On a machine with no GPU — a virtual machine, a remote desktop, an old
//! thin client, an X server without a graphics card — Mesa emulates that GL on the CPU
//! (llvmpipe), which is slower than painting on the CPU directly: measured here (Xvfb, 2 cores,
//! BENCHMARKS.md), Today's first screen was ready ~100 ms later and the window kept ~25 MB more.
//! So, with no GPU render node, WebKit paints its tiles on the CPU
//! (`WEBKIT_SKIA_ENABLE_CPU_RENDERING`, what WPE WebKit does by default on low-powered devices).
//! With a GPU nothing changes. Compositing stays on: turning it off as well
//! (`WEBKIT_DISABLE_COMPOSITING_MODE`) was faster still, but left the window unable to give a
//! snapshot after a language switch (WebDriver's screenshot hung), a sign of a path WebKit no
//! longer tests well.
//!
//! `FRONTDESK_RENDERING=gpu|cpu` overrides the guess; a `WEBKIT_*` variable already set by the
//! user or the system is never touched.

/// What the window paints with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// WebKit's defaults (GPU tiles and GL compositing).
    Gpu,
    /// WebKit's CPU paths.
    Cpu,
}

/// The variables that put WebKitGTK on its CPU paths.
pub const CPU_VARIABLES: [(&str, &str); 1] = [("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1")];

/// The choice, from the environment (`var`) and whether the machine has a GPU render node.
pub fn choose(var: impl Fn(&str) -> Option<String>, has_render_node: bool) -> Rendering {
    match var("FRONTDESK_RENDERING").as_deref().map(str::trim) {
        Some(v) if v.eq_ignore_ascii_case("gpu") => return Rendering::Gpu,
        Some(v) if v.eq_ignore_ascii_case("cpu") => return Rendering::Cpu,
        _ => {}
    }
    // Mesa told to render in software is the same as having no GPU.
    let forced_software = var("LIBGL_ALWAYS_SOFTWARE").is_some_and(|v| v != "0" && !v.is_empty());
    if has_render_node && !forced_software {
        Rendering::Gpu
    } else {
        Rendering::Cpu
    }
}

/// The variables to set for `rendering`: those of `CPU_VARIABLES` not already set.
pub fn variables(
    rendering: Rendering,
    var: impl Fn(&str) -> Option<String>,
) -> Vec<(&'static str, &'static str)> {
    match rendering {
        Rendering::Gpu => Vec::new(),
        Rendering::Cpu => CPU_VARIABLES
            .into_iter()
            .filter(|(k, _)| var(k).is_none())
            .collect(),
    }
}

/// Whether a DRM render node (`/dev/dri/renderD*`) is present and this user may open it: a GPU
/// Mesa can use (without the permission — not in the `render` group — Mesa falls back to
/// llvmpipe too).
#[cfg(target_os = "linux")]
fn has_render_node() -> bool {
    let Ok(dir) = std::fs::read_dir("/dev/dri") else {
        return false;
    };
    dir.filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        .any(|e| {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(e.path())
                .is_ok()
        })
}

/// Choose and apply. Call first thing in `main`, before any thread starts (it sets process
/// environment variables, which WebKit's processes inherit). Returns the variables it set.
#[cfg(target_os = "linux")]
pub fn apply() -> Vec<(&'static str, &'static str)> {
    let var = |k: &str| std::env::var(k).ok();
    let set = variables(choose(var, has_render_node()), var);
    for (k, v) in &set {
        std::env::set_var(k, v);
    }
    set
}

/// WebView2 and WKWebView choose for themselves.
#[cfg(not(target_os = "linux"))]
pub fn apply() -> Vec<(&'static str, &'static str)> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn a_machine_with_a_gpu_keeps_webkits_defaults() {
        assert_eq!(choose(env(&[]), true), Rendering::Gpu);
        assert!(variables(Rendering::Gpu, env(&[])).is_empty());
    }

    #[test]
    fn no_render_node_or_software_mesa_paints_on_the_cpu() {
        assert_eq!(choose(env(&[]), false), Rendering::Cpu);
        assert_eq!(
            choose(env(&[("LIBGL_ALWAYS_SOFTWARE", "1")]), true),
            Rendering::Cpu
        );
        assert_eq!(
            choose(env(&[("LIBGL_ALWAYS_SOFTWARE", "0")]), true),
            Rendering::Gpu
        );
        assert_eq!(variables(Rendering::Cpu, env(&[])), CPU_VARIABLES.to_vec());
    }

    #[test]
    fn the_override_wins_and_a_users_webkit_variable_is_left_alone() {
        assert_eq!(
            choose(env(&[("FRONTDESK_RENDERING", "GPU")]), false),
            Rendering::Gpu
        );
        assert_eq!(
            choose(env(&[("FRONTDESK_RENDERING", "cpu")]), true),
            Rendering::Cpu
        );
        // An unknown value falls back to the guess.
        assert_eq!(
            choose(env(&[("FRONTDESK_RENDERING", "fast")]), true),
            Rendering::Gpu
        );
        let set = variables(
            Rendering::Cpu,
            env(&[("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "0")]),
        );
        assert!(set.is_empty(), "the user's own choice stands: {set:?}");
    }
}

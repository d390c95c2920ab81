//! The UI's generated TypeScript types (`ui/src/gen/api.ts`) match the Rust types.

use std::path::Path;

#[test]
fn generated_typescript_is_current() {
    let rendered = frontdesk::typescript::render().expect("types render without name clashes");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/gen/api.ts");
    if std::env::var_os("UPDATE_TS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &rendered).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "ui/src/gen/api.ts is stale: run `bash scripts/gen-ts.sh` and commit the result"
    );
    // Every operation is in the map, with its own request type.
    for op in frontdesk::api::registry() {
        assert!(
            rendered.contains(&format!("  {:?}: {{ req: ", op.name)),
            "{} missing from Ops",
            op.name
        );
    }
    // Integers are plain numbers for the UI, never bigint.
    assert!(!rendered.contains("bigint"));
}

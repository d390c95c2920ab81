//! The UI's TypeScript types, generated from the Rust request and response types so the two
//! can never drift: `ui/src/gen/api.ts` holds every type an operation takes or returns, the
//! `Ops` map from operation name to its request and response, the error codes, and the value
//! lists of the closed sets the UI offers in pickers.
//!
//! `tests/all/typescript.rs` fails when the committed file differs from [`render`]; run
//! `UPDATE_TS=1 cargo test --test all typescript` (or `bash scripts/gen-ts.sh`) to rewrite it.

use crate::api::registry;
use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use ts_rs::{Config, TypeVisitor, TS};

/// The ts-rs settings: every integer is a JS `number` (ids and counts stay far below 2^53, and
/// serde_json sends them as plain numbers).
pub fn config() -> Config {
    Config::new().with_large_int("number")
}

/// The declarations reached from the operations, by TypeScript name.
#[derive(Default)]
pub struct Collector {
    seen: HashSet<TypeId>,
    decls: BTreeMap<String, String>,
    clashes: Vec<String>,
}

impl Collector {
    /// Add `T` and every type it names.
    pub fn add<T: TS + 'static + ?Sized>(&mut self) {
        self.visit::<T>();
        T::visit_generics(self);
    }
}

impl TypeVisitor for Collector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only declared types (structs and enums) have a file of their own; primitives,
        // wrappers and std collections are written inline.
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let cfg = config();
        let name = T::ident(&cfg);
        let decl = T::decl(&cfg);
        match self.decls.get(&name) {
            Some(existing) if *existing != decl => self.clashes.push(name),
            Some(_) => {}
            None => {
                self.decls.insert(name, decl);
            }
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// How an operation's types are reported to the generator.
pub(crate) struct OpTypes {
    pub req: fn(&Config) -> String,
    pub resp: fn(&Config) -> String,
    pub collect: fn(&mut Collector),
}

impl OpTypes {
    pub(crate) fn of<Req: TS + 'static, Resp: TS + 'static>() -> OpTypes {
        OpTypes {
            req: Req::name,
            resp: Resp::name,
            collect: |c| {
                c.add::<Req>();
                c.add::<Resp>();
            },
        }
    }
}

/// Value lists for the UI's pickers: `export const X_VALUES = [...]`.
fn value_lists() -> Vec<(String, Vec<&'static str>)> {
    fn list<T: TS + 'static>(values: &[T], name: fn(&T) -> &'static str) -> (String, Vec<&str>) {
        (T::ident(&config()), values.iter().map(name).collect())
    }
    use crate::{checklist, complaints, forms, lost_found as lf, mail, shift};
    vec![
        list(shift::LogKind::ALL, |v| v.as_str()),
        list(shift::EntryStatus::ALL, |v| v.as_str()),
        list(shift::ShiftStatus::ALL, |v| v.as_str()),
        list(checklist::ChecklistKind::ALL, |v| v.as_str()),
        list(lf::Category::ALL, |v| v.as_str()),
        list(lf::Arrival::ALL, |v| v.as_str()),
        list(lf::FoundStatus::ALL, |v| v.as_str()),
        list(lf::ReportStatus::ALL, |v| v.as_str()),
        list(lf::IdDocType::ALL, |v| v.as_str()),
        list(lf::Disposition::ALL, |v| v.as_str()),
        list(mail::Direction::ALL, |v| v.as_str()),
        list(mail::ParcelKind::ALL, |v| v.as_str()),
        list(mail::ParcelStatus::ALL, |v| v.as_str()),
        list(mail::NotifyChannel::ALL, |v| v.as_str()),
        list(mail::ExceptionKind::ALL, |v| v.as_str()),
        list(mail::Carrier::ALL, |v| v.as_str()),
        list(complaints::Weight::ALL, |v| v.as_str()),
        list(complaints::Channel::ALL, |v| v.as_str()),
        list(complaints::Category::ALL, |v| v.as_str()),
        list(complaints::Severity::ALL, |v| v.as_str()),
        list(complaints::ComplaintStatus::ALL, |v| v.as_str()),
        list(forms::FormKind::ALL, |v| v.as_str()),
        list(crate::attachments::AttachEntity::ALL, |v| v.as_str()),
        list(crate::attachments::AttachmentKind::ALL, |v| v.as_str()),
        list(crate::attachments::ImageMime::ALL, |v| v.as_str()),
    ]
}

/// The whole generated file. Errors name the TypeScript types two Rust types both claim.
pub fn render() -> Result<String, String> {
    let cfg = config();
    let mut c = Collector::default();
    c.add::<crate::error::ApiError>();
    c.add::<crate::i18n::Locale>();
    // The sign-in screen's types (Desk methods, not operations: nobody is signed in yet).
    c.add::<crate::auth::SignIn>();
    c.add::<crate::auth::SignedIn>();
    c.add::<crate::auth::RosterEntry>();
    let mut ops = String::new();
    for op in registry() {
        (op.types.collect)(&mut c);
        ops.push_str(&format!(
            "  {:?}: {{ req: {}; resp: {}; writes: {} }};\n",
            op.name,
            (op.types.req)(&cfg),
            (op.types.resp)(&cfg),
            op.writes
        ));
    }
    let lists = value_lists();
    for (name, _) in &lists {
        c.decls
            .get(name)
            .ok_or_else(|| format!("{name} is listed for pickers but no operation uses it"))?;
    }
    if !c.clashes.is_empty() {
        c.clashes.sort();
        c.clashes.dedup();
        return Err(format!(
            "two Rust types share the TypeScript name(s) {}; give one #[ts(rename = \"…\")]",
            c.clashes.join(", ")
        ));
    }
    let mut out = String::from(
        "// Generated from the Rust types by `bash scripts/gen-ts.sh` (src/typescript.rs).\n\
         // Do not edit: CI fails when this file is stale.\n/* eslint-disable */\n\n",
    );
    for decl in c.decls.values() {
        out.push_str("export ");
        out.push_str(decl);
        out.push_str("\n\n");
    }
    out.push_str("/** Every operation: its request, its response, whether it writes. */\n");
    out.push_str("export interface Ops {\n");
    out.push_str(&ops);
    out.push_str("}\n\nexport type OpName = keyof Ops;\n\n");
    out.push_str("/** The operations that write, for the UI's saving indicator. */\n");
    let writes: Vec<String> = registry()
        .iter()
        .filter(|o| o.writes)
        .map(|o| format!("{:?}", o.name))
        .collect();
    out.push_str(&format!(
        "export const WRITE_OPS: readonly OpName[] = [{}];\n\n",
        writes.join(", ")
    ));
    for (name, values) in lists {
        let quoted: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
        out.push_str(&format!(
            "export const {name}_VALUES: readonly {name}[] = [{}];\n",
            quoted.join(", ")
        ));
    }
    Ok(out)
}

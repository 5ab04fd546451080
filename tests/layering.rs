//! The layering rule of `docs/architecture.md`, as a test: every
//! `crate::…` path in `src/` (in `use` lines and in code) names a module on
//! its own floor or a lower one, and the modules form no cycle. A new
//! top-level module fails the test until it is given a floor here and in
//! the document. The few imports that break the rule and are not yet
//! removed are listed in [`KNOWN_EXCEPTIONS`] with the reason; one that
//! disappears must leave the list too, so it only shrinks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The floors, lowest first. A module may use modules on its own floor or
/// below; on its own floor only without a cycle. `crate` is the library
/// root (`lib.rs`: `install_tls_provider`).
const FLOORS: &[&[&str]] = &[
    // 0: leaves, knowing nothing of the other modules.
    &[
        "crate",
        "config",
        "clock",
        "countries",
        "detect",
        "metrics",
        "healthcheck",
        "open_files",
        "i18n",
        "traffic",
    ],
    // 1: inputs and plain helpers.
    &["catalog", "geo", "ingest", "http_cache", "telemetry"],
    // 2: the store.
    &["store"],
    // 3: domains that keep documents in the store.
    &["cause", "events", "official"],
    // 4: read models.
    &["read"],
    // 5: the detector's driver.
    &["driver"],
    // 6: the demo (drives the driver on simulated traffic).
    &["demo"],
    // 7: what every handler receives.
    &["state"],
    // 8: the HTTP edge.
    &["api", "web"],
    // 9: the app factory.
    &["startup"],
];

/// Imports still in the code that break the rule (upward, or closing a
/// cycle on one floor): (file under `src/`, module used, why).
const KNOWN_EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "ingest/identity.rs",
        "store",
        "the day's reporter secret is proposed to and read from the store",
    ),
    (
        "state.rs",
        "api",
        "AppState holds the API's guards and caches (ApiKeys, AdminAuth, AdminGuard, StreamSlots, ServiceAnswers, FollowState)",
    ),
    (
        "state.rs",
        "web",
        "AppState holds the rendered-page cache (PageCache)",
    ),
    (
        "api/guard.rs",
        "web",
        "the guard in front of pages and API answers a refused page with an HTML page",
    ),
];

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|floor| floor.contains(&module))
}

/// Drops `//` comments (doc comments too: an intra-doc link is no
/// dependency) and the text of string literals.
fn strip(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let mut in_string = false;
        let mut escaped = false;
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                    out.push('"');
                }
            } else if c == '\'' && chars.get(i + 1) == Some(&'"') && chars.get(i + 2) == Some(&'\'')
            {
                out.push_str("'\"'");
                i += 2;
            } else if c == '"' {
                in_string = true;
                out.push('"');
            } else if c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            } else {
                out.push(c);
            }
            i += 1;
        }
        out.push('\n');
    }
    out
}

fn ident_at(text: &str) -> Option<&str> {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    (end > 0).then(|| &text[..end])
}

/// The top-level modules a source file names through `crate::`, including
/// each item of `use crate::{a::…, b, …}`.
fn crate_modules(source: &str) -> BTreeSet<String> {
    let text = strip(source);
    let mut out = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        if let Some(name) = ident_at(group[item_start..i].trim_start()) {
                            out.insert(name.to_string());
                        }
                        item_start = i + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        } else if let Some(name) = ident_at(rest) {
            out.insert(name.to_string());
        }
    }
    // A name that is no module of src/ is an item of lib.rs: the root's.
    out.into_iter()
        .map(|m| {
            let is_module = Path::new("src").join(format!("{m}.rs")).exists()
                || Path::new("src").join(&m).is_dir();
            if floor_of(&m).is_some() || is_module {
                m
            } else {
                "crate".to_string()
            }
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`api/guard.rs`:
/// `api`; `state.rs`: `state`; `lib.rs`: `crate`), None for the binary.
fn module_of(relative: &str) -> Option<String> {
    match relative {
        "main.rs" => None,
        "lib.rs" => Some("crate".into()),
        _ => {
            let first = relative.split('/').next().unwrap_or(relative);
            Some(first.trim_end_matches(".rs").to_string())
        }
    }
}

/// Every cross-module use: (file, from module, to module).
fn uses_in(src: &Path) -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut out = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(from) = module_of(&relative) else {
            continue;
        };
        let source = std::fs::read_to_string(&path).expect("read source");
        for to in crate_modules(&source) {
            if to != from {
                out.push((relative.clone(), from.clone(), to));
            }
        }
    }
    out
}

/// What breaks the rule, as sentences; empty when the layering holds.
fn violations(src: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let uses = uses_in(src);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut seen_known = BTreeSet::new();
    for (file, from, to) in &uses {
        let (Some(f), Some(t)) = (floor_of(from), floor_of(to)) else {
            for m in [from, to] {
                if floor_of(m).is_none() {
                    problems.push(format!(
                        "module `{m}` (used in src/{file}) has no floor: add it to FLOORS in tests/layering.rs and to docs/architecture.md"
                    ));
                }
            }
            continue;
        };
        if let Some(known) = KNOWN_EXCEPTIONS
            .iter()
            .find(|(kf, kt, _)| kf == file && kt == to)
        {
            seen_known.insert((known.0, known.1));
            continue;
        }
        if t > f {
            problems.push(format!(
                "src/{file}: `{from}` (floor {f}) uses `crate::{to}` (floor {t}), an upward import"
            ));
        }
        graph.entry(from.clone()).or_default().insert(to.clone());
    }
    for (file, to, _) in KNOWN_EXCEPTIONS {
        if !seen_known.contains(&(*file, *to)) {
            problems.push(format!(
                "src/{file} no longer uses `crate::{to}`: remove it from KNOWN_EXCEPTIONS"
            ));
        }
    }
    if let Some(cycle) = find_cycle(&graph) {
        problems.push(format!("import cycle: {}", cycle.join(" -> ")));
    }
    problems.sort();
    problems.dedup();
    problems
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn dependencies_point_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = violations(&src);
    assert!(
        problems.is_empty(),
        "the layering of docs/architecture.md is broken:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn every_floor_names_a_module_of_src() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for module in FLOORS.iter().flat_map(|f| f.iter()) {
        if *module == "crate" {
            continue;
        }
        assert!(
            src.join(format!("{module}.rs")).exists() || src.join(module).is_dir(),
            "FLOORS names `{module}`, which is not a module of src/"
        );
    }
}

#[test]
fn the_parser_sees_grouped_and_inline_paths() {
    let source = r#"
        //! See [`crate::startup`] (a doc link is no dependency).
        use crate::{
            catalog::Catalog,
            store::{self, Store},
        };
        use crate::read::views::Views;
        fn f() { crate::events::publish(); let s = "crate::web"; }
    "#;
    let found: Vec<String> = crate_modules(source).into_iter().collect();
    assert_eq!(found, ["catalog", "events", "read", "store"]);
}

#[test]
fn an_upward_import_is_reported() {
    let dir = std::env::temp_dir().join(format!("layering-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("store")).expect("mkdir");
    std::fs::write(dir.join("store/mod.rs"), "use crate::read::views::Views;\n").expect("write");
    std::fs::write(dir.join("read.rs"), "use crate::store::Store;\n").expect("write");
    let problems = violations(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        problems
            .iter()
            .any(|p| p
                .starts_with("src/store/mod.rs: `store` (floor 2) uses `crate::read` (floor 4)")),
        "{problems:?}"
    );
}

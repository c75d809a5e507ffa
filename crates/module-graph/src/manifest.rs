//! The dependencies a `Cargo.toml` declares, read line by line: enough for "never depends on X"
//! rules, not a TOML parser.

/// One dependency: its section (`dependencies`, `dev-dependencies`,
/// `target.'cfg(unix)'.dependencies`…), its name, and what follows the `=` (or, for a
/// `[dependencies.name]` table, its lines joined by `, `).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dependency {
    pub section: String,
    pub name: String,
    pub spec: String,
}

/// Every dependency `manifest` declares, in order.
pub fn dependencies(manifest: &str) -> Vec<Dependency> {
    let mut found: Vec<Dependency> = vec![];
    // The section of `name = spec` lines, or the table of one dependency.
    let mut section: Option<String> = None;
    let mut table = false;
    for line in manifest.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let header = header.trim();
            section = None;
            table = false;
            if header.ends_with("dependencies") {
                section = Some(header.to_owned());
            } else if let Some((owner, name)) = header.rsplit_once('.')
                && owner.ends_with("dependencies")
            {
                table = true;
                found.push(Dependency {
                    section: owner.to_owned(),
                    name: name.to_owned(),
                    spec: String::new(),
                });
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        match &section {
            _ if table => {
                let spec = &mut found.last_mut().unwrap().spec;
                if !spec.is_empty() {
                    spec.push_str(", ");
                }
                spec.push_str(line);
            }
            Some(section) => found.push(Dependency {
                section: section.clone(),
                name: key.trim().trim_matches('"').to_owned(),
                spec: value.trim().to_owned(),
            }),
            None => {}
        }
    }
    found
}

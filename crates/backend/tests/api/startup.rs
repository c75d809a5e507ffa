//! The real binary's start-up refusal: no production default points at the emulator's data.

use std::process::Command;

use crate::helpers::{ALCMEON_SECRET, INSTANCE_ID, ORG_ID, SESSION_SECRET};

#[test]
fn the_backend_refuses_to_start_without_alcmeon_ids_and_names_each_missing_one() {
    let output = Command::new(env!("CARGO_BIN_EXE_alcmeon-widget-backend"))
        .env_clear()
        .env("BACKEND_ADDR", "127.0.0.1:0")
        .env("BACKEND_ORGS", format!("{ORG_ID}={SESSION_SECRET}@1"))
        .env("ALCMEON_INSTANCE_ID", INSTANCE_ID)
        .env("ALCMEON_APP_SECRET", ALCMEON_SECRET)
        .env("ALCMEON_ROLES_FOR_MODERATE", "802")
        .output()
        .expect("the backend binary runs");
    assert!(!output.status.success(), "it started: {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "cannot start: ALCMEON_COMPANY_ID, ALCMEON_ROLES_FOR_REPLY, ALCMEON_TEAMS are required"
        ),
        "{stderr}"
    );
}

/// One backend serves one Alcméon environment: an org naming another company is refused by name.
#[test]
fn the_backend_refuses_to_start_with_an_org_of_another_alcmeon_environment() {
    let output = Command::new(env!("CARGO_BIN_EXE_alcmeon-widget-backend"))
        .env_clear()
        .env("BACKEND_ADDR", "127.0.0.1:0")
        .env(
            "BACKEND_ORGS",
            format!("{ORG_ID}={SESSION_SECRET}@1,00D000000000OTHRAAA={SESSION_SECRET}@2"),
        )
        .env("ALCMEON_INSTANCE_ID", INSTANCE_ID)
        .env("ALCMEON_APP_SECRET", ALCMEON_SECRET)
        .env("ALCMEON_COMPANY_ID", "1")
        .env("ALCMEON_ROLES_FOR_REPLY", "801")
        .env("ALCMEON_ROLES_FOR_MODERATE", "802")
        .env("ALCMEON_TEAMS", "901")
        .output()
        .expect("the backend binary runs");
    assert!(!output.status.success(), "it started: {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "org 00D000000000OTHRAAA names Alcméon company 2, but this backend serves company 1"
        ) && stderr.contains("run one backend per environment"),
        "{stderr}"
    );
}

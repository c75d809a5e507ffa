use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The emulator's binary on a free port with this state file, and the first line it printed.
fn start_binary(state: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alcmeon-emulator"))
        .env("ALCMEON_EMULATOR_ADDR", "127.0.0.1:0")
        .env("ALCMEON_EMULATOR_STATE", state)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line)
}

#[test]
fn the_binary_prints_one_line_with_its_address() {
    let folder = tempfile::tempdir().unwrap();
    let (mut child, line) = start_binary(&folder.path().join("state.json"));
    child.kill().unwrap();
    child.wait().unwrap();

    let url = line
        .trim_end()
        .strip_prefix("alcmeon-emulator listening on http://")
        .unwrap_or_else(|| panic!("unexpected line {line:?}"));
    let addr: std::net::SocketAddr = url.parse().unwrap();
    assert_ne!(addr.port(), 0);
}

/// Messages injected in a burst, then SIGTERM (how the test stacks stop the emulator): the state
/// file holds every one of them, though the saver rests between writes.
#[tokio::test]
async fn a_terminated_emulator_leaves_every_change_in_its_state_file() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("state.json");
    let (mut child, line) = start_binary(&state);
    let url = line
        .trim_end()
        .strip_prefix("alcmeon-emulator listening on ")
        .unwrap()
        .to_owned();
    let http = reqwest::Client::new();
    for n in 1..=5 {
        let response = http
            .post(format!("{url}/_emulator/conversations/1003/inbound"))
            .json(&serde_json::json!({ "text": format!("burst message {n}") }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let terminated = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(terminated.success());
    assert!(child.wait().unwrap().success());

    let saved = std::fs::read_to_string(&state).unwrap();
    for n in 1..=5 {
        assert!(
            saved.contains(&format!("burst message {n}")),
            "message {n} is in the state file"
        );
    }
}

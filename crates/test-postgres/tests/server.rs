//! The test server: fresh databases work, are independent, come in parallel, and the server dies
//! with its test process.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::{Connection, PgConnection};
use test_postgres::fresh_database;

async fn connect(url: &str) -> PgConnection {
    PgConnection::connect(url).await.unwrap()
}

#[tokio::test]
async fn a_query_runs_on_a_fresh_empty_database() {
    let mut db = connect(&fresh_database().await).await;
    let sum: i32 = sqlx::query_scalar("SELECT 1 + 1")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(sum, 2);
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_one(&mut db)
    .await
    .unwrap();
    assert_eq!(tables, 0);
}

#[tokio::test]
async fn two_fresh_databases_are_independent() {
    let (first, second) = (fresh_database().await, fresh_database().await);
    assert_ne!(first, second);
    let mut first = connect(&first).await;
    sqlx::raw_sql("CREATE TABLE note (body text); INSERT INTO note VALUES ('only in the first')")
        .execute(&mut first)
        .await
        .unwrap();
    let mut second = connect(&second).await;
    let table: Option<String> = sqlx::query_scalar("SELECT to_regclass('note')::text")
        .fetch_one(&mut second)
        .await
        .unwrap();
    assert_eq!(
        table, None,
        "the second database sees the first one's table"
    );
    let notes: i64 = sqlx::query_scalar("SELECT count(*) FROM note")
        .fetch_one(&mut first)
        .await
        .unwrap();
    assert_eq!(notes, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_fresh_databases_all_work() {
    let calls: Vec<_> = (0..20).map(|_| tokio::spawn(fresh_database())).collect();
    let mut names = Vec::new();
    for call in calls {
        let url = call.await.unwrap();
        let mut db = connect(&url).await;
        let name: String = sqlx::query_scalar("SELECT current_database()")
            .fetch_one(&mut db)
            .await
            .unwrap();
        assert!(url.ends_with(&format!("/{name}")), "{url} is {name}");
        names.push(name);
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 20, "{names:?}");
}

#[test]
fn the_server_dies_with_its_process_even_under_sigkill() {
    let mut holder = Command::new(env!("CARGO_BIN_EXE_test-postgres-hold"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let _ = BufReader::new(holder.stdout.take().unwrap()).read_line(&mut line);
    let printed = line
        .strip_prefix("postmaster ")
        .and_then(|rest| rest.trim().split_once(' '))
        .and_then(|(pid, data)| Some((pid.parse::<u32>().ok()?, PathBuf::from(data))));
    let was_alive = printed.as_ref().is_some_and(|(pid, _)| is_alive(*pid));
    holder.kill().unwrap(); // SIGKILL: no atexit hook, no destructor runs
    holder.wait().unwrap();
    let (postmaster, data) = printed.unwrap_or_else(|| panic!("the holder printed {line:?}"));
    assert!(was_alive, "postmaster {postmaster} was not running");
    let deadline = Instant::now() + Duration::from_secs(5);
    while is_alive(postmaster) {
        if Instant::now() > deadline {
            // SAFETY: plain syscall. Do not leave the orphan behind; SIGQUIT, which unlike
            // SIGKILL lets it free its shared memory.
            unsafe { libc::kill(postmaster as libc::pid_t, libc::SIGQUIT) };
            panic!("postmaster {postmaster} outlived its SIGKILLed test process by 5 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // An immediate shutdown (SIGQUIT), not a kill: it removed its pid file and shared memory.
    assert!(!data.join("postmaster.pid").exists());
    // What a SIGKILL leaves is the folder, which the next server's start would remove.
    std::fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

/// Whether a process runs (a zombie, dead but not yet reaped by whoever adopted it, does not).
fn is_alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z'))
    })
}

//! Test-only: starts this process's test server from a thread that ends at once (the server must
//! outlive it: the death signal follows the thread that forked the server, which therefore is
//! not the caller's), keeps one connection open on a fresh database, prints `postmaster <pid> <data
//! directory>` and waits to be killed. The crate's tests SIGKILL it and watch the server die with it.

use sqlx::{Connection, PgConnection};

fn main() {
    std::thread::spawn(test_postgres::server_url)
        .join()
        .unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut connection = PgConnection::connect(&test_postgres::fresh_database().await)
            .await
            .unwrap();
        let data: String = sqlx::query_scalar("SHOW data_directory")
            .fetch_one(&mut connection)
            .await
            .unwrap();
        let pid_file = std::fs::read_to_string(format!("{data}/postmaster.pid")).unwrap();
        println!("postmaster {} {data}", pid_file.lines().next().unwrap());
        std::future::pending::<()>().await;
    });
}

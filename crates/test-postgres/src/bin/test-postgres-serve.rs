//! For benchmarks: starts a throwaway server, prints the URL of a fresh database on it, and keeps
//! it until its standard input closes (or the process is killed); then the server stops and its
//! folder goes (`make bench` runs the backend on PostgreSQL through it).

use std::io::Read;

fn main() {
    // From a thread that ends at once, like any caller: the server outlives it (see the crate).
    std::thread::spawn(test_postgres::server_url)
        .join()
        .unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    println!("{}", runtime.block_on(test_postgres::fresh_database()));
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}

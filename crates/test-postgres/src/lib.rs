//! A throwaway PostgreSQL server for tests: [`fresh_database`] hands each test a brand-new empty
//! database, so `make test` needs no server set up beforehand and parallel tests never see each
//! other's data. Dev-only: a test dependency, never part of a build that ships.
//!
//! Invariants:
//! - **One server per test process**, started on first use (the first call blocks its thread for
//!   about a second): `initdb` into a temporary folder (trust authentication, `--no-sync`), then
//!   `postgres` on 127.0.0.1 at a free port with its unix socket in that folder, tuned for speed
//!   over durability (`fsync`, `synchronous_commit`, `full_page_writes` off) and for many parallel
//!   tests (`max_connections` = the larger of 300 and 16 per CPU). If it cannot start, every caller panics with the server's log.
//! - **One database per call**: [`fresh_database`] runs `CREATE DATABASE` under a name unique in the
//!   process and returns its URL; everyone connects as the superuser `postgres`, no password.
//! - **The server dies with the process**, however the process ends. On a normal exit an `atexit`
//!   hook shuts it down and removes the folder. If the process is killed, even by SIGKILL, the
//!   kernel sends the server SIGQUIT (`PR_SET_PDEATHSIG`), an immediate shutdown that also ends its
//!   backends and frees its shared memory; only the folder remains (about 40 MB: data directory
//!   and server log), and the next server to start removes such folders once their owner process
//!   and server are gone. The death signal is set in the child after its uid switch (which clears
//!   it), and the child is forked by a thread that lives as long as the server: the signal follows
//!   the forking *thread*, and a test's thread ends with its test.
//! - Binaries: `initdb` and `postgres` from `PATH`, else from the highest `/usr/lib/postgresql/*/bin`
//!   (Debian's `postgresql` package; `.ci/bootstrap` installs it where neither has them).
//! - PostgreSQL refuses to run as root: as root, `initdb` and `postgres` run as the `postgres`
//!   system user (which Debian's package creates) and the folder is theirs; otherwise as the
//!   current user. The folder lies in [`std::env::temp_dir`], which that user must be able to reach.

use std::fs;
use std::io;
use std::net::{Ipv4Addr, TcpListener};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError, mpsc};
use std::time::{Duration, Instant};

use sqlx::{AssertSqlSafe, Connection, Executor, PgConnection};

/// The name of each server's temporary folder starts with this.
const PREFIX: &str = "test-postgres-";
/// How long the server may take to accept connections before the start counts as failed.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The URL of a new, empty database on this process's server (started on first use), e.g.
/// `postgres://postgres@127.0.0.1:40123/test_7`. Panics if the server cannot start.
pub async fn fresh_database() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let server = server();
    let name = format!("test_{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let mut admin = PgConnection::connect(&server.url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to the test server {}: {e}", server.url));
    admin
        .execute(AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await
        .unwrap_or_else(|e| panic!("CREATE DATABASE {name} failed: {e}"));
    let _ = admin.close().await;
    format!("postgres://postgres@127.0.0.1:{}/{name}", server.port)
}

/// The URL of the server's `postgres` database (starting the server if needed). Tests should
/// use [`fresh_database`]: what they write here, every test sees.
pub fn server_url() -> &'static str {
    &server().url
}

/// The server's `max_connections`: room for every test thread's pool (sqlx opens up to 10
/// connections per pool, on demand) and then some.
fn max_connections() -> usize {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    300.max(16 * threads)
}

struct Server {
    url: String,
    port: u16,
    pid: u32,
    folder: PathBuf,
    /// Set (and notified) by the thread that forked the server once the server has exited.
    exited: Arc<(Mutex<Option<String>>, Condvar)>,
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();

fn server() -> &'static Server {
    match SERVER.get_or_init(start) {
        Ok(server) => server,
        Err(message) => panic!("the test PostgreSQL server did not start: {message}"),
    }
}

fn start() -> Result<Server, String> {
    remove_stale_folders();
    let bin = binaries()?;
    let user = run_as()?;
    let folder = tempfile::Builder::new()
        .prefix(PREFIX)
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?
        .keep();
    let started = initdb_and_launch(&bin, user, &folder);
    match &started {
        Ok(_) => {
            extern "C" fn stop_at_exit() {
                if let Some(Ok(server)) = SERVER.get() {
                    server.stop();
                }
            }
            // SAFETY: registers a plain function; it runs once, at exit.
            unsafe { libc::atexit(stop_at_exit) };
        }
        Err(_) => {
            let _ = fs::remove_dir_all(&folder);
        }
    }
    started
}

fn initdb_and_launch(
    bin: &Path,
    user: Option<(u32, u32)>,
    folder: &Path,
) -> Result<Server, String> {
    let failed = |what: &str, e: io::Error| format!("{what} in {}: {e}", folder.display());
    fs::write(folder.join("owner.pid"), std::process::id().to_string())
        .map_err(|e| failed("cannot write owner.pid", e))?;
    if let Some((uid, gid)) = user {
        std::os::unix::fs::chown(folder, Some(uid), Some(gid))
            .map_err(|e| failed("cannot give the folder to the postgres user", e))?;
    }
    let data = folder.join("data");
    let initdb = command(&bin.join("initdb"), user, folder)
        .arg("-D")
        .arg(&data)
        .args([
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        ])
        .output()
        .map_err(|e| failed(&format!("cannot run {}/initdb", bin.display()), e))?;
    if !initdb.status.success() {
        let (out, err) = (
            String::from_utf8_lossy(&initdb.stdout),
            String::from_utf8_lossy(&initdb.stderr),
        );
        return Err(format!("initdb failed ({}):\n{out}{err}", initdb.status));
    }
    // Another process may take the free port before the server binds it: then try another.
    let mut attempts = 0;
    loop {
        attempts += 1;
        match launch(&bin.join("postgres"), user, folder) {
            Err(Launch::PortTaken) if attempts < 5 => continue,
            Err(Launch::PortTaken) => return Err("no free port after 5 attempts".into()),
            Err(Launch::Failed(message)) => return Err(message),
            Ok(server) => return Ok(server),
        }
    }
}

enum Launch {
    PortTaken,
    Failed(String),
}

/// Starts `postgres` on a free port and waits until it accepts connections.
fn launch(postgres: &Path, user: Option<(u32, u32)>, folder: &Path) -> Result<Server, Launch> {
    let failed = |what: &str, e: io::Error| Launch::Failed(format!("{what}: {e}"));
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map_err(|e| failed("no free port", e))?
        .port();
    let log_path = folder.join("server.log");
    let log = fs::File::create(&log_path).map_err(|e| failed("cannot create server.log", e))?;
    let mut cmd = command(postgres, user, folder);
    cmd.arg("-D").arg(folder.join("data"));
    for setting in [
        "listen_addresses=127.0.0.1".to_string(),
        format!("port={port}"),
        format!("unix_socket_directories={}", folder.display()),
        format!("max_connections={}", max_connections()),
        "fsync=off".into(),
        "synchronous_commit=off".into(),
        "full_page_writes=off".into(),
    ] {
        cmd.arg("-c").arg(setting);
    }
    cmd.stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| failed("server.log", e))?)
        .stderr(log);

    // This thread forks the server and then lives exactly as long as it, waiting for it to exit.
    let exited = Arc::new((Mutex::new(None), Condvar::new()));
    let (spawned_tx, spawned) = mpsc::channel();
    let exit = Arc::clone(&exited);
    std::thread::Builder::new()
        .name("test-postgres".into())
        .spawn(move || {
            let mut child = match cmd.spawn() {
                Ok(child) => child,
                Err(e) => return drop(spawned_tx.send(Err(e))),
            };
            let _ = spawned_tx.send(Ok(child.id()));
            let status = child
                .wait()
                .map_or_else(|e| e.to_string(), |s| s.to_string());
            *exit.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(status);
            exit.1.notify_all();
        })
        .map_err(|e| failed("cannot start a thread", e))?;
    let pid = spawned
        .recv()
        .unwrap_or_else(|_| Err(io::Error::other("the thread died")))
        .map_err(|e| failed(&format!("cannot run {}", postgres.display()), e))?;
    let server = Server {
        url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        port,
        pid,
        folder: folder.to_path_buf(),
        exited,
    };

    // Ready when the pid file says so (what `pg_ctl start --wait` checks); the wait below wakes as
    // soon as the server exits.
    let deadline = Instant::now() + START_TIMEOUT;
    let (status, changed) = &*server.exited;
    let mut status = status.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        if let Some(status) = status.as_ref() {
            let log = tail(&log_path);
            if log.contains("could not create any TCP/IP sockets") {
                return Err(Launch::PortTaken);
            }
            return Err(Launch::Failed(format!(
                "postgres exited ({status}); its log ends:\n{log}"
            )));
        }
        if is_ready(&folder.join("data/postmaster.pid"), pid) {
            drop(status);
            return Ok(server);
        }
        if Instant::now() > deadline {
            drop(status);
            let log = tail(&log_path);
            server.stop();
            return Err(Launch::Failed(format!(
                "postgres did not accept connections within {START_TIMEOUT:?}; its log ends:\n{log}"
            )));
        }
        status = changed
            .wait_timeout(status, Duration::from_millis(10))
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
}

impl Server {
    /// Immediate shutdown, then the folder goes. Panics never: it runs in an `atexit` hook.
    fn stop(&self) {
        let (status, changed) = &*self.exited;
        let status = status.lock().unwrap_or_else(PoisonError::into_inner);
        if status.is_none() {
            // SAFETY: plain syscall; the pid is our unreaped child, so it names the server.
            unsafe { libc::kill(self.pid as libc::pid_t, libc::SIGQUIT) };
        }
        let _ = changed.wait_timeout_while(status, Duration::from_secs(10), |s| s.is_none());
        let _ = fs::remove_dir_all(&self.folder);
    }
}

/// A command run as `user`, in `folder` (the user may not reach the current directory), that
/// gets SIGQUIT when the thread that spawns it ends.
fn command(program: &Path, user: Option<(u32, u32)>, folder: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(folder);
    if let Some((uid, gid)) = user {
        cmd.uid(uid).gid(gid);
    }
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: runs in the forked child before exec (after the uid switch, which would clear the
    // death signal) and only makes async-signal-safe syscalls.
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT) != 0 {
                return Err(io::Error::last_os_error());
            }
            // The parent may have died before the death signal was set: it would never come.
            if libc::getppid() != parent {
                return Err(io::Error::other("the test process is gone"));
            }
            Ok(())
        })
    };
    cmd
}

/// The folder holding `initdb` and `postgres`.
fn binaries() -> Result<PathBuf, String> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("postgres").is_file();
    let on_path = std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).find(|dir| has_both(dir)));
    let debian = || {
        fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| {
                let version: u32 = entry.file_name().to_str()?.parse().ok()?;
                Some((version, entry.path().join("bin")))
            })
            .filter(|(_, bin)| has_both(bin))
            .max()
            .map(|(_, bin)| bin)
    };
    on_path.or_else(debian).ok_or_else(|| {
        "initdb and postgres are neither on PATH nor in /usr/lib/postgresql/*/bin: \
         install Debian's postgresql package (.ci/bootstrap does)"
            .into()
    })
}

/// As root, the `postgres` system user's uid and gid; otherwise nobody else.
fn run_as() -> Result<Option<(u32, u32)>, String> {
    // SAFETY: plain syscall.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    // SAFETY: getpwnam reads a static entry, which is copied out at once; this runs once per
    // process, under the OnceLock.
    let entry = unsafe { libc::getpwnam(c"postgres".as_ptr()) };
    if entry.is_null() {
        let missing = "as root, the server runs as the postgres system user, which does not exist";
        return Err(format!(
            "{missing}: install Debian's postgresql package (.ci/bootstrap does)"
        ));
    }
    // SAFETY: checked non-null above.
    Ok(Some(unsafe { ((*entry).pw_uid, (*entry).pw_gid) }))
}

/// Whether the server's pid file says it accepts connections (its 8th line is `ready`).
fn is_ready(pid_file: &Path, pid: u32) -> bool {
    let Ok(text) = fs::read_to_string(pid_file) else {
        return false;
    };
    let lines: Vec<&str> = text.lines().collect();
    lines.first() == Some(&pid.to_string().as_str())
        && lines.get(7).map(|s| s.trim()) == Some("ready")
}

/// Removes the folders of earlier test processes that were killed: those whose owner process and
/// server are both gone. A folder being set up (no owner.pid yet) or not ours to read stays.
fn remove_stale_folders() {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    let first_pid = |path: PathBuf| -> Option<u32> {
        fs::read_to_string(path)
            .ok()?
            .lines()
            .next()?
            .trim()
            .parse()
            .ok()
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(PREFIX) {
            continue;
        }
        let folder = entry.path();
        let owner = first_pid(folder.join("owner.pid"));
        let server = first_pid(folder.join("data/postmaster.pid"));
        if owner.is_some_and(|pid| !is_alive(pid)) && server.is_none_or(|pid| !is_alive(pid)) {
            let _ = fs::remove_dir_all(&folder);
        }
    }
}

/// Whether a process runs (a zombie does not).
fn is_alive(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name, which is in parentheses and may hold any character.
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

/// The last 30 lines of a file.
fn tail(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

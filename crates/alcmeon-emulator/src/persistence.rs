//! Keeps the one [`AlcmeonData`] behind a lock and, when `ALCMEON_EMULATOR_STATE` names a file,
//! persists it there as JSON (the state file).
//!
//! Changes go through [`SharedData::update`] only. The file is rewritten whole (to a temporary
//! file, then renamed over the old one) by a saver thread, at most once per [`SAVE_EVERY`]: one
//! rewrite per change made a burst of changes cost the square of the state's size.
//!
//! Invariants: the state file always holds a whole, loadable `AlcmeonData`; it is at most
//! [`SAVE_EVERY`] (plus one write) behind the last change, and exactly the last change once
//! [`SharedData::flush`] returned (a stopped emulator flushes: `RunningEmulator`'s drop).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::alcmeon_data::AlcmeonData;

/// The longest the state file lags behind a change while the emulator runs.
const SAVE_EVERY: Duration = Duration::from_millis(200);

pub struct SharedData {
    data: Mutex<AlcmeonData>,
    saving: Option<Arc<Saving>>,
}

/// The state file and whether it is behind the data.
struct Saving {
    file: PathBuf,
    /// Changes since the last save began, and whether the emulator is gone.
    pending: Mutex<Pending>,
    changed: Condvar,
    /// Held while the file is written, so a flush and the saver never write at once.
    writing: Mutex<()>,
}

#[derive(Default)]
struct Pending {
    changed: bool,
    closed: bool,
}

impl SharedData {
    /// Loads the state file when it exists; otherwise starts from `seed` and writes it out.
    pub fn open(
        file: Option<PathBuf>,
        seed: impl FnOnce() -> AlcmeonData,
    ) -> io::Result<Arc<SharedData>> {
        let data = match &file {
            Some(path) if path.exists() => load(path)?,
            _ => seed(),
        };
        if let Some(path) = &file {
            save(path, &serde_json::to_vec(&data)?)?;
        }
        let saving = file.map(|file| {
            Arc::new(Saving {
                file,
                pending: Mutex::default(),
                changed: Condvar::new(),
                writing: Mutex::new(()),
            })
        });
        let shared = Arc::new(SharedData {
            data: Mutex::new(data),
            saving,
        });
        if shared.saving.is_some() {
            let weak = Arc::downgrade(&shared);
            std::thread::Builder::new()
                .name("emulator-state-saver".into())
                .spawn(move || save_while_open(&weak))?;
        }
        Ok(shared)
    }

    pub fn read<R>(&self, query: impl FnOnce(&AlcmeonData) -> R) -> R {
        query(&self.lock())
    }

    /// Applies a change; the saver writes it out within [`SAVE_EVERY`].
    pub fn update<R>(&self, change: impl FnOnce(&mut AlcmeonData) -> R) -> R {
        let result = change(&mut self.lock());
        if let Some(saving) = &self.saving {
            saving.pending().changed = true;
            saving.changed.notify_one();
        }
        result
    }

    /// Writes the state file now if a change is not in it yet.
    pub fn flush(&self) {
        if let Some(saving) = &self.saving {
            self.save_if_changed(saving);
        }
    }

    /// Stops the saver after a last flush.
    pub fn close(&self) {
        self.flush();
        if let Some(saving) = &self.saving {
            saving.pending().closed = true;
            saving.changed.notify_one();
        }
    }

    fn save_if_changed(&self, saving: &Saving) {
        let _writing = saving.writing.lock().unwrap_or_else(|p| p.into_inner());
        if !std::mem::take(&mut saving.pending().changed) {
            return;
        }
        let written = serde_json::to_vec(&*self.lock())
            .map_err(io::Error::from)
            .and_then(|bytes| save(&saving.file, &bytes));
        if let Err(error) = written {
            tracing::error!(path = %saving.file.display(), %error, "could not save the emulator state");
        }
    }

    fn lock(&self) -> MutexGuard<'_, AlcmeonData> {
        self.data
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Saving {
    fn pending(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The saver thread: waits for a change, saves, rests [`SAVE_EVERY`]; ends when the data is
/// closed or gone.
fn save_while_open(shared: &std::sync::Weak<SharedData>) {
    loop {
        let Some(data) = shared.upgrade() else { return };
        let saving = Arc::clone(data.saving.as_ref().expect("a saver only with a file"));
        drop(data);
        {
            let mut pending = saving.pending();
            while !pending.changed && !pending.closed {
                pending = saving
                    .changed
                    .wait(pending)
                    .unwrap_or_else(|p| p.into_inner());
            }
            if pending.closed {
                return;
            }
        }
        let Some(data) = shared.upgrade() else { return };
        data.save_if_changed(&saving);
        drop(data);
        std::thread::sleep(SAVE_EVERY);
    }
}

fn load(path: &Path) -> io::Result<AlcmeonData> {
    let bytes = fs::read(path)?;
    serde_json::from_slice(&bytes).map_err(|error| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {error}", path.display()),
        )
    })
}

fn save(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path)
}

//! Shared access to the [`State`], and its optional JSON file on disk.
//!
//! Every update rewrites the whole file (to a temporary file, then renamed over the old one), so a
//! crash never leaves half a state behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::state::State;

pub struct Store {
    state: Mutex<State>,
    file: Option<PathBuf>,
}

impl Store {
    /// Loads the state file when it exists; otherwise starts from `seed` and writes it out.
    pub fn open(file: Option<PathBuf>, seed: impl FnOnce() -> State) -> io::Result<Store> {
        let state = match &file {
            Some(path) if path.exists() => load(path)?,
            _ => seed(),
        };
        if let Some(path) = &file {
            save(path, &state)?;
        }
        Ok(Store {
            state: Mutex::new(state),
            file,
        })
    }

    pub fn read<R>(&self, query: impl FnOnce(&State) -> R) -> R {
        query(&self.lock())
    }

    /// Applies a change, then persists it. A failed write is logged: the change stays in memory.
    pub fn update<R>(&self, change: impl FnOnce(&mut State) -> R) -> R {
        let mut state = self.lock();
        let result = change(&mut state);
        if let Some(path) = &self.file
            && let Err(error) = save(path, &state)
        {
            tracing::error!(path = %path.display(), %error, "could not save the emulator state");
        }
        result
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn load(path: &Path) -> io::Result<State> {
    let bytes = fs::read(path)?;
    serde_json::from_slice(&bytes).map_err(|error| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {error}", path.display()),
        )
    })
}

fn save(path: &Path, state: &State) -> io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    fs::write(&temporary, serde_json::to_vec(state)?)?;
    fs::rename(&temporary, path)
}

//! Keeps the one [`OrgData`] behind a lock and, when `SALESFORCE_EMULATOR_DATA` names a file,
//! persists it there as JSON (the state file).
//!
//! Invariant: the state file always holds a whole, loadable `OrgData`, as of the last change
//! that could be written. Changes go through [`SharedData::update`], and each one rewrites the
//! whole file (to a temporary file, then renamed over the old one), so a crash never leaves half a
//! state behind. The one exception is counting a call against the API budget
//! ([`SharedData::update_unsaved`]): the count reaches the file with the next saved change, so a
//! read does not cost a rewrite of the whole org, and a restart may forget the reads made since.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::org_data::OrgData;

pub struct SharedData {
    data: Mutex<OrgData>,
    file: Option<PathBuf>,
}

impl SharedData {
    /// Loads the state file when it exists; otherwise starts from `seed` and writes it out.
    pub fn open(file: Option<PathBuf>, seed: impl FnOnce() -> OrgData) -> io::Result<SharedData> {
        let data = match &file {
            Some(path) if path.exists() => {
                let mut data = load(path)?;
                data.rebuild_external_ids();
                data
            }
            _ => seed(),
        };
        if let Some(path) = &file {
            save(path, &data)?;
        }
        Ok(SharedData {
            data: Mutex::new(data),
            file,
        })
    }

    pub fn read<R>(&self, query: impl FnOnce(&OrgData) -> R) -> R {
        query(&self.lock())
    }

    /// Applies a change, then persists it. A failed write is logged: the change stays in memory.
    pub fn update<R>(&self, change: impl FnOnce(&mut OrgData) -> R) -> R {
        let mut data = self.lock();
        let result = change(&mut data);
        if let Some(path) = &self.file
            && let Err(error) = save(path, &data)
        {
            tracing::error!(path = %path.display(), %error, "could not save the emulator state");
        }
        result
    }

    /// Applies a change that is saved with the next [`SharedData::update`] only.
    pub fn update_unsaved<R>(&self, change: impl FnOnce(&mut OrgData) -> R) -> R {
        change(&mut self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, OrgData> {
        self.data
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn load(path: &Path) -> io::Result<OrgData> {
    let bytes = fs::read(path)?;
    serde_json::from_slice(&bytes).map_err(|error| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {error}", path.display()),
        )
    })
}

fn save(path: &Path, data: &OrgData) -> io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    fs::write(&temporary, serde_json::to_vec(data)?)?;
    fs::rename(&temporary, path)
}

//! Query cursors: the records of a query answer longer than one batch, kept so that its
//! `nextRecordsUrl` (`.../query/{locator}-{offset}`) serves the next batch. A cursor is a snapshot
//! of the records the query selected when it ran. As Salesforce, at most [`MAX_OPEN`] cursors are
//! open at once, the oldest forgotten first. Kept in memory only: a restart forgets them.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde_json::Value;

/// Salesforce's batch when the client asks none (`Sforce-Query-Options: batchSize=n`), and the
/// bounds of the batches a client may ask.
pub const DEFAULT_BATCH: usize = 2000;
pub const MIN_BATCH: usize = 200;
/// Open cursors per user Salesforce keeps.
pub const MAX_OPEN: usize = 10;

#[derive(Default)]
pub struct QueryCursors(Mutex<Open>);

#[derive(Default)]
struct Open {
    opened: u64,
    cursors: VecDeque<Cursor>,
}

struct Cursor {
    locator: String,
    records: Vec<Value>,
    batch: usize,
}

/// One batch of a query's records.
pub struct Page {
    pub records: Vec<Value>,
    pub total: usize,
    /// Where the next batch starts, when one remains.
    pub next: Option<usize>,
}

/// The batch a `Sforce-Query-Options` header asks, within Salesforce's bounds.
pub fn batch_size(header: Option<&str>) -> usize {
    header
        .and_then(|options| {
            options
                .split(',')
                .find_map(|option| option.trim().strip_prefix("batchSize="))
        })
        .and_then(|size| size.trim().parse().ok())
        .map_or(DEFAULT_BATCH, |size: usize| {
            size.clamp(MIN_BATCH, DEFAULT_BATCH)
        })
}

impl QueryCursors {
    /// The first batch of `records`, and the locator of a cursor over the rest when some remain.
    pub fn first(&self, records: Vec<Value>, batch: usize) -> (Page, Option<String>) {
        let total = records.len();
        if total <= batch {
            let page = Page {
                records,
                total,
                next: None,
            };
            return (page, None);
        }
        let page = Page {
            records: records[..batch].to_vec(),
            total,
            next: Some(batch),
        };
        let mut open = self.lock();
        open.opened += 1;
        let locator = format!("01gEMU{:012}", open.opened);
        if open.cursors.len() == MAX_OPEN {
            open.cursors.pop_front();
        }
        open.cursors.push_back(Cursor {
            locator: locator.clone(),
            records,
            batch,
        });
        (page, Some(locator))
    }

    /// The batch of the cursor `locator` from `offset`; `None` for a cursor not open or an offset
    /// past its records.
    pub fn page(&self, locator: &str, offset: usize) -> Option<Page> {
        let open = self.lock();
        let cursor = open.cursors.iter().find(|c| c.locator == locator)?;
        let total = cursor.records.len();
        if offset >= total {
            return None;
        }
        let end = (offset + cursor.batch).min(total);
        Some(Page {
            records: cursor.records[offset..end].to_vec(),
            total,
            next: (end < total).then_some(end),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Open> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_size_is_read_and_kept_within_salesforce_bounds() {
        assert_eq!(batch_size(None), 2000);
        assert_eq!(batch_size(Some("batchSize=500")), 500);
        assert_eq!(batch_size(Some("batchSize=5")), 200);
        assert_eq!(batch_size(Some("batchSize=9000")), 2000);
        assert_eq!(batch_size(Some("batchSize=lots")), 2000);
    }

    #[test]
    fn only_the_newest_cursors_stay_open() {
        let cursors = QueryCursors::default();
        let records = || (0..3).map(Value::from).collect::<Vec<_>>();
        let locators: Vec<String> = (0..=MAX_OPEN)
            .map(|_| cursors.first(records(), 2).1.unwrap())
            .collect();
        assert!(cursors.page(&locators[0], 2).is_none());
        let last = cursors.page(&locators[MAX_OPEN], 2).unwrap();
        assert_eq!(
            (last.records, last.total, last.next),
            (vec![Value::from(2)], 3, None)
        );
    }
}

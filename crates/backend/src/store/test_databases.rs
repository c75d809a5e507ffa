//! The store's tests run on both databases: a test written with [`on_both_databases!`] runs once
//! on a fresh SQLite file and once on a fresh PostgreSQL database (a server the test process
//! starts itself: `test-postgres`).

use super::{Dialect, Store};

/// A fresh, empty database of one dialect; a SQLite file lives as long as this does.
pub struct TestDatabase {
    pub url: String,
    _folder: Option<tempfile::TempDir>,
}

pub async fn fresh(dialect: Dialect) -> TestDatabase {
    match dialect {
        Dialect::Sqlite => {
            let folder = tempfile::TempDir::new().unwrap();
            TestDatabase {
                url: format!("sqlite://{}", folder.path().join("store.db").display()),
                _folder: Some(folder),
            }
        }
        Dialect::Postgres => TestDatabase {
            url: test_postgres::fresh_database().await,
            _folder: None,
        },
    }
}

/// A migrated store on a fresh database, and the database (keep it while the store is used).
pub async fn fresh_store(dialect: Dialect) -> (Store, TestDatabase) {
    let database = fresh(dialect).await;
    let store = Store::open(&database.url).await.unwrap();
    (store, database)
}

/// `on_both_databases! { async fn name(dialect) { … } }` makes the tests `name::sqlite` and
/// `name::postgres`, each running the body with `dialect` set to its database.
macro_rules! on_both_databases {
    ($(#[doc = $doc:literal])* async fn $name:ident($dialect:ident) $body:block) => {
        $(#[doc = $doc])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            use $crate::store::Dialect;

            async fn run($dialect: Dialect) $body

            #[tokio::test]
            async fn sqlite() {
                run(Dialect::Sqlite).await
            }

            #[tokio::test]
            async fn postgres() {
                run(Dialect::Postgres).await
            }
        }
    };
}
pub(crate) use on_both_databases;

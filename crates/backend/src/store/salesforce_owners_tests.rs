use super::test_databases::{fresh_store, on_both_databases};
use super::*;

async fn unwritten(store: &Store) -> Vec<(i64, String, String)> {
    let owners = store.owners_to_write_to_alcmeon(10).await.unwrap();
    owners
        .into_iter()
        .map(|owner| (owner.conversation_id, owner.org_id, owner.owner_id))
        .collect()
}

on_both_databases! {
async fn an_owner_waits_until_written_and_a_new_owner_is_written_again(dialect) {
    let (store, _database) = fresh_store(dialect).await;
    store.set_salesforce_owner("00DA", 1001, "00G000000000001").await.unwrap();
    store.set_salesforce_owner("00DA", 1002, "005000000000001").await.unwrap();
    assert_eq!(unwritten(&store).await, [
        (1001, "00DA".to_owned(), "00G000000000001".to_owned()),
        (1002, "00DA".to_owned(), "005000000000001".to_owned()),
    ]);

    store.note_owner_written(1001, "00G000000000001").await.unwrap();
    store.set_salesforce_owner("00DA", 1002, "005000000000001").await.unwrap();
    store.note_owner_written(1002, "005000000000001").await.unwrap();
    assert_eq!(unwritten(&store).await, []);

    // Stored again as it is: nothing to write. Another owner, from another org: written again.
    store.set_salesforce_owner("00DA", 1001, "00G000000000001").await.unwrap();
    assert_eq!(unwritten(&store).await, []);
    store.set_salesforce_owner("00DB", 1001, "00G000000000002").await.unwrap();
    // Noting the old owner written leaves the new one waiting.
    store.note_owner_written(1001, "00G000000000001").await.unwrap();
    assert_eq!(unwritten(&store).await, [
        (1001, "00DB".to_owned(), "00G000000000002".to_owned()),
    ]);
}
}

use std::time::Duration;

use crate::helpers::{start, test_config};

#[tokio::test]
async fn the_simulated_customer_writes_every_period() {
    let config = alcmeon_emulator::Config {
        customer_every: Some(Duration::from_secs(1)),
        ..test_config()
    };
    let app = start(config).await;
    let before = app.conversation_actions(1001).await.len();
    let actions = app
        .wait_for_conversation(1001, |actions| actions.len() > before)
        .await;
    let written = actions.last().unwrap();
    assert_eq!(written["type"], "task-create");
    assert_eq!(
        written["task"]["message"]["author"]["name"],
        "Amélie Dubois"
    );
}

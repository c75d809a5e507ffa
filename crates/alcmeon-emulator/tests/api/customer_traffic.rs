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

#[tokio::test]
async fn the_simulated_customers_leave_closed_and_closing_whatsapp_windows_alone() {
    let config = alcmeon_emulator::Config {
        customer_every: Some(Duration::from_millis(20)),
        ..test_config()
    };
    let app = start(config).await;
    let app = &app;
    let count = |id| async move { app.conversation_actions(id).await.len() };
    let (first, closed, closing) = (count(1001).await, count(1006).await, count(1008).await);
    app.wait_for_conversation(1001, |actions| actions.len() >= first + 2)
        .await;
    assert_eq!(
        (count(1006).await, count(1008).await),
        (closed, closing),
        "every other conversation had its turn, 1006 and 1008 did not"
    );
}

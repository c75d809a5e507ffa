use protocol::{ErrorCode, ThreadPage, ZoneRules};

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_agent_gets_their_zone_rules_and_an_unknown_zone_is_a_404() {
    let app = spawn_app(0).await;
    let get = |path: &str| {
        app.http
            .get(app.url(path))
            .bearer_auth(app.session_token())
            .send()
    };

    let response = get("/v1/time-zones/America/Argentina/Buenos_Aires")
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    let buenos_aires: ZoneRules = response.json().await.unwrap();
    assert_eq!(buenos_aires.zone, "America/Argentina/Buenos_Aires");
    // Argentina last kept summer time in 2008–2009, and has been on UTC−3 since.
    assert_eq!(buenos_aires.offset_s_at(1_795_000_000_000), -3 * 3600);
    assert!(buenos_aires.changes.len() >= 2);

    let kathmandu: ZoneRules = get("/v1/time-zones/Asia/Kathmandu")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(kathmandu.offset_s_at(1_795_000_000_000), 5 * 3600 + 45 * 60);

    let unknown = get("/v1/time-zones/Mars/Olympus_Mons").await.unwrap();
    assert_eq!(unknown.status(), 404);
    let error: protocol::ApiError = unknown.json().await.unwrap();
    assert_eq!(error.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn zone_rules_need_a_session() {
    let app = spawn_app(0).await;
    let response = app
        .http
        .get(app.url("/v1/time-zones/Europe/Paris"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_thread_page_asked_with_the_agents_zone_carries_its_rules() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let page = |query: &'static str| {
        let app = &app;
        async move {
            let response = app.thread_page(1001, query).await;
            assert_eq!(response.status(), 200);
            response.json::<ThreadPage>().await.unwrap()
        }
    };

    let kathmandu = page("?zone=Asia%2FKathmandu").await.zone_rules.unwrap();
    assert_eq!(kathmandu.zone, "Asia/Kathmandu");
    assert_eq!(kathmandu.offset_s_at(1_795_000_000_000), 5 * 3600 + 45 * 60);

    assert_eq!(page("").await.zone_rules, None, "none asked");
    let unknown = page("?zone=Mars%2FOlympus_Mons").await;
    assert_eq!(
        unknown.zone_rules, None,
        "an unknown zone leaves the page whole"
    );
    assert!(!unknown.items.is_empty());
}

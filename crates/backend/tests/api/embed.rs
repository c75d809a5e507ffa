use std::io::{Read, Write};

use serde_json::{Value, json};
use tempfile::TempDir;

use crate::helpers::{Options, TestApp, spawn_app, spawn_app_with};

const LIGHTNING: &str = "https://acme.lightning.force.com";
const HOST_PAGE: &str = "http://127.0.0.1:8090";
const WASM_MAGIC: &[u8] = b"\0asm\x01\0\0\0";
const SECRET: &str = "a file next to the widget folder";

/// A built widget folder (with a secret file beside it, outside) and a backend serving it.
async fn app_with_widget(allowed_origins: &[&str]) -> (TestApp, TempDir) {
    let root = TempDir::new().unwrap();
    let widget = root.path().join("alcmeonWidget");
    std::fs::create_dir_all(widget.join("locales")).unwrap();
    std::fs::write(
        widget.join("alcmeon_widget.js"),
        "window.alcmeonWidget = init;\n",
    )
    .unwrap();
    std::fs::write(widget.join("alcmeon_widget_bg.wasm"), WASM_MAGIC).unwrap();
    std::fs::write(widget.join("widget.css"), ".acw { height: 100%; }\n").unwrap();
    std::fs::write(widget.join("locales/fr.ftl"), "send = Envoyer\n").unwrap();
    std::fs::write(root.path().join("secret.txt"), SECRET).unwrap();
    let app = spawn_app_with(Options {
        allowed_origins: allowed_origins.iter().map(|o| o.to_string()).collect(),
        widget_dir: Some(widget),
        ..Options::default()
    })
    .await;
    (app, root)
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    app.http.get(app.url(path)).send().await.unwrap()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map_or("", |v| v.to_str().unwrap())
}

/// Sends `path` byte for byte (an HTTP client would normalise `..` away); returns status and body.
async fn raw_get(app: &TestApp, path: &str) -> (u16, String) {
    let addr = app.url("").trim_start_matches("http://").to_owned();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let status = answer[9..12].parse().unwrap();
        (status, answer)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn the_frame_page_runs_wasm_and_may_be_framed_only_by_the_allowed_origins() {
    let (app, _widget) = app_with_widget(&[LIGHTNING, HOST_PAGE]).await;
    let response = get(&app, "/embed/frame.html").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "text/html; charset=utf-8"
    );
    assert_eq!(header(&response, "x-content-type-options"), "nosniff");
    let policy: Vec<String> = header(&response, "content-security-policy")
        .split(';')
        .map(|directive| directive.trim().to_owned())
        .collect();
    for expected in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "connect-src 'self'",
        "frame-ancestors https://acme.lightning.force.com http://127.0.0.1:8090",
    ] {
        assert!(
            policy.iter().any(|d| d == expected),
            "{expected} in {policy:?}"
        );
    }
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<script src="frame.js" defer></script>"#));
    assert_eq!(html.matches("<script").count(), 1, "no inline script");

    let script = get(&app, "/embed/frame.js").await;
    assert_eq!(script.status(), 200);
    assert!(header(&script, "content-type").starts_with("text/javascript"));
    assert!(script.text().await.unwrap().contains("alcmeon:frame-ready"));
    assert_eq!(get(&app, "/embed/frame.css").await.status(), 200);
}

#[tokio::test]
async fn without_allowed_origins_no_page_may_frame_the_widget() {
    let (app, _widget) = app_with_widget(&[]).await;
    let response = get(&app, "/embed/frame.html").await;
    assert!(
        header(&response, "content-security-policy").ends_with("frame-ancestors 'none'"),
        "{}",
        header(&response, "content-security-policy")
    );
    let config: Value = get(&app, "/embed/config.json").await.json().await.unwrap();
    assert_eq!(config, json!({ "allowedOrigins": [] }));
}

#[tokio::test]
async fn the_frame_config_lists_the_allowed_origins() {
    let (app, _widget) = app_with_widget(&[LIGHTNING, HOST_PAGE]).await;
    let response = get(&app, "/embed/config.json").await;
    assert_eq!(response.status(), 200);
    assert!(header(&response, "content-type").starts_with("application/json"));
    let config: Value = response.json().await.unwrap();
    assert_eq!(config, json!({ "allowedOrigins": [LIGHTNING, HOST_PAGE] }));
}

#[tokio::test]
async fn the_widget_files_are_served_with_their_types_and_no_session() {
    let (app, _widget) = app_with_widget(&[LIGHTNING]).await;
    let cases = [
        ("alcmeon_widget_bg.wasm", "application/wasm"),
        ("alcmeon_widget.js", "text/javascript"),
        ("widget.css", "text/css"),
        ("locales/fr.ftl", "text/plain; charset=utf-8"),
    ];
    for (file, content_type) in cases {
        let response = get(&app, &format!("/embed/widget/{file}")).await;
        assert_eq!(response.status(), 200, "{file}");
        assert_eq!(header(&response, "content-type"), content_type, "{file}");
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
    }
    let wasm = get(&app, "/embed/widget/alcmeon_widget_bg.wasm").await;
    assert_eq!(wasm.bytes().await.unwrap().as_ref(), WASM_MAGIC);

    let missing = get(&app, "/embed/widget/nope.js").await;
    assert_eq!(missing.status(), 404);
    let error: Value = missing.json().await.unwrap();
    assert_eq!(error["code"], "not_found");
    assert_eq!(get(&app, "/embed/widget/locales").await.status(), 404);
}

#[tokio::test]
async fn paths_leaving_the_widget_folder_are_refused() {
    let (app, _widget) = app_with_widget(&[LIGHTNING]).await;
    let (status, _) = raw_get(&app, "/embed/widget/widget.css").await;
    assert_eq!(status, 200, "the raw request itself works");
    for sneaky in [
        "/embed/widget/../secret.txt",
        "/embed/widget/%2e%2e/secret.txt",
        "/embed/widget/..%2fsecret.txt",
        "/embed/widget/locales/../../secret.txt",
        "/embed/widget//etc/passwd",
    ] {
        let (status, answer) = raw_get(&app, sneaky).await;
        assert!([400, 404].contains(&status), "{sneaky} -> {status}");
        assert!(!answer.contains(SECRET), "{sneaky} leaked the file");
        assert!(!answer.contains("root:"), "{sneaky} leaked /etc/passwd");
    }
}

#[tokio::test]
async fn without_a_widget_dir_every_embed_path_is_a_clear_404_and_the_api_still_works() {
    let app = spawn_app(0).await;
    for path in [
        "/embed/frame.html",
        "/embed/frame.js",
        "/embed/config.json",
        "/embed/widget/alcmeon_widget_bg.wasm",
    ] {
        let response = get(&app, path).await;
        assert_eq!(response.status(), 404, "{path}");
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["code"], "not_found", "{path}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("BACKEND_WIDGET_DIR is not set"),
            "{error}"
        );
    }
    assert_eq!(get(&app, "/health").await.status(), 200);
    app.replica_ready().await;
    assert_eq!(
        app.get_thread(1001, Some(&app.session_token()))
            .await
            .status(),
        200
    );
}

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use protocol::ItemKind;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const SVG: &[u8] = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
const HTML: &[u8] = b"<html><script>alert(1)</script></html>";

async fn fetch(app: &TestApp, conversation_id: i64, attachment_id: i64) -> reqwest::Response {
    app.http
        .get(app.url(&format!(
            "/v1/conversations/{conversation_id}/attachments/{attachment_id}"
        )))
        .bearer_auth(app.token_for(conversation_id))
        .send()
        .await
        .unwrap()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map_or("", |v| v.to_str().unwrap())
}

/// The customer of `conversation_id` sends `files` (mime type, bytes); returns the message's item.
async fn customer_sends(
    app: &TestApp,
    conversation_id: i64,
    text: &str,
    files: &[(&str, &[u8])],
) -> protocol::ThreadItem {
    let attachments: Vec<Value> = files
        .iter()
        .map(|(mime_type, bytes)| json!({"mime_type": mime_type, "data": BASE64.encode(bytes)}))
        .collect();
    let path = format!("/conversations/{conversation_id}/inbound");
    let sent = app
        .emulator_control(&path, json!({"text": text, "attachments": attachments}))
        .await;
    let id = sent["action_id"].as_i64().unwrap();
    app.wait_for_item(conversation_id, |item| item.id == id)
        .await
}

#[tokio::test]
async fn an_image_is_served_as_itself_and_svg_html_and_pdf_only_as_downloads() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let png = BASE64.decode(PNG).unwrap();
    let pdf = b"%PDF-1.4\n%%EOF\n".as_slice();
    let files = [
        ("image/png", png.as_slice()),
        ("image/svg+xml", SVG),
        ("text/html", HTML),
        ("application/pdf", pdf),
    ];
    let item = customer_sends(&app, 1001, "Photos and invoice", &files).await;
    assert_eq!(item.attachments.len(), 4);
    let listed: Vec<(&str, u64)> = item
        .attachments
        .iter()
        .map(|a| (a.mime_type.as_str(), a.size))
        .collect();
    let expected: Vec<(&str, u64)> = files.iter().map(|(m, b)| (*m, b.len() as u64)).collect();
    assert_eq!(listed, expected);

    for (attachment, (_, bytes)) in item.attachments.iter().zip(files) {
        let response = fetch(&app, 1001, attachment.id).await;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
        assert_eq!(
            header(&response, "content-security-policy"),
            "sandbox; default-src 'none'"
        );
        assert_eq!(header(&response, "cache-control"), "private, max-age=3600");
        if attachment.mime_type == "image/png" {
            assert_eq!(header(&response, "content-type"), "image/png");
            assert_eq!(header(&response, "content-disposition"), "");
        } else {
            assert_eq!(
                header(&response, "content-type"),
                "application/octet-stream",
                "{} is never served as itself",
                attachment.mime_type
            );
            assert_eq!(header(&response, "content-disposition"), "attachment");
        }
        assert_eq!(response.bytes().await.unwrap().as_ref(), bytes);
    }
}

#[tokio::test]
async fn a_file_is_only_served_in_its_own_conversation_and_with_a_session() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let seeded = app
        .page(1001)
        .await
        .items
        .into_iter()
        .flat_map(|i| i.attachments)
        .collect::<Vec<_>>();
    let mimes: Vec<&str> = seeded.iter().map(|a| a.mime_type.as_str()).collect();
    assert_eq!(mimes, ["application/pdf", "image/png"], "the seeded files");

    let elsewhere = fetch(&app, 1002, seeded[0].id).await;
    assert_eq!(elsewhere.status(), 404);
    let error: Value = elsewhere.json().await.unwrap();
    assert_eq!(error["code"], "not_found");
    let anonymous = app
        .http
        .get(app.url(&format!(
            "/v1/conversations/1001/attachments/{}",
            seeded[0].id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn a_file_that_is_not_base64_is_skipped_and_the_message_and_its_other_files_kept() {
    let app = spawn_app(0).await;
    let now = chrono::Utc::now();
    let (date, time) = (
        now.format("%Y-%m-%d").to_string(),
        now.format("%H:%M:%S").to_string(),
    );
    let task_create = json!({"id": 990_101, "action": {
        "id": 990_101, "type": "task-create", "date": date, "time": time,
        "account": {"id": 201, "name": "Lumio", "type": "whatsapp"},
        "task": {"id": 990_101, "conversation_id": 990_101, "message": {
            "content": "two files", "date": date, "time": time, "author": {"name": "Ana"},
            "attachments": [
                {"id": 1, "mime_type": "image/png", "data": "%%% not base64 %%%", "size": 3},
                {"id": 2, "mime_type": "image/png", "data": PNG, "size": 70}
            ]}}
    }});
    assert_eq!(app.deliver_webhook(&task_create).await, 200);
    let answer = json!({"id": 990_102, "action": {
        "id": 990_102, "type": "answer", "date": date, "time": time,
        "user": {"id": 12, "name": "Karim Benali", "email": "karim.benali@example.com", "is_bot": false},
        "task": {"id": 990_101, "conversation_id": 990_101},
        "data": {"is_private": true, "answers": [{"content": "Here is the label",
            "pictures": [{"id": 5, "mime_type": "image/gif", "data": "R0lGODlhAQABAAAAACw=", "size": 14}]}]}
    }});
    assert_eq!(app.deliver_webhook(&answer).await, 200);

    let page = app.page(990_101).await;
    let (message, reply) = (&page.items[0], &page.items[1]);
    assert_eq!(message.text, "two files");
    assert_eq!(message.attachments.len(), 1);
    assert_eq!(message.attachments[0].mime_type, "image/png");
    assert_eq!(reply.kind, ItemKind::Outbound);
    assert_eq!(reply.attachments[0].mime_type, "image/gif");
    let gif = fetch(&app, 990_101, reply.attachments[0].id).await;
    assert_eq!(header(&gif, "content-type"), "image/gif");
}

#[tokio::test]
async fn a_megabyte_photo_arrives_by_webhook_intact() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let photo: Vec<u8> = (0..1024 * 1024).map(|n: u32| (n % 251) as u8).collect();
    let item = customer_sends(&app, 1003, "Big photo", &[("image/jpeg", &photo)]).await;
    assert_eq!(item.attachments[0].size, photo.len() as u64);
    let response = fetch(&app, 1003, item.attachments[0].id).await;
    assert_eq!(header(&response, "content-type"), "image/jpeg");
    assert_eq!(response.bytes().await.unwrap().as_ref(), photo.as_slice());
}

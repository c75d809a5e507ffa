//! A thread of messages from JSON, a reply box with a counter, one Fluent message, one request:
//! the floor under any chat widget built with leptos, serde-wasm-bindgen, fluent and gloo-net.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[derive(Clone, Deserialize)]
struct Message {
    id: i64,
    author: String,
    text: String,
}

const FTL: &str = "left = { $count } characters left\n";

fn characters_left(count: usize) -> String {
    let resource = FluentResource::try_new(FTL.to_string()).unwrap_or_else(|(r, _)| r);
    let mut bundle = FluentBundle::new(vec!["en-US".parse().expect("a language tag")]);
    let _ = bundle.add_resource(resource);
    let mut args = FluentArgs::new();
    args.set("count", count);
    let mut errors = vec![];
    bundle
        .get_message("left")
        .and_then(|m| m.value())
        .map(|p| {
            bundle
                .format_pattern(p, Some(&args), &mut errors)
                .to_string()
        })
        .unwrap_or_default()
}

#[component]
fn Thread(messages: Vec<Message>) -> impl IntoView {
    let (messages, set_messages) = signal(messages);
    let (draft, set_draft) = signal(String::new());
    let left =
        Memo::new(move |_| characters_left(280usize.saturating_sub(draft.get().chars().count())));
    let send = move |_| {
        let text = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let _ = gloo_net::http::Request::post("/v1/replies")
                .body(text.clone())
                .map(|r| r.send());
        });
        set_messages.update(|m| {
            let id = m.len() as i64;
            m.push(Message {
                id,
                author: "me".into(),
                text: draft.get_untracked(),
            })
        });
        set_draft.set(String::new());
    };
    view! {
        <ol class="thread">
            <For each=move || messages.get() key=|m| m.id let:m>
                <li><b>{m.author}</b>" "<span>{m.text}</span></li>
            </For>
        </ol>
        <textarea prop:value=draft on:input=move |e| set_draft.set(event_target_value(&e))></textarea>
        <span>{left}</span>
        <button on:click=send disabled=move || draft.with(String::is_empty)>"Send"</button>
    }
}

#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, json: JsValue) {
    let messages: Vec<Message> = serde_wasm_bindgen::from_value(json).unwrap_or_default();
    leptos::mount::mount_to(element, move || view! { <Thread messages/> }).forget();
}

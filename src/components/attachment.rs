//! A message's files: previewable images shown inline (fetched once the row is in the DOM), any
//! other file as a Download button with its type and size. A file that cannot be fetched says so
//! and leaves the rest of the row as it is.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::Attachment;

use crate::conversation::{ConversationState, Preview};
use crate::file_names::extension;
use crate::file_size::size_text;
use crate::widget_context::WidgetContext;

#[component]
pub fn Attachments(attachments: Vec<Attachment>) -> impl IntoView {
    (!attachments.is_empty()).then(|| {
        let files = attachments
            .into_iter()
            .map(|attachment| {
                if attachment.is_previewable_image() {
                    view! { <ImagePreview attachment/> }.into_any()
                } else {
                    view! { <Download attachment/> }.into_any()
                }
            })
            .collect_view();
        view! { <div class="acw-attachments">{files}</div> }
    })
}

#[component]
fn ImagePreview(attachment: Attachment) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let preview = ConversationState::get().files().preview(&attachment);
    // The bytes arrived but the browser cannot show them as an image.
    let undecodable = RwSignal::new(false);
    let alt = i18n.t("attachment-image");
    let loading = i18n.t("attachment-loading");
    let failed = i18n.t("attachment-failed");
    let shown = move || match preview.get() {
        Preview::Ready(_) if undecodable.get() => failed_note(failed.clone()).into_any(),
        Preview::Ready(url) => view! {
            <img
                class="acw-attachment-image"
                src=url
                alt=alt.clone()
                decoding="async"
                on:error=move |_| undecodable.set(true)
            />
        }
        .into_any(),
        Preview::Loading => {
            view! { <span class="acw-attachment-note">{loading.clone()}</span> }.into_any()
        }
        Preview::Failed => failed_note(failed.clone()).into_any(),
    };
    view! { <div class="acw-attachment-frame">{shown}</div> }
}

fn failed_note(text: String) -> impl IntoView {
    view! { <span class="acw-attachment-note acw-attachment-failed">{text}</span> }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Saving {
    Idle,
    Busy,
    Failed,
}

#[component]
fn Download(attachment: Attachment) -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let state = ConversationState::get();
    let mut args = FluentArgs::new();
    let size = size_text(&i18n, attachment.size, |v| context.number(v));
    args.set("size", size);
    let label = match extension(&attachment.mime_type) {
        Some(kind) => {
            args.set("type", kind.to_ascii_uppercase());
            i18n.t_with("attachment-download-typed", &args)
        }
        None => i18n.t_with("attachment-download", &args),
    };
    let failed = i18n.t("attachment-failed");
    let saving = RwSignal::new(Saving::Idle);
    let save = move |_| {
        if saving.get_untracked() == Saving::Busy {
            return;
        }
        saving.set(Saving::Busy);
        let files = state.files();
        let attachment = attachment.clone();
        let failed = failed.clone();
        spawn_local(async move {
            let saved = files.save(&attachment).await;
            let outcome = if saved { Saving::Idle } else { Saving::Failed };
            let still_shown = saving.try_set(outcome).is_none();
            if still_shown && !saved {
                state.announce(failed);
            }
        });
    };
    let failed = i18n.t("attachment-failed");
    view! {
        <div class="acw-attachment-file">
            <button
                type="button"
                class="acw-attachment-download"
                aria-busy=move || (saving.get() == Saving::Busy).to_string()
                on:click=save
            >
                <span class="acw-attachment-icon" aria-hidden="true">"↓"</span>
                <span dir="auto">{label}</span>
            </button>
            {move || (saving.get() == Saving::Failed).then(|| failed_note(failed.clone()))}
        </div>
    }
}

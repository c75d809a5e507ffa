//! Files attached to messages, fetched from the backend with the session token. Image previews
//! become object URLs cached per attachment for the widget's life and freed when it unmounts;
//! other files are saved to disk as `application/octet-stream`, so the browser never renders them
//! (an SVG or HTML file opened from a blob URL would run script in the page's origin).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::Attachment;
use wasm_bindgen::JsCast;

use crate::api::Backend;
use crate::file_names::file_name;

/// How long a saved file's object URL lives: the browser has started reading it long before.
const SAVE_URL_LIFE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preview {
    Loading,
    /// The image's object URL.
    Ready(String),
    Failed,
}

/// The conversation's attachments; cheap to clone (one shared store).
#[derive(Clone)]
pub struct AttachmentFiles(Rc<Store>);

struct Store {
    backend: Backend,
    conversation_id: i64,
    /// Each image asked for, by attachment id: a short list, a conversation has few images.
    previews: RefCell<Vec<(i64, ArcRwSignal<Preview>)>>,
    closed: Cell<bool>,
}

impl AttachmentFiles {
    pub fn new(backend: Backend, conversation_id: i64) -> Self {
        Self(Rc::new(Store {
            backend,
            conversation_id,
            previews: RefCell::default(),
            closed: Cell::new(false),
        }))
    }

    /// An image's preview, fetched the first time a row in the DOM asks for it. A failed fetch is
    /// forgotten, so the row shown again tries again.
    pub fn preview(&self, attachment: &Attachment) -> ArcRwSignal<Preview> {
        let known = self
            .0
            .previews
            .borrow()
            .iter()
            .find(|(id, _)| *id == attachment.id)
            .map(|(_, preview)| preview.clone());
        if let Some(preview) = known {
            return preview;
        }
        let preview = ArcRwSignal::new(Preview::Loading);
        self.0
            .previews
            .borrow_mut()
            .push((attachment.id, preview.clone()));
        let (files, attachment, shown) = (self.clone(), attachment.clone(), preview.clone());
        spawn_local(async move {
            // Typed as declared (a previewable image), whatever the response said.
            let url = files.object_url(&attachment, &attachment.mime_type).await;
            if files.0.closed.get() {
                if let Some(url) = url {
                    revoke(&url);
                }
                return;
            }
            match url {
                Some(url) => shown.set(Preview::Ready(url)),
                None => {
                    let mut previews = files.0.previews.borrow_mut();
                    previews.retain(|(id, _)| *id != attachment.id);
                    shown.set(Preview::Failed);
                }
            }
        });
        preview
    }

    /// Fetches the file and has the browser save it; false when it could not be fetched.
    pub async fn save(&self, attachment: &Attachment) -> bool {
        let octets = "application/octet-stream";
        let Some(url) = self.object_url(attachment, octets).await else {
            return false;
        };
        let saved = click_download(&url, &file_name(attachment));
        spawn_local(async move {
            gloo_timers::future::sleep(SAVE_URL_LIFE).await;
            revoke(&url);
        });
        saved
    }

    /// Frees every preview's object URL; previews still loading free theirs when they arrive.
    pub fn close(&self) {
        self.0.closed.set(true);
        for (_, preview) in self.0.previews.borrow_mut().drain(..) {
            if let Preview::Ready(url) = preview.get_untracked() {
                revoke(&url);
            }
        }
    }

    async fn object_url(&self, attachment: &Attachment, as_type: &str) -> Option<String> {
        let blob = self
            .0
            .backend
            .attachment(self.0.conversation_id, attachment.id)
            .await
            .ok()?;
        let typed = blob
            .slice_with_f64_and_f64_and_content_type(0.0, blob.size(), as_type)
            .ok()?;
        web_sys::Url::create_object_url_with_blob(&typed).ok()
    }
}

fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Saves through a temporary `<a download>`, which never navigates.
fn click_download(url: &str, name: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let Ok(link) = document.create_element("a") else {
        return false;
    };
    if link.set_attribute("href", url).is_err() || link.set_attribute("download", name).is_err() {
        return false;
    }
    link.unchecked_ref::<web_sys::HtmlElement>().click();
    true
}

//! Where the agent's focus is. The widget may live in a shadow root (the LWC's): the host's
//! document then only knows that the shadow host has the focus, so the focused element is asked
//! of the tree the widget is in.

use wasm_bindgen::JsCast;

/// The focused element of the tree (document or shadow root) `node` is in.
fn active_element(node: &web_sys::Node) -> Option<web_sys::Element> {
    let tree = node.get_root_node();
    match tree.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => web_sys::window()?.document()?.active_element(),
    }
}

/// Whether the focus is on `root` or inside it.
pub fn is_within(root: &web_sys::Element) -> bool {
    active_element(root).is_some_and(|active| root.contains(Some(&active)))
}

/// Whether nothing in `node`'s tree has the focus (the focused element was removed).
pub fn is_lost(node: &web_sys::Element) -> bool {
    match active_element(node) {
        None => true,
        Some(active) => active.tag_name().eq_ignore_ascii_case("body"),
    }
}

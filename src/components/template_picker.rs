//! The template picker: a template (the agent's language first), a labelled field per variable
//! with its problem under it (`aria-describedby`), a live preview of exactly what the customer
//! will receive (`protocol::fill`'s text and button addresses, as text nodes), and Send, disabled
//! while anything cannot be sent or a send is on its way. All native controls in reading order,
//! so the keyboard path is Tab through template, variables, preview and Send.

use leptos::ev;
use leptos::prelude::*;
use protocol::TemplateVariable;

use super::send_status_line::STATUS_ID;
use crate::engagement::TemplateSend;
use crate::engagement_text::problem_text;
use crate::widget_context::WidgetContext;

const SELECT_ID: &str = "acw-template-select";
const PREVIEW_HEADING_ID: &str = "acw-template-preview-heading";

#[component]
pub fn TemplatePicker() -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let send = TemplateSend::get();
    let has_templates = send.with_form(|form| !form.templates().is_empty());
    if !has_templates {
        return view! {
            <p class="acw-engagement-blocked" role="note" data-part="no-template">
                {i18n.t("template-none")}
            </p>
        }
        .into_any();
    }
    let options = send.with_form(|form| {
        form.templates()
            .iter()
            .map(|t| (t.id, format!("{} ({})", t.name, t.language)))
            .collect::<Vec<_>>()
    });
    let chosen = move || send.with_form(|form| form.chosen().map(|t| t.id));
    let variables = move || {
        send.with_form(|form| {
            form.chosen()
                .map(|t| {
                    t.variables
                        .iter()
                        .map(|v| (t.id, v.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let sendable = Memo::new(move |_| send.with_form(|form| matches!(form.filled(), Some(Ok(_)))));
    let busy = Memo::new(move |_| send.status().is_busy());
    let variables_legend = i18n.t("template-variables");
    let on_choose = move |event: ev::Event| {
        if let Ok(id) = event_target_value(&event).parse() {
            send.choose(id);
        }
    };
    let options = options
        .into_iter()
        .map(|(id, name)| {
            view! {
                <option value=id.to_string() selected=move || chosen() == Some(id)>{name}</option>
            }
        })
        .collect_view();
    view! {
        <form
            class="acw-template"
            data-part="template-picker"
            on:submit=move |event: ev::SubmitEvent| {
                event.prevent_default();
                send.send();
            }
        >
            <div class="acw-template-choice">
                <label for=SELECT_ID>{i18n.t("template-label")}</label>
                <select
                    id=SELECT_ID
                    class="acw-template-select"
                    data-part="template-select"
                    prop:value=move || chosen().map(|id| id.to_string()).unwrap_or_default()
                    on:change=on_choose
                >
                    {options}
                </select>
            </div>
            <Show when=move || !variables().is_empty()>
                <fieldset class="acw-variables" data-part="variables">
                    <legend>{variables_legend.clone()}</legend>
                    <For
                        each=variables
                        key=|(template, variable)| (*template, variable.label.clone())
                        let((_, variable))
                    >
                        <VariableField variable/>
                    </For>
                </fieldset>
            </Show>
            <Preview/>
            <button
                type="submit"
                class="acw-send"
                data-part="template-send"
                aria-describedby=STATUS_ID
                disabled=move || !sendable.get() || busy.get()
            >
                {i18n.t("template-send")}
            </button>
        </form>
    }
    .into_any()
}

/// One variable's field: its label (and whether it is optional), its value, and why that value
/// cannot be sent, if it cannot.
#[component]
fn VariableField(variable: TemplateVariable) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let send = TemplateSend::get();
    let label = variable.label.clone();
    let input_id = format!("acw-variable-{label}");
    let problem_id = format!("acw-variable-{label}-problem");
    let problems = {
        let label = label.clone();
        move || send.with_form(|form| form.problems_of(&label))
    };
    let invalid = {
        let problems = problems.clone();
        move || (!problems().is_empty()).to_string()
    };
    let value = {
        let label = label.clone();
        move || send.with_form(|form| form.field(&label).to_owned())
    };
    let on_input = {
        let label = label.clone();
        move |event: ev::Event| send.set_field(&label, &event_target_value(&event))
    };
    let optional = (!variable.required).then(|| {
        view! { <span class="acw-variable-optional">" (" {i18n.t("template-optional")} ")"</span> }
    });
    let problem_text = {
        let i18n = i18n.clone();
        move || {
            problems()
                .iter()
                .map(|reason| problem_text(&i18n, reason))
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    view! {
        <div class="acw-variable" data-variable=label.clone()>
            <label for=input_id.clone()>
                <span class="acw-variable-label" dir="ltr">{label.clone()}</span>
                {optional}
            </label>
            <input
                id=input_id
                type="text"
                dir="auto"
                autocomplete="off"
                data-part="variable-input"
                aria-required=variable.required.to_string()
                aria-invalid=invalid
                aria-describedby=problem_id.clone()
                prop:value=value
                on:input=on_input
            />
            <p class="acw-variable-problem" id=problem_id data-part="variable-problem">
                {problem_text}
            </p>
        </div>
    }
}

/// What the customer will receive: the filled body and each button's label and address, or a
/// note while a value cannot be sent.
#[component]
fn Preview() -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let send = TemplateSend::get();
    let filled = move || send.with_form(|form| form.filled().and_then(Result::ok));
    let pending = i18n.t("template-preview-pending");
    let shown = move || {
        match filled() {
        Some(filled) => {
            let buttons = filled
                .buttons
                .into_iter()
                .map(|button| {
                    view! {
                        <li class="acw-preview-button" data-part="preview-button">
                            <span class="acw-preview-button-label" dir="auto">{button.label}</span>
                            " "
                            <span class="acw-preview-button-url" dir="ltr">{button.url}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="acw-preview-body" dir="auto" data-part="preview-body">{filled.body}</p>
                <ul class="acw-preview-buttons">{buttons}</ul>
            }
            .into_any()
        }
        None => view! { <p class="acw-preview-pending" data-part="preview-pending">{pending.clone()}</p> }
            .into_any(),
    }
    };
    view! {
        <section class="acw-preview" data-part="preview" aria-labelledby=PREVIEW_HEADING_ID tabindex="0">
            <h3 class="acw-preview-heading" id=PREVIEW_HEADING_ID>{i18n.t("template-preview")}</h3>
            <div class="acw-preview-message">{shown}</div>
        </section>
    }
}

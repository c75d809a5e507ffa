//! The template an agent fills in before a send, on the engagement page or in a conversation whose
//! reply window has closed: which template, the value of each variable, and what
//! `protocol::fill` makes of them.
//!
//! Invariants: the templates are offered in the agent's language first
//! (`protocol::in_language_order`); the preview, the problems shown and the request sent all come
//! from one `protocol::fill` of the same values, so the agent sees exactly what the backend will
//! send or refuse; a field left empty is not sent (an optional variable then takes its default, a
//! required one is reported missing); values known from the record are pre-filled, and what the
//! agent typed is kept when they choose another template with the same variable.

use std::collections::BTreeMap;

use protocol::{
    ClientId, EngagementSendRequest, FilledTemplate, ProblemReason, Template, VariableProblem,
    fill, in_language_order,
};

/// What the widget knows of the record, to pre-fill variables by their label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    /// The customer's name (the Case Contact's).
    pub customer_name: String,
    pub case_number: String,
    pub agent_name: String,
}

impl Known {
    /// The value a variable named `label` starts with: `customer_name` the customer's name,
    /// `first_name` its first word, `case_number` the Case's number, `agent_name` the agent's.
    pub fn value_for(&self, label: &str) -> Option<&str> {
        let value = match label {
            "customer_name" => self.customer_name.trim(),
            "first_name" => self.customer_name.split_whitespace().next().unwrap_or(""),
            "case_number" => self.case_number.trim(),
            "agent_name" => self.agent_name.trim(),
            _ => "",
        };
        (!value.is_empty()).then_some(value)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateForm {
    templates: Vec<Template>,
    chosen: Option<i64>,
    /// What each field holds, by variable label, for the chosen template and those chosen before.
    fields: BTreeMap<String, String>,
    known: Known,
}

impl TemplateForm {
    /// The form on the first template in the agent's language order, pre-filled.
    pub fn new(templates: &[Template], agent_lang: &str, known: Known) -> Self {
        let templates = in_language_order(templates, agent_lang);
        let mut form = Self {
            chosen: None,
            templates,
            fields: BTreeMap::new(),
            known,
        };
        if let Some(first) = form.templates.first().map(|t| t.id) {
            form.choose(first);
        }
        form
    }

    /// The templates offered, in the order the picker lists them.
    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    pub fn chosen(&self) -> Option<&Template> {
        let id = self.chosen?;
        self.templates.iter().find(|t| t.id == id)
    }

    /// Chooses the template `id` (one of [`Self::templates`]): its fields keep what was typed for
    /// the same label, the others are pre-filled from the record.
    pub fn choose(&mut self, id: i64) {
        let Some(template) = self.templates.iter().find(|t| t.id == id) else {
            return;
        };
        for variable in &template.variables {
            if !self.fields.contains_key(&variable.label)
                && let Some(value) = self.known.value_for(&variable.label)
            {
                self.fields.insert(variable.label.clone(), value.to_owned());
            }
        }
        self.chosen = Some(id);
    }

    /// What the field of `label` holds.
    pub fn field(&self, label: &str) -> &str {
        self.fields.get(label).map_or("", String::as_str)
    }

    pub fn set_field(&mut self, label: &str, value: &str) {
        self.fields.insert(label.to_owned(), value.to_owned());
    }

    /// The values sent for the chosen template: its variables' non-empty fields.
    pub fn values(&self) -> BTreeMap<String, String> {
        let Some(template) = self.chosen() else {
            return BTreeMap::new();
        };
        template
            .variables
            .iter()
            .filter_map(|v| {
                let value = self
                    .fields
                    .get(&v.label)
                    .filter(|value| !value.is_empty())?;
                Some((v.label.clone(), value.clone()))
            })
            .collect()
    }

    /// What the customer would receive, or why it cannot be sent; `None` without a template.
    pub fn filled(&self) -> Option<Result<FilledTemplate, Vec<VariableProblem>>> {
        Some(fill(self.chosen()?, &self.values()))
    }

    /// Why the value of `label` cannot be sent, if it cannot.
    pub fn problems_of(&self, label: &str) -> Vec<ProblemReason> {
        match self.filled() {
            Some(Err(problems)) => problems
                .into_iter()
                .filter(|p| p.variable == label)
                .map(|p| p.reason)
                .collect(),
            _ => vec![],
        }
    }

    /// The request that sends the chosen template as previewed; `None` while it cannot be sent.
    pub fn request(&self, client_id: ClientId) -> Option<EngagementSendRequest> {
        let template = self.chosen()?;
        self.filled()?.ok()?;
        Some(EngagementSendRequest {
            client_id,
            template_id: template.id,
            values: self.values(),
        })
    }
}

#[cfg(test)]
mod tests;

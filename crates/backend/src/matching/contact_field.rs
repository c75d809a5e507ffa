//! The id of Alcméon's user custom field that holds a customer's Salesforce Contact id, found by
//! its label once and kept for the process's life.

use crate::alcmeon::{AlcmeonClient, ClientError};

/// The label the admin gives the field in Alcméon (compared without case).
pub const LABEL: &str = "Salesforce Contact Id";

#[derive(Default)]
pub struct ContactField(Option<i64>);

impl ContactField {
    /// The field's id; `None` while Alcméon has no field of that label.
    pub async fn id(&mut self, client: &AlcmeonClient) -> Result<Option<i64>, ClientError> {
        if self.0.is_none() {
            self.0 = client
                .user_custom_field_named(LABEL)
                .await?
                .map(|field| field.id);
        }
        Ok(self.0)
    }
}

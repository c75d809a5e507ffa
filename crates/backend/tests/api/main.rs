//! Black-box tests: the real backend on a free port, talking HTTP to the real Alcméon emulator.

mod access;
mod attachments;
mod consent;
mod conversation_state;
mod embed;
mod engagement;
mod engagement_access;
mod engagement_channels;
mod engagement_stream;
mod engagement_templates;
mod event_stream;
mod events;
mod helpers;
mod instances;
mod on_demand;
mod openapi;
mod provisioning;
mod replica;
mod replies;
mod reply_crash;
mod reply_order;
mod reply_queue;
mod startup;
mod time_zones;
mod webhook;
mod webhook_flood;

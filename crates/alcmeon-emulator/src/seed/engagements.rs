//! The engagement part of the demo: Lumio's WhatsApp account (201, the account of conversations
//! 1001, 1006 and 1008), its consent list and its templates, and RCS and KakaoTalk accounts with
//! theirs.
//!
//! | what | ids |
//! |---|---|
//! | opt-in list "Lumio order updates" (`default`) | 1501 |
//! | Camille Petit, `33612345678`, opted in, no conversation: the demo's engagement recipient | user-optin 1601 |
//! | Amélie Dubois (conversation 1001, ongoing), `33611223344`, opted in: a send is refused 403 | user-optin 1602 |
//! | Hugo Bernard, `33698765432`, opted in (1603, removed by the opt-out) then out 3 days ago | user-optout 1701 |
//! | Léa Fontaine (conversation 1008, its reply window closing 30 min after the seeding), `33623456789`, opted in: the countdown, then re-engagement | user-optin 1604 |
//! | Thomas Moreau (conversation 1006, reply window closed), `33687654321`, never opted in: re-engagement is blocked | none |
//! | WhatsApp templates on account 201: `order_update` (en), `order_update_fr` (fr), `satisfaction_follow_up` (en) | 2001, 2002, 2003 |
//! | RCS account 401: `delivery_slot` (en), `delivery_slot_fr` (fr) | 2101, 2102 |
//! | KakaoTalk account 402: `order_update_kr` (kr, approved), `winter_sale` (en, in review) | 2201, 2202 |
//!
//! Placeholders: `order_update` and `order_update_fr` take body variables `customer_name` and
//! `order_number`, and the button variable `order_number` (URL `https://lumio.example/orders/{{order_number}}`);
//! `satisfaction_follow_up` takes `customer_name`; the RCS templates take `customer_name` and
//! `slot` (title, body) and `order_number` (URL button); the KakaoTalk ones take
//! `customer_name` (and `order_number` for 2201).

use chrono::{DateTime, TimeDelta, Utc};

use crate::alcmeon_data::{
    AlcmeonData, KakaoTemplate, OptinType, RcsButton, RcsTemplate, Templates, UrlButton,
    WhatsappTemplate,
};

pub const WHATSAPP_ACCOUNT_ID: u64 = 201;
pub const RCS_ACCOUNT_ID: u64 = 401;
pub const KAKAOTALK_ACCOUNT_ID: u64 = 402;
pub const OPTED_IN_PHONE: &str = "33612345678";
pub const OPTED_OUT_PHONE: &str = "33698765432";
/// Amélie Dubois's number: conversation 1001 is ongoing.
pub const ONGOING_PHONE: &str = "33611223344";
pub const ONGOING_CONVERSATION_ID: u64 = 1001;
/// Léa Fontaine's number, opted in: conversation 1008's reply window is closing.
pub const CLOSING_PHONE: &str = "33623456789";
pub const CLOSING_CONVERSATION_ID: u64 = 1008;
/// Thomas Moreau's number, never opted in: conversation 1006's reply window is closed.
pub const NO_OPTIN_PHONE: &str = "33687654321";
pub const NO_OPTIN_CONVERSATION_ID: u64 = 1006;

const ORDER_BUTTON_URL: &str = "https://lumio.example/orders/{{order_number}}";

/// Adds the consent list, the contacts and the templates; conversations 1001, 1006 and 1008 must
/// exist, without actions yet (their customers' numbers are in every action).
pub fn add(data: &mut AlcmeonData, now: DateTime<Utc>) {
    for (conversation_id, number) in [
        (ONGOING_CONVERSATION_ID, ONGOING_PHONE),
        (NO_OPTIN_CONVERSATION_ID, NO_OPTIN_PHONE),
        (CLOSING_CONVERSATION_ID, CLOSING_PHONE),
    ] {
        data.set_customer_phone(conversation_id, number);
    }
    for (number, name) in [
        (OPTED_IN_PHONE, "Camille Petit"),
        (OPTED_OUT_PHONE, "Hugo Bernard"),
        (ONGOING_PHONE, "Amélie Dubois"),
        (CLOSING_PHONE, "Léa Fontaine"),
        (NO_OPTIN_PHONE, "Thomas Moreau"),
    ] {
        data.add_contact(number, name);
    }
    let opened = now - TimeDelta::days(60);
    let optins = data.optins_mut();
    if let Some(list) = optins.create_list(
        "Lumio order updates",
        OptinType::Default,
        Some("sophie.laurent@example.com"),
        opened,
    ) {
        let numbers = [
            OPTED_IN_PHONE,
            ONGOING_PHONE,
            OPTED_OUT_PHONE,
            CLOSING_PHONE,
        ]
        .map(str::to_owned);
        optins.opt_in(
            list.id,
            WHATSAPP_ACCOUNT_ID,
            &numbers,
            now - TimeDelta::days(30),
        );
        optins.opt_out(
            list.id,
            WHATSAPP_ACCOUNT_ID,
            &[OPTED_OUT_PHONE.to_owned()],
            now - TimeDelta::days(3),
        );
    }
    data.set_templates(templates(opened));
}

fn templates(created: DateTime<Utc>) -> Templates {
    let modified = created + TimeDelta::days(10);
    let order_button = |label: &str| UrlButton {
        label: label.to_owned(),
        url: ORDER_BUTTON_URL.to_owned(),
    };
    let whatsapp = |id, name: &str, language: &str, body: &str, buttons| WhatsappTemplate {
        id,
        account_id: WHATSAPP_ACCOUNT_ID,
        name: name.to_owned(),
        language: language.to_owned(),
        body: body.to_owned(),
        url_buttons: buttons,
    };
    let rcs = |id, name: &str, language: &str, title: &str, body: &str, labels: (&str, &str)| {
        RcsTemplate {
            id,
            account_id: RCS_ACCOUNT_ID,
            name: name.to_owned(),
            language: language.to_owned(),
            title: title.to_owned(),
            body: body.to_owned(),
            created_at: created,
            last_modified_at: modified,
            buttons: vec![
                RcsButton {
                    kind: "url".to_owned(),
                    label: labels.0.to_owned(),
                    quick_reply: None,
                    url: Some(ORDER_BUTTON_URL.to_owned()),
                },
                RcsButton {
                    kind: "quick-reply".to_owned(),
                    label: labels.1.to_owned(),
                    quick_reply: Some(labels.1.to_owned()),
                    url: None,
                },
            ],
        }
    };
    let kakaotalk = |id, name: &str, language: &str, body: &str, status: &str| KakaoTemplate {
        id,
        account_id: KAKAOTALK_ACCOUNT_ID,
        name: name.to_owned(),
        language: language.to_owned(),
        body: body.to_owned(),
        created_at: created,
        last_modified_at: modified,
        status: status.to_owned(),
    };
    Templates {
        whatsapp: vec![
            whatsapp(
                2001,
                "order_update",
                "en",
                "Hello {{customer_name}}, this is Lumio. We have news about your order {{order_number}}. Reply to this message to talk with our team.",
                vec![order_button("Track my order")],
            ),
            whatsapp(
                2002,
                "order_update_fr",
                "fr",
                "Bonjour {{customer_name}}, ici Lumio. Nous avons des nouvelles de votre commande {{order_number}}. Répondez à ce message pour échanger avec notre équipe.",
                vec![order_button("Suivre ma commande")],
            ),
            whatsapp(
                2003,
                "satisfaction_follow_up",
                "en",
                "Hi {{customer_name}}, how was your experience with Lumio? Just reply to this message.",
                vec![],
            ),
        ],
        rcs: vec![
            rcs(
                2101,
                "delivery_slot",
                "en",
                "Your delivery, {{customer_name}}",
                "Your Lumio order arrives {{slot}}.",
                ("Track my order", "Change the slot"),
            ),
            rcs(
                2102,
                "delivery_slot_fr",
                "fr",
                "Votre livraison, {{customer_name}}",
                "Votre commande Lumio arrive {{slot}}.",
                ("Suivre ma commande", "Changer de créneau"),
            ),
        ],
        kakaotalk: vec![
            kakaotalk(
                2201,
                "order_update_kr",
                "kr",
                "{{customer_name}}님, Lumio 주문 {{order_number}}에 대한 소식이 있습니다.",
                "approved",
            ),
            kakaotalk(
                2202,
                "winter_sale",
                "en",
                "Hi {{customer_name}}, Lumio's winter sale starts tomorrow.",
                "in_review",
            ),
        ],
        rcs_account_ids: vec![RCS_ACCOUNT_ID],
        kakaotalk_account_ids: vec![KAKAOTALK_ACCOUNT_ID],
    }
}

//! How the last hour of a reply window reads (`protocol::Conversation::reply_window_left_ms`
//! decides when it shows): whole minutes, rounded up, until the last minute, then seconds. So the
//! text changes once a minute, then each second, and never says "0" while the window is open.
//! And about how long a reply queued behind Alcméon's rate limit still waits.

use fluent_bundle::FluentArgs;

use crate::i18n::I18n;

const SECOND_MS: i64 = 1_000;
const MINUTE_MS: i64 = 60 * SECOND_MS;

/// "The reply window closes in 42 minutes", for `left_ms` milliseconds left.
pub fn countdown_text(i18n: &I18n, left_ms: i64) -> String {
    let (id, count) = if left_ms > MINUTE_MS {
        ("reply-window-closes-minutes", ceil_div(left_ms, MINUTE_MS))
    } else {
        (
            "reply-window-closes-seconds",
            ceil_div(left_ms.max(1), SECOND_MS),
        )
    };
    counted(i18n, id, count)
}

/// "Queued behind Alcméon's rate limit · about 40 seconds", for a reply that leaves in about
/// `left_ms`: seconds rounded up to a multiple of 5 (an estimate is no more exact) up to a minute
/// and a half, then minutes rounded up.
pub fn queued_text(i18n: &I18n, left_ms: i64) -> String {
    let (id, count) = if left_ms > 90 * SECOND_MS {
        ("delivery-queued-minutes", ceil_div(left_ms, MINUTE_MS))
    } else {
        (
            "delivery-queued-seconds",
            ceil_div(left_ms.max(1), 5 * SECOND_MS) * 5,
        )
    };
    counted(i18n, id, count)
}

fn counted(i18n: &I18n, id: &str, count: i64) -> String {
    let mut args = FluentArgs::new();
    args.set("count", count);
    i18n.t_with(id, &args)
}

fn ceil_div(value: i64, unit: i64) -> i64 {
    (value + unit - 1) / unit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    fn text(lang: &str, left_ms: i64) -> String {
        visible(countdown_text(&I18n::negotiate(lang), left_ms))
    }

    #[test]
    fn minutes_are_rounded_up_until_the_last_minute_then_seconds() {
        assert_eq!(
            text("en", 60 * MINUTE_MS),
            "The reply window closes in 60 minutes"
        );
        assert_eq!(
            text("en", 41 * MINUTE_MS + 1),
            "The reply window closes in 42 minutes"
        );
        assert_eq!(
            text("en", MINUTE_MS + 1),
            "The reply window closes in 2 minutes"
        );
        assert_eq!(
            text("en", MINUTE_MS),
            "The reply window closes in 60 seconds"
        );
        assert_eq!(text("en", 1_500), "The reply window closes in 2 seconds");
        assert_eq!(text("en", 1), "The reply window closes in 1 second");
    }

    #[test]
    fn a_queued_reply_reads_about_how_many_seconds_by_fives_then_minutes() {
        let text = |left_ms| visible(queued_text(&I18n::negotiate("en"), left_ms));
        let about = "Queued behind Alcméon’s rate limit · about";
        assert_eq!(text(40_000), format!("{about} 40 seconds"));
        assert_eq!(text(36_200), format!("{about} 40 seconds"));
        assert_eq!(text(1), format!("{about} 5 seconds"));
        assert_eq!(text(90_000), format!("{about} 90 seconds"));
        assert_eq!(text(90_001), format!("{about} 2 minutes"));
        assert_eq!(text(5 * MINUTE_MS + 1), format!("{about} 6 minutes"));
        let french = visible(queued_text(&I18n::negotiate("fr"), 12_000));
        assert_eq!(
            french,
            "En attente de la limite de débit d’Alcméon · environ 15 secondes"
        );
    }

    #[test]
    fn the_countdown_reads_in_the_agents_language() {
        assert_eq!(
            text("fr", 5 * MINUTE_MS),
            "La fenêtre de réponse se ferme dans 5 minutes"
        );
        assert_eq!(
            text("ru", 21 * MINUTE_MS),
            "Окно для ответа закроется через 21 минуту"
        );
    }
}

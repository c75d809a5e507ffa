use super::*;

/// A log as a browser lays it out: an 40 px slot for older pages, then rows stacked top to
/// bottom. A message row that starts its group shows an author line, so its bubble sits 20 px
/// below the row's top; other rows have their content at their top.
struct Log {
    rows: Vec<Shown>,
    top: i32,
    visible: i32,
}

#[derive(Clone)]
struct Shown {
    key: String,
    height: i32,
    bubble: i32,
}

const SLOT: i32 = 40;
const AUTHOR_LINE: i32 = 20;

fn message(id: i64) -> Shown {
    Shown {
        key: format!("m{id}"),
        height: 60,
        bubble: 0,
    }
}

fn messages(ids: std::ops::Range<i64>) -> Vec<Shown> {
    ids.map(message).collect()
}

fn day_separator(day: i64) -> Shown {
    Shown {
        key: format!("d{day}"),
        height: 30,
        bubble: 0,
    }
}

fn starting_a_group(mut row: Shown) -> Shown {
    row.height += AUTHOR_LINE;
    row.bubble = AUTHOR_LINE;
    row
}

impl Log {
    /// A 400 px high log showing `rows`, scrolled to its bottom as the thread opens.
    fn of(rows: Vec<Shown>) -> Self {
        let mut log = Self {
            rows,
            top: 0,
            visible: 400,
        };
        log.scroll_to(log.viewport().to_bottom());
        log
    }

    fn content(&self) -> i32 {
        SLOT + self.rows.iter().map(|row| row.height).sum::<i32>()
    }

    fn viewport(&self) -> Viewport {
        Viewport {
            top: self.top,
            content: self.content(),
            visible: self.visible,
        }
    }

    /// Scrolls as a browser does: never before the start nor past the end.
    fn scroll_to(&mut self, top: i32) {
        self.top = top.clamp(0, (self.content() - self.visible).max(0));
    }

    fn boxes(&self) -> Vec<RowBox> {
        let mut top = SLOT;
        self.rows
            .iter()
            .map(|row| {
                let row_box = RowBox {
                    key: row.key.clone(),
                    top,
                    height: row.height,
                };
                top += row.height;
                row_box
            })
            .collect()
    }

    fn bubble_top(&self, key: &str) -> i32 {
        let at = self.rows.iter().position(|row| row.key == key).unwrap();
        let above: i32 = self.rows[..at].iter().map(|row| row.height).sum();
        SLOT + above + self.rows[at].bubble
    }

    /// Where the bubble of `key` is in the visible part of the log.
    fn on_screen(&self, key: &str) -> i32 {
        self.bubble_top(key) - self.top
    }

    /// What the view does before it changes the rows: notes what the agent is reading.
    fn anchor(&self) -> Anchor {
        let key = reading(self.boxes(), self.top).expect("an item is in view");
        Anchor::new(key.clone(), self.bubble_top(&key), self.top)
    }

    /// What the view does once the changed rows are drawn: puts the anchor back.
    fn restore(&mut self, anchor: &Anchor) {
        if let Some(top) = anchor.restore(self.bubble_top(&anchor.key), self.top) {
            self.scroll_to(top);
        }
    }

    /// Items arriving at the bottom, as the feed shows them.
    fn arrive(&mut self, rows: Vec<Shown>, following: bool) {
        self.rows.extend(rows);
        if let Some(top) = after_arrival(following, self.viewport()) {
            self.scroll_to(top);
        }
    }
}

/// The window on the newest rows, the oldest loaded row outside it.
const NEWEST: Window = Window {
    at_start: false,
    at_end: true,
    may_load_older: true,
};

#[test]
fn an_agent_at_the_bottom_stays_at_the_bottom_when_three_messages_arrive() {
    let mut log = Log::of(messages(1..31));
    let following = look(log.viewport(), NEWEST, Before::default()).following;
    assert!(following, "the thread opens at the bottom, following");

    log.arrive(messages(31..34), following);

    assert_eq!(log.viewport().below(), 0);
    assert!(look(log.viewport(), NEWEST, Before::default()).following);
    assert!(
        (0..log.visible).contains(&log.on_screen("m33")),
        "the newest message is in view"
    );
}

#[test]
fn an_agent_scrolled_up_is_not_moved_when_messages_arrive() {
    let mut log = Log::of(messages(1..31));
    log.scroll_to(log.top - 300);
    let following = look(log.viewport(), NEWEST, Before::default()).following;
    assert!(!following);
    let reading = log.anchor().key;
    let before = log.on_screen(&reading);

    log.arrive(messages(31..34), following);

    assert_eq!(log.on_screen(&reading), before);
    assert_eq!(log.viewport().below(), 300 + 3 * 60);
}

#[test]
fn content_growing_below_a_following_agent_before_the_view_scrolls_leaves_them_following() {
    let mut log = Log::of(messages(1..31));
    let before = Before {
        top: log.top,
        following: look(log.viewport(), NEWEST, Before::default()).following,
    };
    assert!(before.following);
    log.rows.push(message(31)); // rendered; the view has not scrolled to it yet

    let look = look(log.viewport(), NEWEST, before);

    assert!(look.following, "a scroll event now must not stop following");
    log.arrive(vec![], look.following);
    assert_eq!(
        log.viewport().below(),
        0,
        "the view then brings m31 into view"
    );
}

#[test]
fn a_following_agent_who_scrolls_up_stops_following() {
    let mut log = Log::of(messages(1..31));
    let before = Before {
        top: log.top,
        following: true,
    };
    log.rows.push(message(31));
    log.scroll_to(log.top - 20);

    assert!(!look(log.viewport(), NEWEST, before).following);
}

#[test]
fn a_few_pixels_from_the_bottom_still_counts_as_at_the_bottom() {
    let mut log = Log::of(messages(1..31));
    log.scroll_to(log.top - FOLLOW_PX);
    assert!(look(log.viewport(), NEWEST, Before::default()).following);
    log.scroll_to(log.top - 1);
    assert!(!look(log.viewport(), NEWEST, Before::default()).following);
}

#[test]
fn the_bottom_of_an_older_window_is_not_following_and_slides_toward_the_newest() {
    let log = Log::of(messages(1..31));
    let older = Window {
        at_end: false,
        ..NEWEST
    };
    assert_eq!(
        look(log.viewport(), older, Before::default()),
        Look {
            following: false,
            next: Some(Move::SlideDown)
        }
    );
    assert_eq!(look(log.viewport(), NEWEST, Before::default()).next, None);
}

#[test]
fn older_rows_loaded_above_keep_the_message_being_read_in_place() {
    let mut log = Log::of(messages(1000..1050));
    log.scroll_to(100);
    let anchor = log.anchor();
    assert_eq!(
        anchor.key, "m1001",
        "m1000 ends at the visible top: m1001 is read"
    );
    let before = log.on_screen("m1001");

    let mut rows = messages(950..1000);
    rows.append(&mut log.rows);
    log.rows = rows;
    assert_ne!(
        log.on_screen("m1001"),
        before,
        "the new rows pushed it down"
    );
    log.restore(&anchor);

    assert_eq!(log.on_screen("m1001"), before);
    assert_eq!(log.top, 100 + 50 * 60);
}

#[test]
fn a_message_that_joins_the_group_above_keeps_its_bubble_not_its_row_in_place() {
    let mut log = Log::of(vec![starting_a_group(message(20)), message(21)]);
    log.visible = 60;
    log.scroll_to(SLOT + 10);
    let anchor = log.anchor();
    let before = log.on_screen("m20");

    // Message 19 arrives above from the same writer: 20 loses its author line.
    log.rows = vec![starting_a_group(message(19)), message(20), message(21)];
    log.restore(&anchor);

    assert_eq!(log.on_screen("m20"), before);
}

#[test]
fn rows_leaving_the_dom_above_keep_the_message_being_read_in_place() {
    let mut log = Log::of(messages(0..200));
    log.scroll_to(6_000);
    let anchor = log.anchor();
    let before = log.on_screen(&anchor.key);

    log.rows.drain(..40);
    log.restore(&anchor);

    assert_eq!(log.on_screen(&anchor.key), before);
    assert_eq!(log.top, 6_000 - 40 * 60);
}

#[test]
fn the_row_being_read_is_an_item_never_a_day_separator_or_the_unread_marker() {
    let mut rows = vec![day_separator(1)];
    rows.extend(messages(1..4));
    rows.push(Shown {
        key: "u".into(),
        height: 30,
        bubble: 0,
    });
    rows.extend(messages(4..20));
    let mut log = Log::of(rows);

    log.scroll_to(SLOT);
    assert_eq!(
        log.anchor().key,
        "m1",
        "the separator is in view, the message under it is read"
    );
    log.scroll_to(SLOT + 30 + 3 * 60);
    assert_eq!(
        log.anchor().key,
        "m4",
        "the marker is in view, the message under it is read"
    );
}

#[test]
fn a_reading_position_already_in_place_moves_nothing() {
    let log = Log::of(messages(0..30));
    let anchor = log.anchor();
    assert_eq!(anchor.restore(log.bubble_top(&anchor.key), log.top), None);
}

#[test]
fn near_the_top_the_window_slides_up_before_an_older_page_is_asked() {
    let mut log = Log::of(messages(0..30));
    log.scroll_to(EDGE_PX - 1);
    assert_eq!(
        look(log.viewport(), NEWEST, Before::default()).next,
        Some(Move::SlideUp)
    );

    let oldest_loaded = Window {
        at_start: true,
        ..NEWEST
    };
    assert_eq!(
        look(log.viewport(), oldest_loaded, Before::default()).next,
        Some(Move::LoadOlder)
    );

    let nothing_to_ask = Window {
        may_load_older: false,
        ..oldest_loaded
    };
    assert_eq!(
        look(log.viewport(), nothing_to_ask, Before::default()).next,
        None,
        "no older page, one already loading, or the last try failed"
    );

    log.scroll_to(EDGE_PX);
    assert_eq!(
        look(log.viewport(), oldest_loaded, Before::default()).next,
        None
    );
}

//! Offset paging, as Alcméon's opt-in and template listings define it: page `page` (from 0) holds
//! at most `limit` items.

/// The items of page `page`, and whether another page follows.
pub fn page_of<T>(all: &[T], page: usize, limit: usize) -> (&[T], bool) {
    let start = page.saturating_mul(limit).min(all.len());
    let end = start.saturating_add(limit).min(all.len());
    (&all[start..end], end < all.len())
}

#[cfg(test)]
mod tests {
    use super::page_of;

    #[test]
    fn pages_hold_at_most_the_limit_and_say_whether_more_follow() {
        let all = [1, 2, 3, 4, 5];
        assert_eq!(page_of(&all, 0, 2), (&all[0..2], true));
        assert_eq!(page_of(&all, 2, 2), (&all[4..5], false));
        assert_eq!(page_of(&all, 1, 3), (&all[3..5], false));
        assert_eq!(page_of(&all, 9, 2), (&all[5..5], false));
    }
}

use super::*;

fn event(kind: &str, data: &str) -> ServerSentEvent {
    ServerSentEvent {
        kind: kind.into(),
        data: data.into(),
    }
}

fn read_all(chunks: &[&[u8]]) -> (Vec<ServerSentEvent>, Option<String>) {
    let mut reader = EventStreamReader::default();
    let events = chunks.iter().flat_map(|chunk| reader.push(chunk)).collect();
    (events, reader.last_event_id)
}

const STREAM: &str =
    "event: ready\nid: 41\ndata: {}\n\n: keep-alive\n\nevent: item\nid: 42\ndata: {\"id\":7}\n\n";

#[test]
fn events_are_read_whole_with_their_type_data_and_the_position_to_resume_after() {
    let (events, last) = read_all(&[STREAM.as_bytes()]);
    assert_eq!(events, [event("ready", "{}"), event("item", "{\"id\":7}")]);
    assert_eq!(last.as_deref(), Some("42"));
}

#[test]
fn an_event_cut_anywhere_between_chunks_reads_the_same() {
    let whole = read_all(&[STREAM.as_bytes()]);
    for cut in 1..STREAM.len() {
        let (head, tail) = STREAM.as_bytes().split_at(cut);
        assert_eq!(read_all(&[head, tail]), whole, "cut at {cut}");
    }
    let one_by_one: Vec<&[u8]> = STREAM.as_bytes().chunks(1).collect();
    assert_eq!(read_all(&one_by_one), whole);
}

#[test]
fn crlf_and_cr_end_lines_too_even_when_a_chunk_ends_between_cr_and_lf() {
    let crlf = STREAM.replace('\n', "\r\n");
    let cr = STREAM.replace('\n', "\r");
    let whole = read_all(&[STREAM.as_bytes()]);
    assert_eq!(read_all(&[crlf.as_bytes()]), whole);
    assert_eq!(read_all(&[cr.as_bytes()]), whole);
    let at_cr = crlf.find("\r\n\r\n").unwrap() + 1;
    let (head, tail) = crlf.as_bytes().split_at(at_cr);
    assert_eq!(read_all(&[head, tail]), whole);
}

#[test]
fn data_lines_join_with_newlines_and_an_event_without_data_only_moves_the_position() {
    let (events, last) = read_all(&[b"data: first\ndata:second\ndata\n\nid: 9\nevent: item\n\n"]);
    assert_eq!(events, [event("message", "first\nsecond\n")]);
    assert_eq!(last.as_deref(), Some("9"));
}

#[test]
fn an_unfinished_event_is_not_dispatched() {
    let (events, _) = read_all(&[b"event: item\ndata: {\"id\":7}\n"]);
    assert!(events.is_empty());
}

#[test]
fn a_character_cut_between_two_chunks_reads_whole() {
    let stream = "event: item\ndata: {\"author\":\"Léa\"}\n\n".as_bytes();
    let cut = stream.iter().position(|&b| b >= 0x80).unwrap() + 1;
    let (events, _) = read_all(&[&stream[..cut], &stream[cut..]]);
    assert_eq!(events, [event("item", "{\"author\":\"Léa\"}")]);
}

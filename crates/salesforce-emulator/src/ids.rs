//! Salesforce record ids: 15 case-sensitive characters (the object's 3-character key prefix, a
//! 2-character pod, a reserved `0`, a 9-character base-62 number), then 3 characters that encode
//! which of the 15 are upper case, so the 18-character form survives case-insensitive tools.
//!
//! Invariant: every id this emulator issues is 18 characters; lookups and filters accept the
//! 15- or 18-character form and compare on the first 15.

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SUFFIX: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
/// The emulated org's pod, in every id it issues.
const POD: &str = "5g";

/// The 18-character id of record number `number` of the object with key prefix `prefix`.
pub fn issue(prefix: &str, number: u64) -> String {
    let mut digits = [b'0'; 9];
    let mut rest = number;
    for digit in digits.iter_mut().rev() {
        *digit = BASE62[(rest % 62) as usize];
        rest /= 62;
    }
    let short = format!("{prefix}{POD}0{}", String::from_utf8_lossy(&digits));
    with_suffix(&short)
}

fn with_suffix(short: &str) -> String {
    let mut id = short.to_owned();
    for chunk in short.as_bytes().chunks(5) {
        let bits = chunk
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_ascii_uppercase())
            .fold(0, |bits, (i, _)| bits | (1 << i));
        id.push(SUFFIX[bits] as char);
    }
    id
}

/// The 15-character form of a well-formed id (15 or 18 alphanumeric characters, the 18-character
/// form's suffix matching), else `None`.
pub fn canonical(id: &str) -> Option<&str> {
    let well_formed = matches!(id.len(), 15 | 18) && id.bytes().all(|c| c.is_ascii_alphanumeric());
    if !well_formed {
        return None;
    }
    let short = &id[..15];
    let suffix_ok = id.len() == 15 || with_suffix(short)[15..].eq_ignore_ascii_case(&id[15..]);
    suffix_ok.then_some(short)
}

/// The 18-character form of a well-formed id.
pub fn full(id: &str) -> Option<String> {
    canonical(id).map(with_suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_salesforce_id_gets_its_known_suffix() {
        assert_eq!(with_suffix("001D000000IqhSL"), "001D000000IqhSLIAZ");
        assert_eq!(full("001D000000IqhSL").unwrap(), "001D000000IqhSLIAZ");
    }

    #[test]
    fn issued_ids_are_eighteen_characters_in_number_order_and_read_back() {
        let (first, second) = (issue("003", 1), issue("003", 62));
        assert_eq!(first.len(), 18);
        assert!(first.starts_with("0035g0"));
        assert!(first < second);
        assert_eq!(canonical(&first), Some(&first[..15]));
        assert_eq!(canonical("003-not-an-id"), None);
        assert_eq!(canonical(&format!("{}ZZZ", &first[..15])), None);
    }
}

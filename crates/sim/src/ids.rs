//! Random identifiers shaped like Azure's: GUIDs for request ids, hex strings for account keys.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// 64 random bits: std's per-process random hasher keys mixed with a counter, so no extra crate is needed.
fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.finish()
}

/// A random version-4-shaped GUID, as Azure uses for request and operation ids.
pub fn guid() -> String {
    let a = random_u64();
    let b = random_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        0x8000 | (b >> 48 & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// A GUID that is always the same for the same `text`: fixed ids for what a seed makes up (role assignments
/// a seed does not list), so they survive a restart.
pub fn guid_from(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(text.as_bytes());
    let hex: String = d.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-4{}-8{}-{}", &hex[0..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..32])
}

/// Whether `text` is a GUID (`8-4-4-4-12` hex digits).
pub fn is_guid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Now as Azure writes times in resource bodies: `2026-01-31T12:34:56.1234567Z`.
pub fn precise_timestamp() -> String {
    use chrono::Timelike;
    let now = chrono::Utc::now();
    // Seven digits of fraction (100 ns ticks), which chrono has no format for.
    format!("{}.{:07}Z", now.format("%Y-%m-%dT%H:%M:%S"), now.nanosecond() % 1_000_000_000 / 100)
}

/// A random number in `0..bound` (0 when `bound` is 0).
pub fn random_below(bound: u64) -> u64 {
    random_u64().checked_rem(bound).unwrap_or(0)
}

/// `len` random letters and digits, as in Azure's `chatcmpl-…` ids and stream `obfuscation` padding.
pub fn random_alnum(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..len).map(|_| ALPHABET[random_below(ALPHABET.len() as u64) as usize] as char).collect()
}

/// A random account key: 32 hex characters, like a classic Cognitive Services key.
pub fn account_key() -> String {
    format!("{:016x}{:016x}", random_u64(), random_u64())
}

/// Now as an ISO 8601 UTC timestamp, offset by `offset_secs` (no date crate needed for this).
pub fn utc_timestamp(offset_secs: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
        + offset_secs;
    let (days, secs) = (now.div_euclid(86_400), now.rem_euclid(86_400));
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn guids_are_shaped_and_distinct() {
        let (a, b) = (super::guid(), super::guid());
        assert_eq!(a.len(), 36);
        assert_ne!(a, b);
        assert_eq!(super::account_key().len(), 32);
        assert!(super::utc_timestamp(0).ends_with('Z'));
        let id = super::random_alnum(29);
        assert_eq!(id.len(), 29);
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()));
        let fixed = super::guid_from("x");
        assert!(super::is_guid(&fixed) && fixed == super::guid_from("x") && fixed != super::guid_from("y"));
        assert!(!super::is_guid("not-a-guid"));
        assert_eq!(super::precise_timestamp().len(), "2026-01-31T12:34:56.1234567Z".len());
    }
}

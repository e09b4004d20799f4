//! Account keys as people may see them: masked but for their last four characters.

use foundry_azure::arm::models::KeyName;

/// How many trailing characters of a key stay visible when it is masked.
pub const VISIBLE_TAIL: usize = 4;

/// `abcdef123456` → `********3456`: enough to tell keys apart, not enough to use one.
pub fn mask_key(key: &str) -> String {
    let len = key.chars().count();
    match key_tail(key) {
        Some(tail) => format!("{}{tail}", "*".repeat(len - VISIBLE_TAIL)),
        None => "*".repeat(len),
    }
}

/// The last characters of a key that may be shown, or `None` for a key so short that they would be
/// most of it.
pub fn key_tail(key: &str) -> Option<String> {
    let chars: Vec<char> = key.chars().collect();
    (chars.len() > VISIBLE_TAIL * 2).then(|| chars[chars.len() - VISIBLE_TAIL..].iter().collect())
}

/// Reads `key1` / `Key2` in any casing.
pub fn parse_key_name(text: &str) -> Option<KeyName> {
    match text.trim().to_ascii_lowercase().as_str() {
        "key1" => Some(KeyName::Key1),
        "key2" => Some(KeyName::Key2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_all_but_the_last_four() {
        assert_eq!(mask_key("0123456789abcdef"), "************cdef");
    }

    #[test]
    fn short_keys_are_masked_entirely() {
        assert_eq!(mask_key("abcdef"), "******");
        assert_eq!(mask_key(""), "");
    }

    #[test]
    fn key_names_ignore_case() {
        assert_eq!(parse_key_name("Key1"), Some(KeyName::Key1));
        assert_eq!(parse_key_name("key2"), Some(KeyName::Key2));
        assert_eq!(parse_key_name("key3"), None);
    }
}

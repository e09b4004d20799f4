//! What the fuzz targets share: turning arbitrary bytes into the headers a wire could carry.

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// Headers from fuzzer input, keeping only names and values the HTTP stack would accept.
pub fn header_map(headers: &[(String, Vec<u8>)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name.as_str()), HeaderValue::from_bytes(value)) {
            map.append(name, value);
        }
    }
    map
}

//! Open enums: string values Azure documents as enums but keeps extending.
//!
//! Each type has the variants the app acts on plus `Other(String)`, so a value this build has never seen
//! decodes instead of failing and goes back on the wire exactly as it came.

/// Declares an open enum: `Name { Variant => "WireSpelling", … }`.
///
/// Decoding matches the wire spelling exactly (so every value re-encodes verbatim); anything else becomes
/// `Other`. Real traffic varies casing, so logic that must not care uses [`canonical`](#method.canonical).
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this client does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            /// The value as Azure spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(value) => value,
                }
            }

            /// The known variant this value names ignoring ASCII case, or the value itself.
            pub fn canonical(&self) -> Self {
                $( if self.as_str().eq_ignore_ascii_case($wire) { return Self::$variant; } )+
                self.clone()
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::Other(_) => Self::Other(value),
                    known => known,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    };
}

pub(crate) use open_enum;

#[cfg(test)]
mod tests {
    open_enum! {
        /// Test subject.
        Colour {
            /// Red.
            Red => "Red",
            /// Dark blue.
            DarkBlue => "DarkBlue",
        }
    }

    #[test]
    fn known_values_decode_to_their_variant() {
        let colour: Colour = serde_json::from_str("\"DarkBlue\"").unwrap();
        assert_eq!(colour, Colour::DarkBlue);
        assert_eq!(serde_json::to_string(&colour).unwrap(), "\"DarkBlue\"");
    }

    #[test]
    fn unknown_values_round_trip_verbatim() {
        let colour: Colour = serde_json::from_str("\"Ultra Violet\"").unwrap();
        assert_eq!(colour, Colour::Other("Ultra Violet".into()));
        assert_eq!(serde_json::to_string(&colour).unwrap(), "\"Ultra Violet\"");
    }

    #[test]
    fn other_casing_is_kept_on_the_wire_but_canonical_finds_the_variant() {
        let colour: Colour = serde_json::from_str("\"darkblue\"").unwrap();
        assert_eq!(colour, Colour::Other("darkblue".into()));
        assert_eq!(colour.canonical(), Colour::DarkBlue);
        assert_eq!(serde_json::to_string(&colour).unwrap(), "\"darkblue\"");
        assert_eq!(Colour::from("Purple").canonical(), Colour::Other("Purple".into()));
    }
}

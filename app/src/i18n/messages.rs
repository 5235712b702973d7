//! The macro `say.rs`'s list of messages is written in: one list of
//! sections, each of `Variant = "fluent-id"` lines, declares the `Say` and
//! `Section` enums and what the server and the browser ask of them.

/// Declares `Say` and `Section` from one list of sections of
/// `Variant = "fluent-id"` lines.
macro_rules! messages {
    ($($section:ident { $($variant:ident = $id:literal,)* })*) => {
        /// A message an island shows; see the catalogues for its text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Say { $($($variant,)*)* }

        impl Say {
            /// Its place among all messages, which is how the browser finds it.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        /// The islands' messages in groups, each sent to the browser whole.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Section { $($section,)* }

        impl Section {
            /// Every section, in order.
            pub const ALL: &[Section] = &[$(Section::$section,)*];

            /// The messages of this section.
            pub fn messages(self) -> &'static [Say] {
                match self { $(Section::$section => &[$(Say::$variant,)*],)* }
            }
        }

        #[cfg(feature = "ssr")]
        impl Say {
            /// The message's id in the catalogues.
            pub fn id(self) -> &'static str {
                match self { $($(Say::$variant => $id,)*)* }
            }
        }
    };
}

pub(super) use messages;

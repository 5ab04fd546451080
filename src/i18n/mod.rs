//! The reader's language: the languages downwatch speaks, their messages
//! (Project Fluent `.ftl` files under `assets/i18n/`, embedded in the
//! binary), picking one from a URL prefix, a cookie or `Accept-Language`,
//! and numbers and dates written the way each language writes them.
//!
//! A message missing from a language, or one that fails to format, comes
//! out wrapped in `⟦…⟧` (and is logged), so tests can see it on a page.

pub mod labels;

use chrono::{DateTime, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// A language downwatch speaks. English is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
    PtBr,
    It,
    Ja,
    Nl,
}

/// Stored (with a follower) as its tag; an unknown tag reads as English.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Ok(Lang::ALL
            .into_iter()
            .find(|l| l.tag() == tag)
            .unwrap_or_default())
    }
}

/// Marks a message that is missing or failed to format.
pub const MISSING_OPEN: char = '⟦';

impl Lang {
    /// Every language, English first (the order of the footer switcher).
    pub const ALL: [Lang; 8] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::PtBr,
        Lang::It,
        Lang::Ja,
        Lang::Nl,
    ];

    /// The BCP 47 tag (`lang` and `hreflang` attributes).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
            Lang::It => "it",
            Lang::Ja => "ja",
            Lang::Nl => "nl",
        }
    }

    /// The URL prefix segment (`/de/status/spotify`): the tag in lower case.
    pub fn segment(self) -> &'static str {
        match self {
            Lang::PtBr => "pt-br",
            other => other.tag(),
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::PtBr => "Português (Brasil)",
            Lang::It => "Italiano",
            Lang::Ja => "日本語",
            Lang::Nl => "Nederlands",
        }
    }

    /// The language a tag names ("de", "de-AT", "pt", "PT-br", "ja-JP"),
    /// by its primary subtag; Portuguese of any region is pt-BR's.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().split('-').next() == Some(primary.as_str()))
    }

    /// The language of a URL segment ("de", "pt-br"), exactly.
    pub fn from_segment(segment: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.segment() == segment)
    }

    /// The best language for an `Accept-Language` header: the highest
    /// weighted one we speak (the first among equals), else English.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q.is_nan() || q <= 0.0 {
                continue;
            }
            let Some(lang) = Lang::from_tag(tag) else {
                continue;
            };
            if best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::En, |(_, l)| l)
    }

    /// The language a request was made in: the page it was sent from (its
    /// `Referer`'s language prefix, for forms and scripts on a page), else
    /// the switcher's `lang` cookie, else `Accept-Language`, else English.
    pub fn of_request(req: &actix_web::HttpRequest) -> Lang {
        use actix_web::http::header;
        let header = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
        header(header::REFERER)
            .and_then(Lang::from_url)
            .unwrap_or_else(|| Lang::preferred(req))
    }

    /// The reader's language for an unprefixed address: the switcher's
    /// `lang` cookie, else `Accept-Language`, else English.
    pub fn preferred(req: &actix_web::HttpRequest) -> Lang {
        use actix_web::http::header;
        req.cookie("lang")
            .and_then(|c| Lang::from_segment(c.value()))
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .map(Lang::negotiate)
            })
            .unwrap_or_default()
    }

    /// The language prefix of a page URL ("https://host/de/status/x").
    pub fn from_url(url: &str) -> Option<Lang> {
        let path = match url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
            None => url,
        };
        Lang::from_segment(path.strip_prefix('/')?.split(['/', '?', '#']).next()?)
    }

    /// `path` ("/status/spotify", "/") under this language's prefix.
    pub fn href(self, path: &str) -> String {
        format!("/{}{path}", self.segment())
    }

    /// The space between two sentences or between a label and what it
    /// labels: none in Japanese, whose punctuation carries its own.
    pub fn gap(self) -> &'static str {
        match self {
            Lang::Ja => "",
            _ => " ",
        }
    }

    /// The message `id` without arguments.
    pub fn t(self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments.
    pub fn t_args(self, id: &str, args: &FluentArgs) -> String {
        self.format(id, Some(args))
    }

    fn format(self, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = &BUNDLES[self as usize];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(lang = self.tag(), id, "missing message");
            return format!("{MISSING_OPEN}{id}⟧");
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(lang = self.tag(), id, ?errors, "message did not format");
            return format!("{MISSING_OPEN}{id}: {text}⟧");
        }
        text.into_owned()
    }

    /// A whole number with this language's digit grouping ("12,345",
    /// "12.345", "12 345").
    pub fn number(self, n: u64) -> String {
        let separator = match self {
            Lang::En | Lang::Ja => ",",
            Lang::De | Lang::Es | Lang::PtBr | Lang::It | Lang::Nl => ".",
            // French groups with a narrow no-break space.
            Lang::Fr => "\u{202f}",
        };
        // Spanish leaves four-digit numbers ungrouped (RAE, CLDR).
        if self == Lang::Es && n < 10_000 {
            return n.to_string();
        }
        group(n, separator)
    }

    /// A date and time in UTC as this language writes it ("2 Mar 2026,
    /// 14:05", "2.3.2026, 14:05"); the pattern is the `date-time-format`
    /// message (chrono's strftime syntax).
    pub fn date_time(self, at: DateTime<Utc>) -> String {
        let pattern = self.t("date-time-format");
        let mut out = String::new();
        use std::fmt::Write;
        if write!(out, "{}", at.format(&pattern)).is_err() {
            return at.format("%Y-%m-%d %H:%M").to_string();
        }
        out
    }
}

/// `n` with `separator` between groups of three digits.
fn group(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// The `.ftl` source of each language, in [`Lang::ALL`] order.
pub const SOURCES: [(Lang, &str); 8] = [
    (Lang::En, include_str!("../../assets/i18n/en.ftl")),
    (Lang::De, include_str!("../../assets/i18n/de.ftl")),
    (Lang::Fr, include_str!("../../assets/i18n/fr.ftl")),
    (Lang::Es, include_str!("../../assets/i18n/es.ftl")),
    (Lang::PtBr, include_str!("../../assets/i18n/pt-BR.ftl")),
    (Lang::It, include_str!("../../assets/i18n/it.ftl")),
    (Lang::Ja, include_str!("../../assets/i18n/ja.ftl")),
    (Lang::Nl, include_str!("../../assets/i18n/nl.ftl")),
];

/// A custom formatter so that numbers in messages (`{ $count }`) are
/// grouped the language's way; Fluent's own writes bare digits.
fn format_number(
    lang: Lang,
) -> fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    macro_rules! per_lang {
        ($l:expr) => {{
            fn f(
                v: &FluentValue,
                _: &intl_memoizer::concurrent::IntlLangMemoizer,
            ) -> Option<String> {
                match v {
                    FluentValue::Number(n)
                        if n.options.minimum_fraction_digits.is_none()
                            && n.value.fract() == 0.0
                            && n.value >= 0.0
                            && n.value < 1e15 =>
                    {
                        Some($l.number(n.value as u64))
                    }
                    _ => None,
                }
            }
            f
        }};
    }
    match lang {
        Lang::En => per_lang!(Lang::En),
        Lang::De => per_lang!(Lang::De),
        Lang::Fr => per_lang!(Lang::Fr),
        Lang::Es => per_lang!(Lang::Es),
        Lang::PtBr => per_lang!(Lang::PtBr),
        Lang::It => per_lang!(Lang::It),
        Lang::Ja => per_lang!(Lang::Ja),
        Lang::Nl => per_lang!(Lang::Nl),
    }
}

/// One bundle per language, in [`Lang::ALL`] order. A file that does not
/// parse is a build defect the tests catch; at run time its good entries
/// still load.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, source)| {
            let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around arguments: every language
            // here is left to right, and the marks would end up in HTML.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_number(*lang)));
            let resource = match FluentResource::try_new(source.to_string()) {
                Ok(r) => r,
                Err((r, errors)) => {
                    tracing::error!(lang = lang.tag(), ?errors, "messages do not parse");
                    r
                }
            };
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(lang = lang.tag(), ?errors, "messages clash");
            }
            bundle
        })
        .collect()
});

/// A value a message takes: text or a number.
pub trait Arg {
    fn arg(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),+) => {
        $(impl Arg for $t {
            fn arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        })+
    };
}
number_arg!(u64, u32, usize, i64, f64);

/// `t!(lang, "id")` or `t!(lang, "id", name = value, …)`: the message in
/// `lang`; values are strings or numbers.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $lang.t($id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::Arg::arg($value)); )+
        $lang.t_args($id, &args)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;
    use fluent_syntax::parser::parse;
    use std::collections::BTreeSet;

    fn ids(source: &str) -> BTreeSet<String> {
        let resource = match parse(source) {
            Ok(r) => r,
            Err((_, errors)) => panic!("does not parse: {errors:?}"),
        };
        resource
            .body
            .iter()
            .filter_map(|e| match e {
                Entry::Message(m) => Some(m.id.name.to_string()),
                Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_english_message_and_no_others() {
        let english = ids(SOURCES[0].1);
        assert!(english.len() > 50, "{}", english.len());
        for (lang, source) in &SOURCES[1..] {
            let theirs = ids(source);
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.tag());
            assert!(extra.is_empty(), "{}: not in en.ftl {extra:?}", lang.tag());
        }
    }

    #[test]
    fn every_message_formats_in_every_language() {
        // Each message with the arguments the pages give it (numbers for
        // counts, strings for names): no error, no marker.
        for (lang, source) in SOURCES {
            for id in ids(source).into_iter().filter(|i| !i.starts_with('-')) {
                let mut args = FluentArgs::new();
                for name in [
                    "name", "place", "region", "time", "reports", "usual", "level", "duration",
                    "first", "second", "list", "hours", "minutes", "peak", "total", "started",
                    "detected", "when", "words", "summary", "subject", "cause", "what", "official",
                    "back", "date", "days", "grade", "lag", "expected", "share", "rise", "others",
                    "service", "feed", "asked", "text", "title", "observed", "window", "resolved",
                    "status", "message", "labelled", "people", "reason", "kind",
                ] {
                    args.set(name, FluentValue::from("X"));
                }
                for count in [0u64, 1, 2, 5, 21, 1234] {
                    for name in ["count", "pct", "outages", "unacknowledged"] {
                        args.set(name, FluentValue::from(count));
                    }
                    let text = lang.t_args(&id, &args);
                    assert!(
                        !text.contains(MISSING_OPEN) && !text.is_empty(),
                        "{} {id}: {text}",
                        lang.tag()
                    );
                }
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(t!(Lang::En, "reports", count = 1u64), "1 report");
        assert_eq!(t!(Lang::En, "reports", count = 1234u64), "1,234 reports");
        assert_eq!(t!(Lang::De, "reports", count = 1u64), "1 Meldung");
        assert_eq!(t!(Lang::De, "reports", count = 1234u64), "1.234 Meldungen");
        // French counts 0 and 1 as singular.
        assert_eq!(t!(Lang::Fr, "reports", count = 0u64), "0 signalement");
        assert_eq!(t!(Lang::Fr, "reports", count = 2u64), "2 signalements");
        assert_eq!(t!(Lang::Ja, "reports", count = 3u64), "3件の報告");
    }

    #[test]
    fn numbers_and_dates_are_written_the_languages_way() {
        assert_eq!(Lang::En.number(1_234_567), "1,234,567");
        assert_eq!(Lang::De.number(1_234), "1.234");
        assert_eq!(Lang::Es.number(1_234), "1234");
        assert_eq!(Lang::Es.number(12_345), "12.345");
        assert_eq!(Lang::Fr.number(12_345), "12\u{202f}345");
        assert_eq!(Lang::En.number(999), "999");
        let at = DateTime::parse_from_rfc3339("2026-03-02T14:05:00Z")
            .map(|d| d.with_timezone(&Utc))
            .expect("date");
        assert_eq!(Lang::En.date_time(at), "2 Mar 2026, 14:05");
        assert_eq!(Lang::De.date_time(at), "2.3.2026, 14:05");
        assert_eq!(Lang::Ja.date_time(at), "2026/03/02 14:05");
    }

    #[test]
    fn accept_language_picks_the_best_language_we_speak() {
        assert_eq!(Lang::negotiate("de-DE,de;q=0.9,en;q=0.8"), Lang::De);
        assert_eq!(Lang::negotiate("sv, pt;q=0.7, en;q=0.5"), Lang::PtBr);
        assert_eq!(Lang::negotiate("en;q=0.5, ja"), Lang::Ja);
        assert_eq!(Lang::negotiate("ja;q=0, fr;q=0.1"), Lang::Fr);
        assert_eq!(Lang::negotiate("sv, zh"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("*"), Lang::En);
        assert_eq!(Lang::from_segment("pt-br"), Some(Lang::PtBr));
        assert_eq!(Lang::from_segment("pt-BR"), None);
        assert_eq!(Lang::De.href("/status/spotify"), "/de/status/spotify");
        assert_eq!(
            Lang::from_url("http://127.0.0.1:8080/ja/status/spotify?x=1"),
            Some(Lang::Ja)
        );
        assert_eq!(Lang::from_url("https://h/status/spotify"), None);
        assert_eq!(Lang::from_url("https://h"), None);
        assert_eq!(Lang::from_url("/pt-br/"), Some(Lang::PtBr));
    }
}

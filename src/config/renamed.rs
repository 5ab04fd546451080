//! Settings that were renamed, and the environment variables they used to
//! be read from. The old flags are clap aliases of the new ones; the old
//! variables are read here, as a fallback when the new one is unset, so an
//! operator's existing settings are not silently dropped. Both are
//! deprecated (README, configuration table).

use super::Cli;
use clap::{Arg, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// A renamed setting: its clap id (the `Settings` field), its variable and
/// the variable it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renamed {
    pub id: &'static str,
    pub env: &'static str,
    pub old_env: &'static str,
}

/// The delivery queue carries push and mail notices too: its settings
/// were `--webhook-*` / `DOWNWATCH_WEBHOOK_*`.
pub const RENAMED: &[Renamed] = &[
    Renamed {
        id: "delivery_poll_ms",
        env: "DOWNWATCH_DELIVERY_POLL_MS",
        old_env: "DOWNWATCH_WEBHOOK_POLL_MS",
    },
    Renamed {
        id: "delivery_max_attempts",
        env: "DOWNWATCH_DELIVERY_MAX_ATTEMPTS",
        old_env: "DOWNWATCH_WEBHOOK_MAX_ATTEMPTS",
    },
    Renamed {
        id: "delivery_retry_base_ms",
        env: "DOWNWATCH_DELIVERY_RETRY_BASE_MS",
        old_env: "DOWNWATCH_WEBHOOK_RETRY_BASE_MS",
    },
    Renamed {
        id: "delivery_timeout_ms",
        env: "DOWNWATCH_DELIVERY_TIMEOUT_MS",
        old_env: "DOWNWATCH_WEBHOOK_TIMEOUT_MS",
    },
    Renamed {
        id: "delivery_allow_internal_targets",
        env: "DOWNWATCH_DELIVERY_ALLOW_INTERNAL_TARGETS",
        old_env: "DOWNWATCH_WEBHOOK_ALLOW_INTERNAL_TARGETS",
    },
];

impl Cli {
    /// [`clap::Parser::parse`], also reading the deprecated variables of
    /// [`RENAMED`] (each one used is logged as a warning); exits with
    /// clap's message on a bad command line.
    pub fn parse_with_renamed() -> Self {
        let env = |name: &str| std::env::var_os(name);
        match Self::try_parse_with_renamed(std::env::args_os(), env) {
            Ok((cli, used)) => {
                for r in used {
                    tracing::warn!(
                        old = r.old_env,
                        new = r.env,
                        "deprecated environment variable: rename it"
                    );
                }
                cli
            }
            Err(e) => e.exit(),
        }
    }

    /// Parses `args`, reading variables through `env`: a renamed setting
    /// whose new variable is unset takes its old variable's value as its
    /// default, so a flag or the new variable still wins and the value is
    /// checked as the new one would be. Returns the renames that were used.
    pub fn try_parse_with_renamed<I, T>(
        args: I,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<(Self, Vec<Renamed>), clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let used: Vec<(Renamed, OsString)> = RENAMED
            .iter()
            .filter(|r| env(r.env).is_none())
            .filter_map(|r| env(r.old_env).map(|value| (*r, value)))
            .collect();
        let fallback = |arg: Arg| match used.iter().find(|(r, _)| arg.get_id() == r.id) {
            Some((_, value)) => arg.default_value(value.clone()),
            None => arg,
        };
        let command = Self::command()
            .mut_args(fallback)
            .mut_subcommands(|sub| sub.mut_args(fallback));
        let matches = command.try_get_matches_from(args)?;
        let cli = Self::from_arg_matches(&matches)?;
        Ok((cli, used.into_iter().map(|(r, _)| r).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Command, Settings};

    fn parse(args: &[&str], vars: &[(&str, &str)]) -> (Settings, Vec<Renamed>) {
        let env = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        };
        let (cli, used) = Cli::try_parse_with_renamed(args.iter().copied(), env).expect("parse");
        match cli.command {
            Some(Command::Serve(s)) => (*s, used),
            _ => (cli.serve, used),
        }
    }

    #[test]
    fn every_rename_names_a_setting() {
        let ids: Vec<String> = Cli::command()
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for r in RENAMED {
            assert!(ids.iter().any(|id| id == r.id), "{}", r.id);
        }
    }

    #[test]
    fn the_old_variables_still_set_the_value() {
        let old = [
            ("DOWNWATCH_WEBHOOK_POLL_MS", "0"),
            ("DOWNWATCH_WEBHOOK_MAX_ATTEMPTS", "3"),
            ("DOWNWATCH_WEBHOOK_RETRY_BASE_MS", "250"),
            ("DOWNWATCH_WEBHOOK_TIMEOUT_MS", "1500"),
            ("DOWNWATCH_WEBHOOK_ALLOW_INTERNAL_TARGETS", "true"),
        ];
        for args in [&["downwatch"][..], &["downwatch", "serve"][..]] {
            let (s, used) = parse(args, &old);
            assert_eq!(s.delivery_poll_ms, 0);
            assert_eq!(s.delivery_max_attempts, 3);
            assert_eq!(s.delivery_retry_base_ms, 250);
            assert_eq!(s.delivery_timeout_ms, 1500);
            assert!(s.delivery_allow_internal_targets);
            assert_eq!(used.len(), RENAMED.len());
        }
        let (s, used) = parse(&["downwatch"], &[]);
        assert_eq!(s.delivery_poll_ms, Settings::default().delivery_poll_ms);
        assert!(!s.delivery_allow_internal_targets && used.is_empty());
    }

    #[test]
    fn a_flag_or_the_new_variable_wins_and_old_values_are_checked() {
        let old = [("DOWNWATCH_WEBHOOK_POLL_MS", "5")];
        let (s, _) = parse(&["downwatch", "--delivery-poll-ms", "9"], &old);
        assert_eq!(s.delivery_poll_ms, 9);
        let both = [old[0], ("DOWNWATCH_DELIVERY_POLL_MS", "7")];
        let (_, used) = parse(&["downwatch"], &both);
        assert!(used.is_empty(), "{used:?}");
        let bad = |v: &str| {
            Cli::try_parse_with_renamed(["downwatch"], |name: &str| {
                (name == "DOWNWATCH_WEBHOOK_MAX_ATTEMPTS").then(|| OsString::from(v))
            })
            .is_err()
        };
        assert!(bad("0") && bad("many") && !bad("100"));
    }

    #[test]
    fn the_old_flags_still_set_the_value() {
        let (s, _) = parse(
            &[
                "downwatch",
                "--webhook-poll-ms",
                "0",
                "--webhook-max-attempts",
                "2",
                "--webhook-retry-base-ms",
                "40",
                "--webhook-timeout-ms",
                "900",
                "--webhook-allow-internal-targets",
            ],
            &[],
        );
        assert_eq!(s.delivery_poll_ms, 0);
        assert_eq!(s.delivery_max_attempts, 2);
        assert_eq!(s.delivery_retry_base_ms, 40);
        assert_eq!(s.delivery_timeout_ms, 900);
        assert!(s.delivery_allow_internal_targets);
    }
}

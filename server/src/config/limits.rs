//! How much one client, one respondent and everyone together may do, and
//! how far a board may grow.

use app::backend::limits::{parse_limit, LimitSettings, Limits, Rate};
use app::backend::use_cases::Bounds;

/// A limit or `off`. An alias, so clap takes it as a value that is always
/// there rather than as an optional flag.
type RateSetting = Option<Rate>;
/// A count or `off` (see [`RateSetting`]).
pub type CapSetting = Option<usize>;

#[derive(clap::Args, Debug)]
pub struct LimitArgs {
    /// Submissions per client IP: <count>/<s|m|h>[:<burst>] or off
    #[arg(long, env = "TALLY_LIMIT_SUBMIT_IP", default_value = "20/s:200", value_parser = parse_limit)]
    limit_submit_ip: RateSetting,
    /// Respondents the server makes up (answers without a cookie) per client IP and board
    #[arg(long, env = "TALLY_LIMIT_NEW_RESPONDENTS_IP", default_value = "120/h:60", value_parser = parse_limit)]
    limit_new_respondents_ip: RateSetting,
    /// Submissions per respondent
    #[arg(long, env = "TALLY_LIMIT_SUBMIT_RESPONDENT", default_value = "30/m:10", value_parser = parse_limit)]
    limit_submit_respondent: RateSetting,
    /// Live-socket connects per client IP
    #[arg(long, env = "TALLY_LIMIT_CONNECT_IP", default_value = "10/s:100", value_parser = parse_limit)]
    limit_connect_ip: RateSetting,
    /// Open live sockets per client IP, or off
    #[arg(long, env = "TALLY_MAX_SOCKETS_PER_IP", default_value = "500", value_parser = parse_cap)]
    max_sockets_per_ip: CapSetting,
    /// New boards per client network (an IPv4 /24, an IPv6 /48)
    #[arg(long, env = "TALLY_LIMIT_CREATE_IP", default_value = "20/h:10", value_parser = parse_limit)]
    limit_create_ip: RateSetting,
    /// Wrong admin keys per client IP; past it every admin request from that IP gets 429 for a while
    #[arg(long, env = "TALLY_LIMIT_ADMIN_GUESSES_IP", default_value = "60/h:30", value_parser = parse_limit)]
    limit_admin_guesses_ip: RateSetting,
    /// Wrong join codes per client IP; past it every join by code from that IP gets 429 for a while
    #[arg(long, env = "TALLY_LIMIT_JOIN_GUESSES_IP", default_value = "60/h:30", value_parser = parse_limit)]
    limit_join_guesses_ip: RateSetting,
    /// Invitation lists added (or links issued again) per board
    #[arg(long, env = "TALLY_LIMIT_INVITES_BOARD", default_value = "60/h:20", value_parser = parse_limit)]
    limit_invites_board: RateSetting,
    /// Sign-ins started or finished per client IP
    #[arg(long, env = "TALLY_LIMIT_SIGN_INS_IP", default_value = "30/h:10", value_parser = parse_limit)]
    limit_sign_ins_ip: RateSetting,
    /// New boards per hour from everyone together, or off
    #[arg(long, env = "TALLY_MAX_BOARDS_PER_HOUR", default_value = "1000", value_parser = parse_cap)]
    max_boards_per_hour: CapSetting,
    /// Rounds one board may have
    #[arg(long, env = "TALLY_MAX_ROUNDS", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    max_rounds: u32,
    /// Group figures (groups x rounds) the comparison page offers to choose from (exports carry all, streamed)
    #[arg(long, env = "TALLY_MAX_GROUP_FIGURES", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_group_figures: u64,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits::new(LimitSettings {
            submissions_per_ip: self.limit_submit_ip,
            new_respondents_per_ip: self.limit_new_respondents_ip,
            submissions_per_respondent: self.limit_submit_respondent,
            connects_per_ip: self.limit_connect_ip,
            sockets_per_ip: self.max_sockets_per_ip,
            boards_per_ip: self.limit_create_ip,
            admin_guesses_per_ip: self.limit_admin_guesses_ip,
            join_guesses_per_ip: self.limit_join_guesses_ip,
            boards_per_hour: self.max_boards_per_hour,
            invites_per_board: self.limit_invites_board,
            sign_ins_per_ip: self.limit_sign_ins_ip,
        })
    }

    pub fn bounds(&self) -> Bounds {
        Bounds { max_rounds: self.max_rounds, max_group_figures: self.max_group_figures as usize }
    }
}

pub fn parse_cap(text: &str) -> Result<CapSetting, String> {
    match text.trim() {
        "off" => Ok(None),
        other => match other.parse() {
            Ok(0) | Err(_) => Err(format!("'{other}' is not a whole number from 1 up, or off")),
            Ok(n) => Ok(Some(n)),
        },
    }
}

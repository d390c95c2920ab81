//! Who is acting, when, and for which counter: the context every operation receives.
//!
//! Business logic never reads the clock or a global: the transport (CLI, IPC, tests) builds a
//! [`Ctx`] with the acting staff member and the time, and passes it in.

use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::ids::StaffId;
use crate::profile::{CounterProfile, Role};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The staff member an operation runs as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: StaffId,
    pub login: String,
    pub name: String,
    pub role: Role,
}

/// The context of one operation.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: Actor,
    pub now: DateTime<Utc>,
    pub profile: CounterProfile,
}

impl Ctx {
    pub fn locale(&self) -> Locale {
        self.profile.locale
    }

    /// This context with words in `locale` (when given): for what a read shows on a screen
    /// switched to another language. Never for what is stored or printed for the counter.
    pub fn in_locale(&self, locale: Option<Locale>) -> Ctx {
        let mut ctx = self.clone();
        if let Some(l) = locale {
            ctx.profile.locale = l;
        }
        ctx
    }

    /// The counter's time zone (UTC if the profile names an unknown one).
    pub fn tz(&self) -> Tz {
        self.profile.time_zone.parse().unwrap_or(Tz::UTC)
    }

    /// The counter's local calendar date of `t`.
    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz()).date_naive()
    }

    /// Today at the counter.
    pub fn today(&self) -> NaiveDate {
        self.local_date(self.now)
    }

    /// Refuse unless the actor has one of `roles` (admins may do everything).
    pub fn require(&self, action: &str, roles: &[Role]) -> Result<()> {
        if self.actor.role == Role::Admin || roles.contains(&self.actor.role) {
            Ok(())
        } else {
            Err(Error::Forbidden {
                action: action.to_owned(),
                needed: roles.first().map(|r| r.as_str()).unwrap_or("admin"),
            })
        }
    }
}

//! [`Owners`] on SQLite.

use super::super::contract::Owners;
use super::super::{sql, ListedBoard};
use super::{failed, numbered, SqliteStore};
use crate::error::TallyError;
use async_trait::async_trait;

/// Co-ownerships given to `?2` (an email) become `?1`'s (an account).
const CLAIM: &str = "INSERT OR IGNORE INTO board_owners (board_id, email, account)
    SELECT board_id, email, ?1 FROM board_owners WHERE email = ?2 AND account = ''";
const CLAIMED: &str = "DELETE FROM board_owners WHERE email = ?1 AND account = ''";

#[async_trait]
impl Owners for SqliteStore {
    async fn add_owner(&self, board: &str, email: &str, account: &str) -> Result<(), TallyError> {
        let values = [board.to_string(), email.to_string(), account.to_string()];
        self.write(move |conn| {
            let [board, email, account] = &values;
            conn.execute(sql::ADD_OWNER, numbered(&[board, email, account]).as_slice())
                .map_err(failed("adding an owner"))?;
            Ok(())
        })
        .await
    }

    async fn owners(&self, board: &str) -> Result<Vec<(String, String)>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::OWNERS).map_err(failed("reading owners"))?;
            let rows = stmt.query_map(numbered(&[&board]).as_slice(), |r| Ok((r.get(0)?, r.get(1)?)));
            rows.and_then(|rows| rows.collect()).map_err(failed("reading owners"))
        })
        .await
    }

    async fn remove_owner(&self, board: &str, email: &str) -> Result<bool, TallyError> {
        let (board, email) = (board.to_string(), email.to_string());
        self.write(move |conn| {
            let removed = conn.execute(sql::REMOVE_OWNER, numbered(&[&board, &email]).as_slice());
            Ok(removed.map_err(failed("removing an owner"))? > 0)
        })
        .await
    }

    async fn owned_boards(&self, account: &str, email: &str) -> Result<Vec<ListedBoard>, TallyError> {
        if !email.is_empty() {
            let (account, email) = (account.to_string(), email.to_string());
            self.write(move |conn| {
                let tx = conn.transaction().map_err(failed("claiming ownerships"))?;
                tx.execute(CLAIM, [&account, &email]).map_err(failed("claiming ownerships"))?;
                tx.execute(CLAIMED, [&email]).map_err(failed("claiming ownerships"))?;
                tx.commit().map_err(failed("claiming ownerships"))
            })
            .await?;
        }
        self.listed(sql::OWNED_BOARDS, account.to_string(), "listing owned boards").await
    }

    async fn is_owner(&self, board: &str, account: &str) -> Result<bool, TallyError> {
        let (board, account) = (board.to_string(), account.to_string());
        self.read(move |conn| {
            let n: i64 = conn
                .query_row(sql::IS_OWNER, numbered(&[&board, &account]).as_slice(), |r| r.get(0))
                .map_err(failed("checking an owner"))?;
            Ok(n > 0)
        })
        .await
    }

    async fn note_answered(&self, account: &str, board: &str) -> Result<(), TallyError> {
        let (account, board) = (account.to_string(), board.to_string());
        self.write(move |conn| {
            let noted = conn.execute(sql::NOTE_ANSWERED, numbered(&[&account, &board]).as_slice());
            noted.map_err(failed("noting an answered board"))?;
            Ok(())
        })
        .await
    }

    async fn answered_boards(&self, account: &str) -> Result<Vec<ListedBoard>, TallyError> {
        self.listed(sql::ANSWERED_BOARDS, account.to_string(), "listing answered boards").await
    }
}

impl SqliteStore {
    /// The boards `statement` lists for `account`.
    async fn listed(
        &self,
        statement: &'static str,
        account: String,
        doing: &'static str,
    ) -> Result<Vec<ListedBoard>, TallyError> {
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(statement).map_err(failed(doing))?;
            let rows = stmt.query_map(numbered(&[&account]).as_slice(), |r| {
                Ok(ListedBoard {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    round: r.get(2)?,
                    access: r.get(3)?,
                    respondents: r.get::<_, i64>(4)? as u64,
                    closed: r.get(5)?,
                })
            });
            rows.and_then(|rows| rows.collect()).map_err(failed(doing))
        })
        .await
    }
}

//! [`Owners`] on PostgreSQL: one statement each (the connection is
//! shared, so a transaction of several could interleave with another's).

use super::super::contract::Owners;
use super::super::{sql, ListedBoard};
use super::{failed, PostgresStore};
use crate::error::TallyError;
use async_trait::async_trait;

/// Co-ownerships given to `$2` (an email) become `$1`'s (an account), and
/// then the boards `$1` owns, as [`ListedBoard`]s.
const CLAIM_AND_LIST: &str = "WITH claimed AS (
        DELETE FROM board_owners WHERE email = $2 AND $2 <> '' AND account = '' RETURNING board_id, email
    ),
    bound AS (
        INSERT INTO board_owners (board_id, email, account) SELECT board_id, email, $1 FROM claimed
        ON CONFLICT DO NOTHING RETURNING board_id
    )
    SELECT b.id, b.title, b.round, b.access, b.respondents, b.closed FROM boards b
    WHERE b.id IN (SELECT board_id FROM board_owners WHERE account = $1 UNION SELECT board_id FROM bound) ORDER BY b.id";

#[async_trait]
impl Owners for PostgresStore {
    async fn add_owner(&self, board: &str, email: &str, account: &str) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        client.execute(sql::ADD_OWNER, &[&board, &email, &account]).await.map_err(failed("adding an owner"))?;
        Ok(())
    }

    async fn owners(&self, board: &str) -> Result<Vec<(String, String)>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::OWNERS, &[&board]).await.map_err(failed("reading owners"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    async fn remove_owner(&self, board: &str, email: &str) -> Result<bool, TallyError> {
        let client = self.requests.get().await?;
        let removed = client.execute(sql::REMOVE_OWNER, &[&board, &email]).await;
        Ok(removed.map_err(failed("removing an owner"))? > 0)
    }

    async fn owned_boards(&self, account: &str, email: &str) -> Result<Vec<ListedBoard>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(CLAIM_AND_LIST, &[&account, &email]).await.map_err(failed("listing owned boards"))?;
        Ok(rows.iter().map(listed).collect())
    }

    async fn is_owner(&self, board: &str, account: &str) -> Result<bool, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_one(sql::IS_OWNER, &[&board, &account]).await.map_err(failed("checking an owner"))?;
        Ok(row.get::<_, i64>(0) > 0)
    }

    async fn note_answered(&self, account: &str, board: &str) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        client.execute(sql::NOTE_ANSWERED, &[&account, &board]).await.map_err(failed("noting an answered board"))?;
        Ok(())
    }

    async fn answered_boards(&self, account: &str) -> Result<Vec<ListedBoard>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::ANSWERED_BOARDS, &[&account]).await.map_err(failed("listing answered boards"))?;
        Ok(rows.iter().map(listed).collect())
    }
}

fn listed(row: &tokio_postgres::Row) -> ListedBoard {
    ListedBoard {
        id: row.get(0),
        title: row.get(1),
        round: row.get::<_, i32>(2) as u32,
        access: row.get(3),
        respondents: row.get::<_, i64>(4) as u64,
        closed: row.get(5),
    }
}

//! [`Webhooks`] on SQLite: one instance, so a lease only guards against
//! the same instance taking a delivery twice.

use super::super::contract::{too_many_webhooks, Webhooks, KEPT_DELIVERIES};
use super::super::rows::{attempt_columns, stored_event, stored_events, DeliveryRow, WebhookRow};
use super::super::{sql, Attempt, DueDelivery, NewDelivery, ParticipationReached, StoredWebhook};
use super::{failed, numbered, SqliteStore};
use crate::error::TallyError;
use crate::webhooks::Delivery;
use async_trait::async_trait;
use rusqlite::{Connection, Row};

const FAIL_PENDING: &str = "UPDATE webhook_deliveries SET state = 'failed', last_error = 'the endpoint was removed'
    WHERE webhook_id = ?1 AND state = 'pending'";
const DUE: &str = "SELECT d.id, d.url, w.secret, d.event, d.body, d.attempts, d.created_at
    FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
    WHERE d.state = 'pending' AND d.next_at <= ?1 AND d.lease_until <= ?1 ORDER BY d.next_at, d.id LIMIT ?2";
const LEASE: &str = "UPDATE webhook_deliveries SET lease_until = ?2 WHERE id = ?1";
const MARK_PARTICIPATION: &str =
    "UPDATE webhooks SET participation_round = ?1 WHERE id = ?2 AND participation_round < ?1";
const QUEUE: &str =
    "INSERT INTO webhook_deliveries (board_id, webhook_id, url, event, body, state, created_at, next_at)
    VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?6)";

#[async_trait]
impl Webhooks for SqliteStore {
    async fn add_webhook(&self, hook: StoredWebhook, max: usize) -> Result<(), TallyError> {
        self.write(move |conn| {
            let w = &hook.webhook;
            let participation = w.participation.map(i64::from);
            let added = conn.execute(
                sql::ADD_WEBHOOK,
                numbered(&[
                    &w.id,
                    &hook.board,
                    &w.url,
                    &stored_events(&w.events),
                    &w.format.as_str(),
                    &hook.secret,
                    &participation,
                    &w.created_at,
                    &(max as i64),
                ])
                .as_slice(),
            );
            match added.map_err(failed("adding a webhook"))? {
                0 => Err(too_many_webhooks(max)),
                _ => Ok(()),
            }
        })
        .await
    }

    async fn webhooks(&self, board: &str) -> Result<Vec<StoredWebhook>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::WEBHOOKS).map_err(failed("reading webhooks"))?;
            let rows = stmt.query_map(numbered(&[&board]).as_slice(), webhook_row);
            rows.and_then(|rows| rows.map(|r| r.map(WebhookRow::record)).collect()).map_err(failed("reading webhooks"))
        })
        .await
    }

    async fn remove_webhook(&self, board: &str, id: &str) -> Result<bool, TallyError> {
        let (board, id) = (board.to_string(), id.to_string());
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("removing a webhook"))?;
            let removed = tx
                .execute("DELETE FROM webhooks WHERE board_id = ?1 AND id = ?2", [&board, &id])
                .map_err(failed("removing a webhook"))?;
            tx.execute(FAIL_PENDING, [&id]).map_err(failed("removing a webhook"))?;
            tx.commit().map_err(failed("removing a webhook"))?;
            Ok(removed > 0)
        })
        .await
    }

    async fn queue_deliveries(&self, deliveries: Vec<NewDelivery>, now: i64) -> Result<(), TallyError> {
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("queueing deliveries"))?;
            for delivery in &deliveries {
                queue(&tx, delivery, now)?;
                tx.execute(sql::PRUNE_DELIVERIES, numbered(&[&delivery.board, &KEPT_DELIVERIES]).as_slice())
                    .map_err(failed("forgetting old deliveries"))?;
            }
            tx.commit().map_err(failed("queueing deliveries"))
        })
        .await
    }

    async fn deliveries(&self, board: &str, limit: usize) -> Result<Vec<Delivery>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::DELIVERIES).map_err(failed("reading deliveries"))?;
            let rows = stmt.query_map(numbered(&[&board, &(limit as i64)]).as_slice(), delivery_row);
            rows.and_then(|rows| rows.collect()).map_err(failed("reading deliveries"))
        })
        .await
    }

    async fn take_due(&self, now: i64, lease_until: i64, limit: usize) -> Result<Vec<DueDelivery>, TallyError> {
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("taking due deliveries"))?;
            let due: Vec<DueDelivery> = {
                let mut stmt = tx.prepare_cached(DUE).map_err(failed("taking due deliveries"))?;
                let rows = stmt.query_map((now, limit as i64), due_row);
                rows.and_then(|rows| rows.collect()).map_err(failed("taking due deliveries"))?
            };
            for delivery in &due {
                tx.execute(LEASE, (delivery.id, lease_until)).map_err(failed("taking due deliveries"))?;
            }
            tx.commit().map_err(failed("taking due deliveries"))?;
            Ok(due)
        })
        .await
    }

    async fn record_attempt(&self, id: i64, attempt: Attempt) -> Result<(), TallyError> {
        self.write(move |conn| {
            let (state, status, error, next) = attempt_columns(attempt);
            conn.execute(sql::RECORD_ATTEMPT, numbered(&[&id, &state, &status, &error, &next]).as_slice())
                .map_err(failed("recording a delivery attempt"))?;
            Ok(())
        })
        .await
    }

    async fn resend(&self, board: &str, id: i64, now: i64) -> Result<Option<Delivery>, TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let mut stmt = conn.prepare_cached(sql::RESEND).map_err(failed("sending a delivery again"))?;
            let mut rows = stmt.query(numbered(&[&board, &id, &now]).as_slice()).map_err(failed("sending again"))?;
            let row = rows.next().map_err(failed("sending a delivery again"))?;
            row.map(delivery_row).transpose().map_err(failed("sending a delivery again"))
        })
        .await
    }

    async fn participation_reached(&self) -> Result<Vec<ParticipationReached>, TallyError> {
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::PARTICIPATION_REACHED).map_err(failed("reading participation"))?;
            let rows = stmt.query_map([], |r| {
                Ok(ParticipationReached {
                    webhook: r.get(0)?,
                    board: r.get(1)?,
                    round: r.get(2)?,
                    respondents: r.get::<_, i64>(3)?.max(0) as u64,
                    title: r.get(4)?,
                })
            });
            rows.and_then(|rows| rows.collect()).map_err(failed("reading participation"))
        })
        .await
    }

    async fn queue_participation(&self, round: u32, delivery: NewDelivery, now: i64) -> Result<bool, TallyError> {
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("queueing a participation event"))?;
            let marked = tx
                .execute(MARK_PARTICIPATION, (round, &delivery.webhook))
                .map_err(failed("queueing a participation event"))?;
            if marked > 0 {
                queue(&tx, &delivery, now)?;
            }
            tx.commit().map_err(failed("queueing a participation event"))?;
            Ok(marked > 0)
        })
        .await
    }
}

fn queue(conn: &Connection, d: &NewDelivery, now: i64) -> Result<(), TallyError> {
    let values = (&d.board, &d.webhook, &d.url, d.event.as_str(), &d.body, now);
    conn.execute(QUEUE, values).map_err(failed("queueing a delivery"))?;
    Ok(())
}

fn webhook_row(r: &Row) -> rusqlite::Result<WebhookRow> {
    Ok(WebhookRow {
        id: r.get(0)?,
        board: r.get(1)?,
        url: r.get(2)?,
        events: r.get(3)?,
        format: r.get(4)?,
        secret: r.get(5)?,
        participation: r.get(6)?,
        created_at: r.get(7)?,
    })
}

fn delivery_row(r: &Row) -> rusqlite::Result<Delivery> {
    Ok(DeliveryRow {
        id: r.get(0)?,
        webhook: r.get(1)?,
        url: r.get(2)?,
        event: r.get(3)?,
        state: r.get(4)?,
        attempts: r.get(5)?,
        last_status: r.get(6)?,
        last_error: r.get(7)?,
        created_at: r.get(8)?,
        next_at: r.get(9)?,
    }
    .record())
}

fn due_row(r: &Row) -> rusqlite::Result<DueDelivery> {
    let event: String = r.get(3)?;
    Ok(DueDelivery {
        id: r.get(0)?,
        url: r.get(1)?,
        secret: r.get(2)?,
        event: stored_event(&event),
        body: r.get(4)?,
        attempts: r.get::<_, i64>(5)?.clamp(0, u32::MAX as i64) as u32,
        created_at: r.get(6)?,
    })
}

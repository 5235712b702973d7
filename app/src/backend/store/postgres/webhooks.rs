//! [`Webhooks`] on PostgreSQL, each change one statement. Instances share
//! the queue: taking due deliveries skips rows another instance is taking
//! (`FOR UPDATE SKIP LOCKED`) and leases them, so each is sent by one.

use super::super::contract::{too_many_webhooks, Webhooks, KEPT_DELIVERIES};
use super::super::rows::{attempt_columns, stored_event, stored_events, DeliveryRow, WebhookRow};
use super::super::{sql, Attempt, DueDelivery, NewDelivery, ParticipationReached, StoredWebhook};
use super::{failed, PostgresStore};
use crate::error::TallyError;
use crate::webhooks::Delivery;
use async_trait::async_trait;
use tokio_postgres::Row;

const REMOVE: &str = "WITH gone AS (DELETE FROM webhooks WHERE board_id = $1 AND id = $2 RETURNING id),
    failed AS (UPDATE webhook_deliveries SET state = 'failed', last_error = 'the endpoint was removed'
               WHERE webhook_id IN (SELECT id FROM gone) AND state = 'pending')
    SELECT COUNT(*) FROM gone";
const QUEUE: &str =
    "INSERT INTO webhook_deliveries (board_id, webhook_id, url, event, body, state, created_at, next_at)
    SELECT board, hook, url, event, body, 'pending', $6, $6
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS d(board, hook, url, event, body)";
const TAKE_DUE: &str = "UPDATE webhook_deliveries d SET lease_until = $2 FROM webhooks w
    WHERE w.id = d.webhook_id AND d.id IN (
        SELECT id FROM webhook_deliveries WHERE state = 'pending' AND next_at <= $1 AND lease_until <= $1
        ORDER BY next_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.url, w.secret, d.event, d.body, d.attempts, d.created_at";
const QUEUE_PARTICIPATION: &str = "WITH marked AS (
        UPDATE webhooks SET participation_round = $1 WHERE id = $2 AND participation_round < $1 RETURNING id)
    INSERT INTO webhook_deliveries (board_id, webhook_id, url, event, body, state, created_at, next_at)
    SELECT $3, id, $4, $5, $6, 'pending', $7, $7 FROM marked";

#[async_trait]
impl Webhooks for PostgresStore {
    async fn add_webhook(&self, hook: StoredWebhook, max: usize) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        let w = &hook.webhook;
        let participation = w.participation.map(i64::from);
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 9] = [
            &w.id,
            &hook.board,
            &w.url,
            &stored_events(&w.events),
            &w.format.as_str(),
            &hook.secret,
            &participation,
            &w.created_at,
            &(max as i64),
        ];
        match client.execute(sql::ADD_WEBHOOK, &values).await.map_err(failed("adding a webhook"))? {
            0 => Err(too_many_webhooks(max)),
            _ => Ok(()),
        }
    }

    async fn webhooks(&self, board: &str) -> Result<Vec<StoredWebhook>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::WEBHOOKS, &[&board]).await.map_err(failed("reading webhooks"))?;
        Ok(rows.iter().map(|r| webhook_row(r).record()).collect())
    }

    async fn remove_webhook(&self, board: &str, id: &str) -> Result<bool, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_one(REMOVE, &[&board, &id]).await.map_err(failed("removing a webhook"))?;
        Ok(row.get::<_, i64>(0) > 0)
    }

    async fn queue_deliveries(&self, deliveries: Vec<NewDelivery>, now: i64) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        let column = |pick: fn(&NewDelivery) -> String| deliveries.iter().map(pick).collect::<Vec<String>>();
        let (boards, hooks, urls) =
            (column(|d| d.board.clone()), column(|d| d.webhook.clone()), column(|d| d.url.clone()));
        let (events, bodies) = (column(|d| d.event.as_str().to_string()), column(|d| d.body.clone()));
        client
            .execute(QUEUE, &[&boards, &hooks, &urls, &events, &bodies, &now])
            .await
            .map_err(failed("queueing deliveries"))?;
        let mut pruned: Vec<&String> = boards.iter().collect();
        pruned.dedup();
        for board in pruned {
            // Housekeeping of its own: a failure leaves a longer log, nothing else.
            client
                .execute(sql::PRUNE_DELIVERIES, &[board, &KEPT_DELIVERIES])
                .await
                .map_err(failed("forgetting old deliveries"))?;
        }
        Ok(())
    }

    async fn deliveries(&self, board: &str, limit: usize) -> Result<Vec<Delivery>, TallyError> {
        let client = self.requests.get().await?;
        let rows =
            client.query(sql::DELIVERIES, &[&board, &(limit as i64)]).await.map_err(failed("reading deliveries"))?;
        Ok(rows.iter().map(delivery_row).collect())
    }

    async fn take_due(&self, now: i64, lease_until: i64, limit: usize) -> Result<Vec<DueDelivery>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client
            .query(TAKE_DUE, &[&now, &lease_until, &(limit as i64)])
            .await
            .map_err(failed("taking due deliveries"))?;
        Ok(rows.iter().map(due_row).collect())
    }

    async fn record_attempt(&self, id: i64, attempt: Attempt) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        let (state, status, error, next) = attempt_columns(attempt);
        let status = status.map(|s| s as i32);
        client
            .execute(sql::RECORD_ATTEMPT, &[&id, &state, &status, &error, &next])
            .await
            .map_err(failed("recording a delivery attempt"))?;
        Ok(())
    }

    async fn resend(&self, board: &str, id: i64, now: i64) -> Result<Option<Delivery>, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_opt(sql::RESEND, &[&board, &id, &now]).await.map_err(failed("sending again"))?;
        Ok(row.as_ref().map(delivery_row))
    }

    async fn participation_reached(&self) -> Result<Vec<ParticipationReached>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::PARTICIPATION_REACHED, &[]).await.map_err(failed("reading participation"))?;
        Ok(rows
            .iter()
            .map(|r| ParticipationReached {
                webhook: r.get(0),
                board: r.get(1),
                round: r.get::<_, i32>(2).max(0) as u32,
                respondents: r.get::<_, i64>(3).max(0) as u64,
                title: r.get(4),
            })
            .collect())
    }

    async fn queue_participation(&self, round: u32, d: NewDelivery, now: i64) -> Result<bool, TallyError> {
        let client = self.requests.get().await?;
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 7] =
            [&(round as i32), &d.webhook, &d.board, &d.url, &d.event.as_str(), &d.body, &now];
        let queued = client.execute(QUEUE_PARTICIPATION, &values).await;
        Ok(queued.map_err(failed("queueing a participation event"))? > 0)
    }
}

fn webhook_row(r: &Row) -> WebhookRow {
    WebhookRow {
        id: r.get(0),
        board: r.get(1),
        url: r.get(2),
        events: r.get(3),
        format: r.get(4),
        secret: r.get(5),
        participation: r.get(6),
        created_at: r.get(7),
    }
}

fn delivery_row(r: &Row) -> Delivery {
    DeliveryRow {
        id: r.get(0),
        webhook: r.get(1),
        url: r.get(2),
        event: r.get(3),
        state: r.get(4),
        attempts: r.get::<_, i32>(5).into(),
        last_status: r.get::<_, Option<i32>>(6).map(i64::from),
        last_error: r.get(7),
        created_at: r.get(8),
        next_at: r.get(9),
    }
    .record()
}

fn due_row(r: &Row) -> DueDelivery {
    DueDelivery {
        id: r.get(0),
        url: r.get(1),
        secret: r.get(2),
        event: stored_event(r.get(3)),
        body: r.get(4),
        attempts: r.get::<_, i32>(5).max(0) as u32,
        created_at: r.get(6),
    }
}

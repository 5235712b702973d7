//! Invitations on both stores: a list is added whole or not at all and
//! never past the board's ceiling; a link is found by its keyed hash only;
//! revoking, re-issuing and deleting change one invitation; who the owners
//! are told answered is replaced as a whole; the access setting is a new
//! version, read back from the store.

use crate::{support, use_case_support};

use app::access::AccessMode;
use app::backend::store::{InvitationChange, NewInvitation};
use app::error::TallyError;
use support::{Backend, TestDatabase};
use use_case_support::*;

on_both_backends!(invitations_are_stored_whole_found_by_hash_and_changed_one_at_a_time);

fn person(id: &str, name: &str) -> NewInvitation {
    NewInvitation {
        id: id.into(),
        token_hash: format!("hash-of-{id}"),
        name: name.into(),
        email: format!("{id}@example.org"),
        group: (id == "b").then(|| "Backend".to_string()),
        role: (id == "b").then(|| "senior".to_string()),
        created_at: 1_700_000_000,
    }
}

async fn invitations_are_stored_whole_found_by_hash_and_changed_one_at_a_time(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let (board, _) = create_board(&engine, "programmer", Some("invited"), None).await.unwrap();
    let served = engine.board(&board.id).await.unwrap();
    let store = engine.invitations();
    // Every change is a new version, which moves the admission revision.
    let moved = |before: u64| {
        let (stats, rev) = (served.stats(), served.admission_rev());
        assert!(stats.version > before && rev == stats.version, "version {} from {before}, rev {rev}", stats.version);
        stats.version
    };
    let held = |id: &'static str| {
        let engine = engine.clone();
        let served = served.clone();
        async move { engine.invitations_by_id(&served).await.unwrap().1.get(id).cloned() }
    };

    let version = served.stats().version;
    engine.add_invitations(&served, vec![person("a", "Ada"), person("b", "Bea")], 3).await.unwrap();
    let version = moved(version);
    let refused = engine.add_invitations(&served, vec![person("c", "Cy"), person("d", "Di")], 3).await;
    assert_eq!(refused.unwrap_err().status(), 409, "past the ceiling nothing is added");
    assert_eq!(served.stats().version, version, "a refused list is no new version");
    let listed = store.invitations(&board.id).await.unwrap();
    let names: Vec<&str> = listed.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Bea"]);
    assert_eq!((listed[1].group.as_deref(), listed[1].generation, listed[1].revoked), (Some("Backend"), 1, false));
    assert_eq!(listed[1].role.as_deref(), Some("senior"), "the role is stored with it");

    let found = store.invitation_by_token("hash-of-b").await.unwrap().unwrap();
    assert_eq!((found.board.as_str(), found.id.as_str()), (board.id.as_str(), "b"));
    assert_eq!(store.invitation_by_token("hash-of-x").await.unwrap(), None);

    assert!(!held("a").await.unwrap().revoked, "read into memory before the change");
    assert!(engine.change_invitation(&served, "a", InvitationChange::Revoke).await.unwrap());
    let version = moved(version);
    assert!(held("a").await.unwrap().revoked, "memory follows the change");
    let reissue = InvitationChange::Reissue { token_hash: "new-hash".into() };
    assert!(engine.change_invitation(&served, "a", reissue).await.unwrap());
    let version = moved(version);
    let again = held("a").await.unwrap();
    assert_eq!((again.revoked, again.generation, again.token_hash.as_str()), (false, 2, "new-hash"));
    assert_eq!(store.invitation_by_token("hash-of-a").await.unwrap(), None, "the old link is gone");

    store.show_participation(&board.id, 1, vec!["a".into(), "b".into()]).await.unwrap();
    store.show_participation(&board.id, 1, vec!["b".into()]).await.unwrap();
    assert_eq!(store.participation_shown(&board.id, 1).await.unwrap(), ["b"]);
    assert!(engine.change_invitation(&served, "b", InvitationChange::Delete).await.unwrap());
    let version = moved(version);
    assert!(store.participation_shown(&board.id, 1).await.unwrap().is_empty(), "deleting forgets it");
    assert_eq!(held("b").await, None);
    assert!(!engine.change_invitation(&served, "b", InvitationChange::Revoke).await.unwrap());
    assert_eq!(served.stats().version, version, "changing nothing is no new version");

    // Read back from the store: setting it reloads the board.
    let stats = engine.set_access(&served, AccessMode::Invited, &[]).await.unwrap();
    assert_eq!((stats.access, stats.version), (AccessMode::Invited, version + 1));
    assert_eq!(served.admission_rev(), version + 1, "who may answer changed");
}

/// A revocation on one instance is never raced by another that has not
/// heard of it yet: the commit reads who may answer under the board's row
/// lock and refuses answers let in before the change.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_let_in_before_a_change_on_another_instance_are_refused() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (start(&db).await, start(&db).await);
    let (board, _) = create_board(&a, "programmer", Some("raced"), None).await.unwrap();
    let (on_a, on_b) = (a.board(&board.id).await.unwrap(), b.board(&board.id).await.unwrap());
    a.add_invitations(&on_a, vec![person("a", "Ada")], 10).await.unwrap();
    let rows = rows();
    let answers = || raw(&uniform(&rows, |_| 1));
    let checked = b.validate(&on_b, answers(), Default::default()).unwrap();
    // B let Ada in at the revision it knew; A revokes her before B commits.
    let let_in_at = b.invitations_by_id(&on_b).await.unwrap().0;
    a.change_invitation(&on_a, "a", InvitationChange::Revoke).await.unwrap();
    let refused = b.commit(&on_b, "ada".into(), checked, let_in_at).await.unwrap_err();
    assert!(matches!(refused, TallyError::AdmissionChanged(_)), "refused: {refused}");
    let stored = db.execute("SELECT COUNT(*) FROM submissions WHERE board_id = 'raced'").await;
    assert_eq!(stored[0].get::<_, i64>(0), 0, "nothing was stored");
    // Positive control: let in at the current revision, the same answers go in.
    b.refresh_admission(&on_b).await;
    let now = b.validate(&on_b, answers(), Default::default()).unwrap();
    b.commit(&on_b, "ada".into(), now, on_b.admission_rev()).await.unwrap();
    let stored = db.execute("SELECT COUNT(*) FROM submissions WHERE board_id = 'raced'").await;
    assert_eq!(stored[0].get::<_, i64>(0), 1);
}

//! Invitations on both stores: a list is added whole or not at all and
//! never past the board's ceiling; a link is found by its keyed hash only;
//! revoking, re-issuing and deleting change one invitation; who the owners
//! are told answered is replaced as a whole; the access setting is a new
//! version, read back from the store.

use crate::{support, use_case_support};

use app::access::AccessMode;
use app::backend::store::{InvitationChange, NewInvitation};
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
        created_at: 1_700_000_000,
    }
}

async fn invitations_are_stored_whole_found_by_hash_and_changed_one_at_a_time(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let (board, _) = create_board(&engine, "programmer", Some("invited"), None).await.unwrap();
    let store = engine.invitations();

    store.add_invitations(&board.id, vec![person("a", "Ada"), person("b", "Bea")], 3).await.unwrap();
    let refused = store.add_invitations(&board.id, vec![person("c", "Cy"), person("d", "Di")], 3).await;
    assert_eq!(refused.unwrap_err().status(), 409, "past the ceiling nothing is added");
    let listed = store.invitations(&board.id).await.unwrap();
    let names: Vec<&str> = listed.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Bea"]);
    assert_eq!((listed[1].group.as_deref(), listed[1].generation, listed[1].revoked), (Some("Backend"), 1, false));

    let found = store.invitation_by_token("hash-of-b").await.unwrap().unwrap();
    assert_eq!((found.board.as_str(), found.id.as_str()), (board.id.as_str(), "b"));
    assert_eq!(store.invitation_by_token("hash-of-x").await.unwrap(), None);

    assert!(store.change_invitation(&board.id, "a", InvitationChange::Revoke).await.unwrap());
    assert!(store.invitation(&board.id, "a").await.unwrap().unwrap().revoked);
    let reissue = InvitationChange::Reissue { token_hash: "new-hash".into() };
    assert!(store.change_invitation(&board.id, "a", reissue).await.unwrap());
    let again = store.invitation(&board.id, "a").await.unwrap().unwrap();
    assert_eq!((again.revoked, again.generation, again.token_hash.as_str()), (false, 2, "new-hash"));
    assert_eq!(store.invitation_by_token("hash-of-a").await.unwrap(), None, "the old link is gone");

    store.show_participation(&board.id, 1, vec!["a".into(), "b".into()]).await.unwrap();
    store.show_participation(&board.id, 1, vec!["b".into()]).await.unwrap();
    assert_eq!(store.participation_shown(&board.id, 1).await.unwrap(), ["b"]);
    assert!(store.change_invitation(&board.id, "b", InvitationChange::Delete).await.unwrap());
    assert!(store.participation_shown(&board.id, 1).await.unwrap().is_empty(), "deleting forgets it");
    assert!(!store.change_invitation(&board.id, "b", InvitationChange::Revoke).await.unwrap());

    let served = engine.board(&board.id).await.unwrap();
    let before = served.stats().version;
    // Read back from the store: setting it reloads the board.
    let stats = engine.set_access(&served, AccessMode::Invited).await.unwrap();
    assert_eq!((stats.access, stats.version), (AccessMode::Invited, before + 1));
}

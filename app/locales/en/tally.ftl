# Tally's messages in English, the source language. Every other catalogue
# holds the same messages; see GLOSSARY.md in each folder for the terms.

## Every page

site-name = Tally
page-missing = There is no page at this address.
language-label = Language

## The account bar

account-label = Your account
account-signed-in-as = Signed in as
account-my-boards = My boards
account-sign-out = Sign out
account-sign-in = Sign in

## The home page

home-lead = is a live competency matrix: each person picks their level in every skill, and the whole team sees, as it happens, where it stands. Try it on the matrix below.
home-start = Start a board for your team
join-label = Join a board
join-placeholder = Code or link
join-button = Join
join-help = Type the code the board’s organiser showed you (on the presenter screen, under the QR code), or paste the board’s link.
join-unknown = No board has the code or address “{ $typed }”. Check it with whoever shared it, or paste the whole link.
back-home = Back to the home page
your-boards = Your boards ({ $count })
your-board-started = you started it
your-board-answered = you answered

## Starting a board

start-title = Start a board
start-two-links = You get two links: one to share with the team, and an admin link for you alone.
start-keep-admin-link = Keep the admin link:
start-cannot-be-recovered = it cannot be recovered.
start-matrix = Matrix
start-own-matrix = Or write your own matrix
start-own-matrix-how = from a template or from nothing.
start-template-size = { $rows ->
        [one] { $rows } competency
       *[other] { $rows } competencies
    }, { $levels ->
        [one] { $levels } level
       *[other] { $levels } levels
    }
start-field-title = Title
start-field-title-example = e.g. Platform team
start-field-title-hint = Leave it empty to use the matrix’s title.
start-field-address = Public address (optional)
start-field-address-example = team-a
start-field-address-hint = 3–64 characters of a–z, 0–9, - or _: the board is then public at /b/<address>. Leave it empty for a private board with an unguessable link.
start-create = Create board

## My boards

my-boards-title = My boards
my-boards-owned = Boards you own
my-boards-answered = Boards you answered
my-boards-start = Start a board
my-boards-none = None yet: a board you start while signed in is yours.
my-boards-round = Round { $round } ({ $state ->
        [closed] closed
       *[open] open
    })
my-boards-column-board = Board
my-boards-column-round = Round
my-boards-column-access = Who may answer
my-boards-column-answered = Answered
manage = Manage
manage-board = Manage { $board }

## Figures

answered-count = { $count ->
        [0] no one has answered yet
        [one] { $count } person has answered
       *[other] { $count } people have answered
    }

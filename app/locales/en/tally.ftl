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
my-boards-sign-in = Sign in to see your boards.
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

## Live pages: what they say of the board as it changes

respondents = { $count ->
        [one] { $count } person has answered
       *[other] { $count } people have answered
    }
respondents-in-round = { $round }: { $people }
round-number = Round { $n }
live-watching = ● Live · { $count } watching
live-on = ● Live
live-connecting = ○ Connecting…
live-reconnecting = ○ Reconnecting…
live-offline = Figures as of page load
hidden-until-submit = The team's figures appear once you submit your answers.
hidden-until-reveal = The figures are hidden until the facilitator reveals them.
percent = { $n }%

## The board's form

form-table-label = Competency matrix (scrolls sideways)
form-table-caption = Competencies by row, proficiency levels by column; each cell is an option.
form-competency = Competency
form-standing = You and the crowd
cell-no-answers = No answers yet
cell-figures = { $k } of { $n } ({ $percent }) rated themselves here
row-standing-below = You: { $mine } · crowd median: { $median } (you are below it)
row-standing-at = You: { $mine } · crowd median: { $median } (you are at it)
row-standing-above = You: { $mine } · crowd median: { $median } (you are above it)
intro-closed = This board no longer takes answers. Hover, focus or tap a cell to see how many people chose it.
intro-hidden = Pick the level that best describes you in each row, then submit.
intro-open = Pick the level that best describes you in each row, then submit. Hover, focus or tap a cell to see how many people chose it.
legend-label = Shading legend
legend-caption = Share of people at each level:
choice-group = Your group (optional)
choice-no-group = No group
choice-role = Your role (optional)
choice-no-role = No role
form-nothing-counted = Nothing was counted:
form-progress = { $answered } of { $total } answered
form-submit = Submit
form-update = Update my answers
form-submitted-on = You submitted on { $when }.
form-your-time = { $when } (your time)
date-time = { $year }-{ $month }-{ $day } { $hour }:{ $minute }
date-time-utc = { $year }-{ $month }-{ $day } { $hour }:{ $minute } UTC
form-carried-over = Your answers from { $round } are filled in: confirm or change them, then submit. Nothing counts until you do.
form-row-missing = “{ $title }” has no answer yet: pick a level there, then submit.
link-compare = Compare rounds or groups
link-trends = Trends over the rounds
link-gaps = Where each role stands against what it expects
notice-closed = This board is closed: it no longer takes answers. Its figures stay visible.
notice-deleted = This board has just been deleted by its admin, with every answer in it. Nothing more can be sent here.
role-gap-at = Your role expects { $expected }: you are at it
role-gap-below = Your role expects { $expected }: you are { $levels ->
        [one] { $levels } level
       *[other] { $levels } levels
    } below
role-gap-above = Your role expects { $expected }: you are { $levels ->
        [one] { $levels } level
       *[other] { $levels } levels
    } above
cell-chosen = your choice
cell-expected = Your role expects this

## The presenter

present-closed = Closed: no more answers
present-hidden = Figures hidden until revealed
present-gaps = Gaps by role
present-of-invited = (of { $count } invited)
present-join-label = Join this board
present-qr-alt = QR code: { $address }
present-scan = Scan, or go to
present-enter-code = and enter the code
present-full-screen = Full screen
present-controls = Controls
present-hide-controls = Hide the controls
present-levels = Levels
present-row-hidden = { $title }: figures hidden
present-row-nobody = { $title }: no answers yet
present-row-figures = { $title }: { $parts } of { $n }
present-row-part = { $level } { $k } ({ $percent })
present-nobody = no answers yet
present-withheld = hidden until revealed

## The visitor's history on a board

history-summary = Your answers over time (only you see this)
history-withdraw-round = Withdraw my answers from this round
history-withdraw-all = Withdraw my answers from every round
history-ask-round = Withdraw your answers from this round? They stop counting at once; you can answer again.
history-ask-all = Withdraw your answers from every round? Your whole history on this board is deleted.
history-not-answered = { $title }: not answered
history-line = { $title }: { $steps }
history-step = { $level } ({ $round })
history-above = above
history-at = at
history-below = { $levels } below
history-role = { $line }; your role expects { $expected }: { $gaps }
history-closed = { $role }: the gap closed
history-narrowed = { $role }: the gap narrowed
history-widened = { $role }: the gap widened
history-download = Download everything this board holds about me (JSON)

## The admin's controls (on the board page and the presenter)

admin-label = Board admin
admin-heading = You are this board's admin
admin-pages = The board's pages
admin-present = Present it
admin-compare = Compare rounds or groups
admin-trends = Trends
admin-edit = Edit the matrix
admin-reopen = Reopen the board
admin-close = Close the board
admin-download = Download { $format }
share-board = Share the board
share-copy-board = Copy the board's link
share-keep-admin = Keep the admin link somewhere safe: it is the only way to manage this board, and a lost one cannot be recovered. It is not shown here, so it stays off screens you share.
share-copy-admin = Copy the admin link
copied = Copied.
copy-refused = This browser did not allow copying; select the address and copy it.
reveal-show = Show the figures
reveal-live = Live: everyone sees the figures
reveal-after-submit = After answering: each person once they submit
reveal-facilitator = When I reveal them
reveal-hide = Hide the figures
reveal-reveal = Reveal the figures
groups-legend = Groups
groups-hint = People may say which group they are in (at most { $groups }, each up to { $chars } characters). A group's figures stay hidden until enough people have answered in it.
groups-names = Groups, one per line
groups-threshold = Smallest group whose figures are shown
groups-threshold-problem = Give a whole number from { $n } up.
groups-save = Save the groups
groups-saved = { $count ->
        [0] Saved: no groups are offered.
        [one] Saved: { $count } group is offered.
       *[other] Saved: { $count } groups are offered.
    }
round-next-label = Next round's label
round-next-example = e.g. 2026 Q4
round-start = Start the next round
round-confirm-label = Confirm the next round
round-frozen = Round { $n } will be frozen: its figures are kept, and it takes no more answers. Everyone answers again in the new round.
round-shown-after-submit = Its figures are shown to each person once they have answered in it.
round-hidden-until-reveal = Its figures stay hidden until you reveal them.
round-yes = Yes, start the new round
cancel = Cancel
round-open = { $label } is open.
owners-legend = Owners
owners-hint = Owners manage this board from My boards once they sign in with their address; the admin link keeps working.
owners-add-label = Add an owner by email
owners-add = Add owner
owners-starter = (who started the board)
owners-signed-in = has signed in
owners-not-signed-in = not signed in yet
remove = Remove
remove-who = Remove { $name }
access-label = Who may answer
access-anyone = Anyone with the link
access-invited = Invited people only, each with a personal link
access-members = People signed in to this site
access-domains = Only addresses at (optional)
access-domains-example = example.org, example.com
access-save-domains = Save domains
access-no-sign-in = Sign-in through your organisation is not set up on this server.
people-participation = { $answered } of { $invited } invited have answered this round.
people-batches = Who answered is updated in batches of at least { $batch }, so nobody's answers can be told from the figures moving.
people-invite-label = People to invite, one per line: name, then optionally email, group and role
people-invite-example = Ada Lovelace, ada@example.org, Backend
people-csv = Or a CSV file with those columns
people-create = Create personal links
people-copy-link = Copy { $name }'s link
people-link-label = { $name }'s link
people-new-links = New personal links
people-copy-now = Copy these links now, or download them: Tally keeps no copy, so it cannot show them again. A lost link can be issued again.
people-download = Download these links (CSV)
people-table-label = Invited people, scrollable
people-caption = Invited people
people-name = Name
people-email = Email
people-group = Group
people-role = Role
people-answered = Answered
people-link = Link
people-withdrawn = Link withdrawn
people-yes = Yes
people-not-yet = Not yet
people-reissue = New link for { $name }
people-ask-reissue = Issue a new link for { $name }? Their current link stops working.
people-revoke = Withdraw { $name }'s link
people-ask-delete = Remove { $name } from the list? What they answered stays counted, anonymously.
admin-error-forbidden = This board no longer accepts the admin link this page was opened with. Open the board again from its admin link or from My boards.
admin-error-no-board = This board no longer exists.
admin-error-no-group = The board has no group “{ $group }”: reload the page to see its groups as they are now.
admin-error-closed = The board is closed to new answers: reopen it first.
admin-error-too-large = That is more than the server takes at once (at most { $count } bytes): send it in smaller parts.
admin-error-busy = The server is busy right now; nothing was changed. Try again in { $count } s.
admin-error-failed = Something went wrong on the server. Try again in a moment; if it keeps happening, tell whoever runs this Tally.
hooks-legend = Webhooks
hooks-hint = Tally tells these addresses when something happens to the board, signing each request with the endpoint's secret (header Tally-Signature). Failed deliveries are tried again for a day.
hooks-url = Endpoint URL
hooks-events = Send when
hook-round-opened = a round opens
hook-figures-revealed = the figures are revealed
hook-figures-hidden = the figures are hidden
hook-board-closed = the board closes
hook-board-reopened = the board reopens
hook-participation = enough people have answered
hook-matrix-edited = the matrix is edited
hooks-participation = How many answers count as enough
hooks-format = Body
hooks-format-json = Tally JSON
hooks-format-slack = Slack message (text)
hooks-secret = Signing secret (leave empty and Tally makes one)
hooks-add = Add endpoint
hooks-secret-once = Added. Copy its signing secret now, it is not shown again:
hooks-none = No endpoints yet.
hooks-log = Deliveries
hooks-log-empty = Nothing sent yet.
hooks-refresh = Refresh
hooks-resend = Send again
hooks-state-pending = waiting
hooks-state-delivered = delivered
hooks-state-failed = given up
hooks-attempts = { $count ->
        [one] { $count } attempt
       *[other] { $count } attempts
    }
delete-legend = Delete this board
delete-what = Deleting this board removes for good: its rounds ({ $rounds }), every answer given in them, its invitations, owners, webhooks and audit trail. Pages open on it are told at once, and its address stops working.
delete-type-board = To confirm, type its address:
delete-button = Delete for good
delete-done = The board is deleted.
audit-legend = Audit trail
audit-hint = What was done to this board with its admin link or an owner's account, newest first. It never shows who answered what.
audit-empty = Nothing recorded yet.
audit-when = When
audit-what = What
audit-who = With
audit-detail = Detail
audit-by-link = the admin link
audit-by-owner = owner
audit-download = Download the trail (CSV)
audit-refresh = Refresh the trail
audit-closed = closed the board
audit-reopened = reopened the board
audit-round-started = started a round
audit-matrix-edited = edited the matrix
audit-groups-changed = changed the groups
audit-reveal-changed = changed when figures are shown
audit-access-changed = changed who may answer
audit-people-invited = invited people
audit-invitation-changed = changed an invitation
audit-owner-added = added an owner
audit-owner-removed = removed an owner
audit-webhook-added = added a webhook
audit-webhook-removed = removed a webhook
audit-delivery-resent = sent a webhook delivery again
audit-exported = downloaded the figures
audit-deleted = deleted the board

## The board page and the presenter, as the server renders them

board-loading = Loading the matrix…
board-description = { $title }: pick your level in each competency and see, live, where the team stands.
present-loading = Loading the board…
present-title = Presenting: { $title }
present-description = { $title }, live on the big screen: where the team stands in each competency, and how to join.

## Comparing two rounds or two groups

compare-loading = Loading the figures…
compare-heading = Compare: { $title }
compare-back = Back to the board
compare-a = Compare
compare-with = with
compare-moved-first = Rows that moved most first
compare-show = Show
compare-withheld = { $side }: its figures are withheld (fewer than { $n } people, or a smaller group could be worked out from them).
compare-table-label = Comparison table (scrolls sideways)
compare-caption = { $a } compared with { $b }, row by row
compare-competency = Competency
compare-median = Median
compare-no-change = { $level } (no change)
compare-up = { $from } → { $to } (up { $levels })
compare-down = { $from } → { $to } (down { $levels })
compare-withheld-cell = withheld
compare-share = { $k } ({ $percent })
compare-group-in = { $group } in { $round }

## Trends over the rounds

trends-loading = Loading the rounds…
trends-heading = Trends: { $title }
trends-heading-group = Trends: { $title } in { $group }
trends-back = Back to the board
trends-figures-of = Figures of
trends-whole-board = the whole board
trends-show = Show
trends-group-hint = A group's round is shown only when at least { $n } of its people answered in it, and when showing it would not let a smaller group be worked out from the rest.
trends-people = People who answered, per round
trends-people-group = People who answered in { $group }, per round
trends-people-label = People who answered: { $summary }
trends-people-label-group = People who answered in { $group }: { $summary }
trends-medians = Median level per row, round by round
trends-median-label = { $title }, median level: { $summary }
trends-round-said = { $round }: { $said }
trends-no-answers = no answers
trends-withheld = withheld
trends-as-table = The same figures as a table
trends-caption = Median level per row and round
trends-row = Row
trends-people-row = People who answered

## Where each role stands against what it expects

gaps-loading = Loading the gaps…
gaps-title = Gaps: { $title }
gaps-heading = Gaps: { $whose }, { $round }
gaps-whose-group = { $role } in { $group }
gaps-back = Back to the board
gaps-withheld = Withheld: fewer than { $n } people are in this slice, or showing it would let a smaller one be worked out from the rest.
gaps-role = Role
gaps-group = Group
gaps-everyone = everyone
gaps-round = Round
gaps-show = Show
gaps-answered = { $count ->
        [one] { $count } person in this slice answered.
       *[other] { $count } people in this slice answered.
    } Rows the role expects nothing of are left out.
gaps-table-label = Gaps by row (scrolls sideways)
gaps-row-heading = Competency and expected level
gaps-against = Against the expectation
gaps-in-round = In { $round }
gaps-expected = expected: { $level }
gaps-figures = { $below } of { $answered } below · { $at } at · { $above } above
gaps-withheld-cell = withheld
gaps-no-answers = no answers
gaps-since-closed = { $below } of { $answered } below: the gap closed
gaps-since-same = { $below } of { $answered } below: no change
gaps-since-widened = { $below } of { $answered } below: the gap widened

## Pages that cannot be shown: their heading, the reason, the way back

refused-no-board = There is no such board
refused-hidden = These figures are not shown yet
refused-members = This board is open to signed-in members only
refused-invited = This board is open to its invited people only
refused-invitation = This invitation link does not work
refused-other = This page cannot be shown
refused-go-home = Go to the home page
refused-back = Back to the board
refused-unknown-board = No board has the address /b/{ $board }: check it was typed whole, or ask whoever shared it.
refused-unknown-invitation = This invitation is not known here: check the link was copied whole.
refused-revoked-invitation = The board's organiser withdrew this invitation link: ask them for a new one.
refused-deleted-board = This board was deleted
refused-board-deleted-why = Its admin deleted it, with every answer and figure it held. Nothing of it is kept, and this address will not work again.
access-members-only = This board is for signed-in members only
access-members-domain = { access-members-only } with an address at { $domains }: sign in with one (you are signed in with { $you }).
access-no-address = an account without a verified address
access-members-sign-in = { access-members-only }: sign in (at the top of the page) to answer and to see its figures.
access-members-no-sign-in = { access-members-only }, and this server does not offer sign-in.
access-invited-only = This board is for invited people only: open the personal link you were sent (on this device), or ask the board's organiser for one.

## The matrix editor

editor-new-heading = Write your own matrix
editor-new-intro = Start from a template or from nothing; your draft stays in this browser until you create the board.
editor-loading-templates = Loading the templates…
editor-loading-matrix = Loading the matrix…
editor-edit-heading = Edit the matrix of “{ $title }”
editor-gallery-heading = Start from a template
editor-needs-js = The matrix editor needs JavaScript.
editor-draft-back = Your unsaved draft from this browser is back.
editor-discard = Discard the draft
editor-locked = This board has answers, so its rows and levels stay as they are; all text can still change.
editor-started-from = Started from the template “{ $title }”.
editor-no-problems = No problems found: ready to save.
editor-to-fix = { $count ->
        [one] { $count } thing to fix before saving:
       *[other] { $count } things to fix before saving:
    }
editor-not-saved = Not saved: fix the problems listed above first.
editor-import = Import a file (TOML, CSV or .xlsx)
editor-imported = Imported { $name }.
editor-download = Download as TOML
editor-downloaded = Downloaded { $name }.
editor-download-csv = Download as CSV
editor-download-xlsx = Download as .xlsx
editor-spreadsheet-hint = Writing it in a spreadsheet? Import a CSV or .xlsx file laid out like this template:
editor-template-xlsx = template (.xlsx)
editor-template-csv = template (CSV)
editor-create-heading = Create a board on this matrix
editor-board-title = Board title (optional)
editor-board-title-example = e.g. Platform team
editor-address = Public address /b/
editor-address-example = team-a
editor-address-hint = Leave it empty for a private board with an unguessable link.
editor-create = Create board
editor-created = Board created: opening it…
editor-save = Save the matrix
editor-saved = Saved: every open page of the board shows it now.
editor-admin-link-needed = Open this page through the board's admin link to save.
editor-back = Back to the board
editor-about = About this matrix
editor-title = Title
editor-description = Description (optional)
editor-allow-partial = People may leave rows unanswered
editor-levels-heading = Levels (the columns, lowest first)
editor-level-label = Level { $n } label
editor-level-short = Level { $n } short label
editor-level-name = level { $n }
editor-add-level = Add level
editor-categories-heading = Categories and rows
editor-category = Category { $n }
editor-category-title = Category { $n } title
editor-category-name = category { $n }
editor-add-category = Add category
editor-row = Row { $n }
editor-row-title = Row { $n } title
editor-row-name = row { $n } of category { $k }
editor-at-level = At level { $level }
editor-add-row = Add row
editor-roles-heading = Roles (optional): the level each expects
editor-roles-hint = A role (say “Senior engineer”) expects a level in the rows it covers. People may give their role; the board then shows each of them their own gap, and the gaps page where the role's people stand.
editor-role = Role { $n }
editor-role-title = Role { $n } title
editor-role-name = role { $n }
editor-add-role = Add role
editor-save-first = Save the matrix once first: a role's expectations name its rows and levels, which are named when it is saved.
editor-expected-in = Expected in { $title }
editor-not-expected = Not expected
editor-move-up = Move { $name } up
editor-move-down = Move { $name } down
editor-remove = Remove
editor-remove-named = Remove { $name }
editor-remove-ask = Remove { $name }? Whatever it holds goes with it.
editor-translations-heading = Translations (optional)
editor-translations-hint = Give the matrix's text in another language: people whose page is in that language read it so, and whatever is left blank shows as written.
editor-written-in = Language the matrix is written in
editor-translate-into = Translate into
editor-translate-none = Choose a language
editor-translations-save-first = Save the matrix once first: a translation names the levels and rows it translates, which are named when it is saved.
editor-translations-left = { $count ->
        [0] All { $total } texts are translated.
        [one] { $count } of { $total } texts is not translated yet.
       *[other] { $count } of { $total } texts are not translated yet.
    }
editor-not-translated = Not translated yet: shown as written.
editor-translated-row = Row title

## Problems with what an admin typed, each worded for the page it shows on (the JSON API reads them in English)

matrix-language = { $tag ->
        [de] German
        [fr] French
        [es] Spanish
       *[en] English
    }
matrix-untranslated = { $count ->
        [one] One text of this matrix is not translated into { $language } yet: it is shown in { $source }.
       *[other] { $count } texts of this matrix are not translated into { $language } yet: they are shown in { $source }.
    }
matrix-field-title = matrix title
matrix-field-description = description
matrix-field-level = level { $n }
matrix-field-level-label = level '{ $id }': label
matrix-field-level-short = level '{ $id }': short label
matrix-field-category = category '{ $id }'
matrix-field-category-title = category '{ $id }': title
matrix-field-row = row '{ $id }'
matrix-field-row-title = row '{ $id }': title
matrix-field-row-description = row '{ $id }': description { $n }
matrix-field-role = role '{ $id }'
matrix-field-role-title = role '{ $id }': title
matrix-empty = { $what } is empty
matrix-too-long = { $what } is longer than { $max } characters
matrix-bad-id = { $what }: id '{ $id }' must be 1-64 characters of a-z, 0-9, '-' or '_'
matrix-bad-matrix-id = matrix id '{ $id }' must be 1-64 characters of a-z, 0-9, '-' or '_'
matrix-id-twice = { $what }: id '{ $id }' is used twice
matrix-level-count = a matrix needs 2 to { $max } levels, this one has { $n }
matrix-no-category = a matrix needs at least one category
matrix-no-rows = { $what } has no rows
matrix-too-many-categories = a matrix has at most { $max } categories, this one has { $n }
matrix-too-many-rows = a matrix has at most { $max } rows, this one has { $n }
matrix-too-many-cells = a matrix has at most { $max } cells (rows x levels), this one has { $rows } x { $levels } = { $n }
matrix-too-many-roles = a matrix has at most { $max } roles, this one has { $n }
matrix-descriptions-count = { $what }: has { $n } descriptions but the matrix has { $levels } levels
matrix-unknown-row = { $what }: expects a level in row '{ $row }', which the matrix does not have
matrix-unknown-level = { $what }: expects level '{ $level }' in row '{ $row }'; the levels are { $known }
matrix-field-translation = the translation at { $path }
matrix-unknown-language = '{ $tag }' is not a language Tally speaks: use one of { $known }
matrix-translation-of-source = '{ $tag }' is the matrix's own language: write its text in the matrix itself
matrix-translation-no-level = translation '{ $tag }': the matrix has no level '{ $id }'
matrix-translation-no-category = translation '{ $tag }': the matrix has no category '{ $id }'
matrix-translation-no-row = translation '{ $tag }': the matrix has no row '{ $id }'
matrix-translation-no-role = translation '{ $tag }': the matrix has no role '{ $id }'
matrix-translation-descriptions = translation '{ $tag }', row '{ $id }': { $n } descriptions for { $levels } levels
text-forbidden-character = { $what } holds the invisible or control character U+{ $code }; remove it
groups-too-many = a board has at most { $max } groups, this has { $n }
groups-no-name = group { $n } has no name
groups-too-long = group { $n } is longer than { $max } characters
groups-field = group { $n }
groups-twice = group '{ $name }' is listed twice
groups-threshold-low = min_group_size must be at least { $min }
round-label-too-long = a round's label must be at most { $max } characters
round-label-field = the round's label
invite-line = line { $line }: { $message }
invite-unreadable = not readable as CSV ({ $error })
invite-too-many = at most { $max } people at once ({ $n } given)
invite-no-one = no one to invite: give one person per line
invite-columns = { $n } columns; give at most four: name, email, group, role
invite-no-name = the name is missing
invite-the-name = the name
invite-the-email = the email
invite-too-long = { $what } is longer than { $max } characters
invite-not-email = '{ $email }' is not an email address
invite-again = { $email } is invited already
invite-unknown-group = '{ $given }' is not one of the board's groups
invite-unknown-role = '{ $given }' is not one of the matrix's roles

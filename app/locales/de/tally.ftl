# Tallys Texte auf Deutsch. Begriffe: siehe GLOSSARY.md.

## Jede Seite

site-name = Tally
page-missing = Unter dieser Adresse gibt es keine Seite.
language-label = Sprache

## Die Kontoleiste

account-label = Dein Konto
account-signed-in-as = Angemeldet als
account-my-boards = Meine Boards
account-sign-out = Abmelden
account-sign-in = Anmelden

## Die Startseite

home-lead = ist eine Kompetenzmatrix, die live mitzählt: Alle wählen bei jeder Fähigkeit ihre Stufe, und das ganze Team sieht sofort, wo es steht. Probier es mit der Matrix unten aus.
home-start = Ein Board für dein Team anlegen
join-label = Einem Board beitreten
join-placeholder = Code oder Link
join-button = Beitreten
join-help = Gib den Code ein, den dir die Person gezeigt hat, die das Board leitet (auf dem Präsentationsbildschirm, unter dem QR-Code), oder füge den Link des Boards ein.
join-unknown = Kein Board hat den Code oder die Adresse „{ $typed }“. Frag bei der Person nach, die sie geteilt hat, oder füge den ganzen Link ein.
back-home = Zurück zur Startseite
your-boards = Deine Boards ({ $count })
your-board-started = von dir angelegt
your-board-answered = von dir beantwortet

## Ein Board anlegen

start-title = Ein Board anlegen
start-two-links = Du bekommst zwei Links: einen für das Team und einen Admin-Link nur für dich.
start-keep-admin-link = Bewahre den Admin-Link gut auf:
start-cannot-be-recovered = Er lässt sich nicht wiederherstellen.
start-matrix = Matrix
start-own-matrix = Oder schreib deine eigene Matrix
start-own-matrix-how = aus einer Vorlage oder ganz neu.
start-template-size = { $rows ->
        [one] { $rows } Kompetenz
       *[other] { $rows } Kompetenzen
    }, { $levels ->
        [one] { $levels } Stufe
       *[other] { $levels } Stufen
    }
start-field-title = Titel
start-field-title-example = z. B. Plattform-Team
start-field-title-hint = Leer lassen, um den Titel der Matrix zu nehmen.
start-field-address = Öffentliche Adresse (optional)
start-field-address-example = team-a
start-field-address-hint = 3–64 Zeichen aus a–z, 0–9, - oder _: Das Board ist dann öffentlich unter /b/<Adresse>. Leer lassen für ein privates Board mit einem Link, den niemand erraten kann.
start-create = Board anlegen

## Meine Boards

my-boards-title = Meine Boards
my-boards-owned = Boards, die dir gehören
my-boards-answered = Boards, die du beantwortet hast
my-boards-start = Ein Board anlegen
my-boards-none = Noch keins: Ein Board, das du angemeldet anlegst, gehört dir.
my-boards-round = Runde { $round } ({ $state ->
        [closed] geschlossen
       *[open] offen
    })
my-boards-column-board = Board
my-boards-column-round = Runde
my-boards-column-access = Wer antworten darf
my-boards-column-answered = Beantwortet
manage = Verwalten
manage-board = { $board } verwalten

## Zahlen

answered-count = { $count ->
        [0] noch hat niemand geantwortet
        [one] { $count } Person hat geantwortet
       *[other] { $count } Personen haben geantwortet
    }

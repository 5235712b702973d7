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
my-boards-sign-in = Melde dich an, um deine Boards zu sehen.
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

## Live-Seiten: was sie über das Board sagen, während es sich ändert

respondents = { $count ->
        [one] { $count } Person hat geantwortet
       *[other] { $count } Personen haben geantwortet
    }
respondents-in-round = { $round }: { $people }
round-number = Runde { $n }
live-watching = ● Live · { $count ->
        [one] { $count } schaut zu
       *[other] { $count } schauen zu
    }
live-on = ● Live
live-connecting = ○ Verbinde …
live-reconnecting = ○ Verbinde erneut …
live-offline = Zahlen vom Laden der Seite
hidden-until-submit = Die Zahlen des Teams erscheinen, sobald du deine Antworten abschickst.
hidden-until-reveal = Die Zahlen bleiben verborgen, bis die Moderation sie zeigt.
percent = { $n } %

## Das Formular des Boards

form-table-label = Kompetenzmatrix (seitlich scrollbar)
form-table-caption = Kompetenzen in den Zeilen, Stufen in den Spalten; jede Zelle ist eine Auswahl.
form-competency = Kompetenz
form-standing = Du und die anderen
cell-no-answers = Noch keine Antworten
cell-figures = { $k } von { $n } ({ $percent }) { $k ->
        [one] hat sich hier eingestuft
       *[other] haben sich hier eingestuft
    }
row-standing-below = Du: { $mine } · Median der Gruppe: { $median } (du liegst darunter)
row-standing-at = Du: { $mine } · Median der Gruppe: { $median } (du liegst gleichauf)
row-standing-above = Du: { $mine } · Median der Gruppe: { $median } (du liegst darüber)
intro-closed = Dieses Board nimmt keine Antworten mehr an. Zeig auf eine Zelle, fokussiere oder tippe sie an, um zu sehen, wie viele sie gewählt haben.
intro-hidden = Wähle in jeder Zeile die Stufe, die dich am besten beschreibt, und schick dann ab.
intro-open = Wähle in jeder Zeile die Stufe, die dich am besten beschreibt, und schick dann ab. Zeig auf eine Zelle, fokussiere oder tippe sie an, um zu sehen, wie viele sie gewählt haben.
legend-label = Legende der Schattierung
legend-caption = Anteil der Personen auf jeder Stufe:
choice-group = Deine Gruppe (freiwillig)
choice-no-group = Keine Gruppe
choice-role = Deine Rolle (freiwillig)
choice-no-role = Keine Rolle
form-nothing-counted = Nichts wurde gezählt:
form-progress = { $answered } von { $total } beantwortet
form-submit = Abschicken
form-update = Antworten aktualisieren
form-submitted-on = Abgeschickt am { $when }.
form-your-time = { $when } (deine Zeit)
date-time = { $day }.{ $month }.{ $year }, { $hour }:{ $minute }
date-time-utc = { $day }.{ $month }.{ $year }, { $hour }:{ $minute } UTC
form-carried-over = Deine Antworten aus { $round } sind eingetragen: Bestätige oder ändere sie und schick dann ab. Bis dahin zählt nichts.
form-row-missing = „{ $title }“ hat noch keine Antwort: Wähle dort eine Stufe und schick dann ab.
link-compare = Runden oder Gruppen vergleichen
link-trends = Verlauf über die Runden
link-gaps = Wo jede Rolle gegenüber ihren Erwartungen steht
notice-closed = Dieses Board ist geschlossen: Es nimmt keine Antworten mehr an. Seine Zahlen bleiben sichtbar.
notice-deleted = Dieses Board wurde gerade von der Admin-Person gelöscht, mit allen Antworten darin. Hier kann nichts mehr gesendet werden.
role-gap-at = Deine Rolle erwartet { $expected }: Du liegst genau dort
role-gap-below = Deine Rolle erwartet { $expected }: Du liegst { $levels ->
        [one] { $levels } Stufe
       *[other] { $levels } Stufen
    } darunter
role-gap-above = Deine Rolle erwartet { $expected }: Du liegst { $levels ->
        [one] { $levels } Stufe
       *[other] { $levels } Stufen
    } darüber
cell-chosen = deine Wahl
cell-expected = Deine Rolle erwartet diese Stufe

## Die Präsentation

present-closed = Geschlossen: keine Antworten mehr
present-hidden = Zahlen verborgen, bis sie gezeigt werden
present-gaps = Abstände nach Rolle
present-of-invited = (von { $count } Eingeladenen)
present-join-label = Diesem Board beitreten
present-qr-alt = QR-Code: { $address }
present-scan = Scannen oder aufrufen:
present-enter-code = und den Code eingeben
present-full-screen = Vollbild
present-controls = Steuerung
present-hide-controls = Steuerung ausblenden
present-levels = Stufen
present-row-hidden = { $title }: Zahlen verborgen
present-row-nobody = { $title }: noch keine Antworten
present-row-figures = { $title }: { $parts } von { $n }
present-row-part = { $level } { $k } ({ $percent })
present-nobody = noch keine Antworten
present-withheld = verborgen bis zur Freigabe

## Der eigene Verlauf auf einem Board

history-summary = Deine Antworten im Verlauf (nur du siehst das)
history-withdraw-round = Meine Antworten aus dieser Runde zurückziehen
history-withdraw-all = Meine Antworten aus allen Runden zurückziehen
history-ask-round = Deine Antworten aus dieser Runde zurückziehen? Sie zählen sofort nicht mehr; du kannst erneut antworten.
history-ask-all = Deine Antworten aus allen Runden zurückziehen? Dein ganzer Verlauf auf diesem Board wird gelöscht.
history-not-answered = { $title }: nicht beantwortet
history-line = { $title }: { $steps }
history-step = { $level } ({ $round })
history-above = darüber
history-at = gleichauf
history-below = { $levels } darunter
history-role = { $line }; deine Rolle erwartet { $expected }: { $gaps }
history-closed = { $role }: Der Abstand ist geschlossen
history-narrowed = { $role }: Der Abstand ist kleiner geworden
history-widened = { $role }: Der Abstand ist größer geworden
history-download = Alles herunterladen, was dieses Board über mich speichert (JSON)

## Die Steuerung für die Admin-Person (auf der Board-Seite und der Präsentation)

admin-label = Board-Verwaltung
admin-heading = Du verwaltest dieses Board
admin-pages = Die Seiten des Boards
admin-present = Präsentieren
admin-compare = Runden oder Gruppen vergleichen
admin-trends = Verlauf
admin-edit = Matrix bearbeiten
admin-reopen = Board wieder öffnen
admin-close = Board schließen
admin-download = { $format } herunterladen
share-board = Board teilen
share-copy-board = Link zum Board kopieren
share-keep-admin = Bewahre den Admin-Link sicher auf: Nur mit ihm lässt sich dieses Board verwalten, und ein verlorener Link lässt sich nicht wiederherstellen. Er wird hier nicht angezeigt, damit er auf geteilten Bildschirmen nicht zu sehen ist.
share-copy-admin = Admin-Link kopieren
copied = Kopiert.
copy-refused = Dieser Browser erlaubt das Kopieren nicht; markiere die Adresse und kopiere sie selbst.
reveal-show = Zahlen zeigen
reveal-live = Live: Alle sehen die Zahlen
reveal-after-submit = Nach dem Antworten: jede Person, sobald sie abgeschickt hat
reveal-facilitator = Wenn ich sie freigebe
reveal-hide = Zahlen verbergen
reveal-reveal = Zahlen freigeben
groups-legend = Gruppen
groups-hint = Teilnehmende können angeben, zu welcher Gruppe sie gehören (höchstens { $groups }, je bis zu { $chars } Zeichen). Die Zahlen einer Gruppe bleiben verborgen, bis genug Personen darin geantwortet haben.
groups-names = Gruppen, eine pro Zeile
groups-threshold = Kleinste Gruppe, deren Zahlen gezeigt werden
groups-threshold-problem = Gib eine ganze Zahl ab { $n } ein.
groups-save = Gruppen speichern
groups-saved = { $count ->
        [0] Gespeichert: Es werden keine Gruppen angeboten.
        [one] Gespeichert: { $count } Gruppe wird angeboten.
       *[other] Gespeichert: { $count } Gruppen werden angeboten.
    }
round-next-label = Name der nächsten Runde
round-next-example = z. B. 2026 Q4
round-start = Nächste Runde starten
round-confirm-label = Nächste Runde bestätigen
round-frozen = Runde { $n } wird eingefroren: Ihre Zahlen bleiben erhalten, und sie nimmt keine Antworten mehr an. In der neuen Runde antworten alle erneut.
round-shown-after-submit = Ihre Zahlen sieht jede Person, sobald sie in ihr geantwortet hat.
round-hidden-until-reveal = Ihre Zahlen bleiben verborgen, bis du sie freigibst.
round-yes = Ja, neue Runde starten
cancel = Abbrechen
round-open = { $label } ist offen.
owners-legend = Eigentümer
owners-hint = Eigentümer verwalten dieses Board unter „Meine Boards“, sobald sie sich mit ihrer Adresse anmelden; der Admin-Link funktioniert weiterhin.
owners-add-label = Eigentümer per E-Mail hinzufügen
owners-add = Hinzufügen
owners-starter = (hat das Board angelegt)
owners-signed-in = hat sich angemeldet
owners-not-signed-in = noch nicht angemeldet
remove = Entfernen
remove-who = { $name } entfernen
access-label = Wer antworten darf
access-anyone = Alle mit dem Link
access-invited = Nur Eingeladene, jede Person mit eigenem Link
access-members = Auf dieser Seite angemeldete Personen
access-domains = Nur Adressen bei (freiwillig)
access-domains-example = beispiel.de, beispiel.org
access-save-domains = Domains speichern
access-no-sign-in = Die Anmeldung über deine Organisation ist auf diesem Server nicht eingerichtet.
people-participation = { $answered } von { $invited } Eingeladenen haben in dieser Runde geantwortet.
people-batches = Wer geantwortet hat, wird in Schüben von mindestens { $batch } aktualisiert, damit sich niemandes Antworten aus den sich ändernden Zahlen ablesen lassen.
people-invite-label = Einzuladende Personen, eine pro Zeile: Name, dann wahlweise E-Mail, Gruppe und Rolle
people-invite-example = Ada Lovelace, ada@beispiel.de, Backend
people-csv = Oder eine CSV-Datei mit diesen Spalten
people-create = Persönliche Links erstellen
people-copy-link = Link von { $name } kopieren
people-link-label = Link von { $name }
people-new-links = Neue persönliche Links
people-copy-now = Kopiere diese Links jetzt oder lade sie herunter: Tally behält keine Kopie und kann sie nicht noch einmal zeigen. Ein verlorener Link kann neu ausgestellt werden.
people-download = Diese Links herunterladen (CSV)
people-table-label = Eingeladene Personen, scrollbar
people-caption = Eingeladene Personen
people-name = Name
people-email = E-Mail
people-group = Gruppe
people-role = Rolle
people-answered = Geantwortet
people-link = Link
people-withdrawn = Link zurückgezogen
people-yes = Ja
people-not-yet = Noch nicht
people-reissue = Neuer Link für { $name }
people-ask-reissue = Einen neuen Link für { $name } ausstellen? Der bisherige Link funktioniert dann nicht mehr.
people-revoke = Link von { $name } zurückziehen
people-ask-delete = { $name } von der Liste entfernen? Die Antworten zählen weiter, anonym.
admin-error-forbidden = Dieses Board nimmt den Admin-Link, mit dem die Seite geöffnet wurde, nicht mehr an. Öffne das Board erneut über seinen Admin-Link oder über „Meine Boards“.
admin-error-no-board = Dieses Board gibt es nicht mehr.
admin-error-no-group = Das Board hat keine Gruppe „{ $group }“: Lade die Seite neu, um seine aktuellen Gruppen zu sehen.
admin-error-closed = Das Board nimmt keine neuen Antworten an: Öffne es zuerst wieder.
admin-error-too-large = Das ist mehr, als der Server auf einmal annimmt (höchstens { $count } Bytes): Schick es in kleineren Teilen.
admin-error-busy = Der Server ist gerade ausgelastet; nichts wurde geändert. Versuch es in { $count } s noch einmal.
admin-error-failed = Auf dem Server ist etwas schiefgegangen. Versuch es gleich noch einmal; passiert es wieder, sag der Person Bescheid, die dieses Tally betreibt.
hooks-legend = Webhooks
hooks-hint = Tally meldet diesen Adressen, was mit dem Board geschieht, und signiert jede Anfrage mit dem Geheimnis des Endpunkts (Header Tally-Signature). Fehlgeschlagene Zustellungen werden einen Tag lang wiederholt.
hooks-url = URL des Endpunkts
hooks-events = Senden, wenn
hook-round-opened = eine Runde beginnt
hook-figures-revealed = die Zahlen freigegeben werden
hook-figures-hidden = die Zahlen verborgen werden
hook-board-closed = das Board geschlossen wird
hook-board-reopened = das Board wieder geöffnet wird
hook-participation = genug Personen geantwortet haben
hook-matrix-edited = die Matrix bearbeitet wird
hooks-participation = Ab wie vielen Antworten es genug sind
hooks-format = Inhalt
hooks-format-json = Tally-JSON
hooks-format-slack = Slack-Nachricht (Text)
hooks-secret = Signaturgeheimnis (leer lassen, dann erzeugt Tally eines)
hooks-add = Endpunkt hinzufügen
hooks-secret-once = Hinzugefügt. Kopiere jetzt sein Signaturgeheimnis, es wird nicht noch einmal angezeigt:
hooks-none = Noch keine Endpunkte.
hooks-log = Zustellungen
hooks-log-empty = Noch nichts gesendet.
hooks-refresh = Aktualisieren
hooks-resend = Erneut senden
hooks-state-pending = wartet
hooks-state-delivered = zugestellt
hooks-state-failed = aufgegeben
hooks-attempts = { $count ->
        [one] { $count } Versuch
       *[other] { $count } Versuche
    }
delete-legend = Dieses Board löschen
delete-what = Das Löschen dieses Boards entfernt endgültig: seine Runden ({ $rounds }), alle darin gegebenen Antworten, seine Einladungen, Eigentümer, Webhooks und das Protokoll. Offene Seiten erfahren es sofort, und die Adresse funktioniert nicht mehr.
delete-type-board = Zum Bestätigen seine Adresse eingeben:
delete-button = Endgültig löschen
delete-done = Das Board ist gelöscht.
audit-legend = Protokoll
audit-hint = Was mit dem Admin-Link oder dem Konto einer Eigentümerin oder eines Eigentümers an diesem Board getan wurde, das Neueste zuerst. Es zeigt nie, wer was geantwortet hat.
audit-empty = Noch nichts protokolliert.
audit-when = Wann
audit-what = Was
audit-who = Womit
audit-detail = Einzelheiten
audit-by-link = Admin-Link
audit-by-owner = Eigentümer
audit-download = Protokoll herunterladen (CSV)
audit-refresh = Protokoll aktualisieren
audit-closed = hat das Board geschlossen
audit-reopened = hat das Board wieder geöffnet
audit-round-started = hat eine Runde begonnen
audit-matrix-edited = hat die Matrix bearbeitet
audit-groups-changed = hat die Gruppen geändert
audit-reveal-changed = hat geändert, wann Zahlen gezeigt werden
audit-access-changed = hat geändert, wer antworten darf
audit-people-invited = hat Personen eingeladen
audit-invitation-changed = hat eine Einladung geändert
audit-owner-added = hat einen Eigentümer hinzugefügt
audit-owner-removed = hat einen Eigentümer entfernt
audit-webhook-added = hat einen Webhook hinzugefügt
audit-webhook-removed = hat einen Webhook entfernt
audit-delivery-resent = hat eine Webhook-Zustellung erneut gesendet
audit-exported = hat die Zahlen heruntergeladen
audit-deleted = hat das Board gelöscht

## Board-Seite und Präsentation, wie der Server sie ausliefert

board-loading = Die Matrix wird geladen …
board-description = { $title }: Wähle deine Stufe in jeder Kompetenz und sieh live, wo das Team steht.
present-loading = Das Board wird geladen …
present-title = Präsentation: { $title }
present-description = { $title }, live auf der großen Leinwand: wo das Team in jeder Kompetenz steht und wie man beitritt.

## Zwei Runden oder zwei Gruppen vergleichen

compare-loading = Die Zahlen werden geladen …
compare-heading = Vergleich: { $title }
compare-back = Zurück zum Board
compare-a = Vergleiche
compare-with = mit
compare-moved-first = Zeilen mit der größten Bewegung zuerst
compare-show = Anzeigen
compare-withheld = { $side }: Die Zahlen werden zurückgehalten (weniger als { $n } Personen, oder eine kleinere Gruppe ließe sich daraus errechnen).
compare-table-label = Vergleichstabelle (seitlich scrollbar)
compare-caption = { $a } verglichen mit { $b }, Zeile für Zeile
compare-competency = Kompetenz
compare-median = Median
compare-no-change = { $level } (unverändert)
compare-up = { $from } → { $to } ({ $levels } höher)
compare-down = { $from } → { $to } ({ $levels } tiefer)
compare-withheld-cell = zurückgehalten
compare-share = { $k } ({ $percent })
compare-group-in = { $group } in { $round }

## Verlauf über die Runden

trends-loading = Die Runden werden geladen …
trends-heading = Verlauf: { $title }
trends-heading-group = Verlauf: { $title } in { $group }
trends-back = Zurück zum Board
trends-figures-of = Zahlen von
trends-whole-board = dem ganzen Board
trends-show = Anzeigen
trends-group-hint = Die Runde einer Gruppe wird nur gezeigt, wenn mindestens { $n } ihrer Personen darin geantwortet haben und sich daraus keine kleinere Gruppe aus den übrigen errechnen ließe.
trends-people = Personen, die geantwortet haben, je Runde
trends-people-group = Personen in { $group }, die geantwortet haben, je Runde
trends-people-label = Personen, die geantwortet haben: { $summary }
trends-people-label-group = Personen in { $group }, die geantwortet haben: { $summary }
trends-medians = Median-Stufe je Zeile, Runde für Runde
trends-median-label = { $title }, Median-Stufe: { $summary }
trends-round-said = { $round }: { $said }
trends-no-answers = keine Antworten
trends-withheld = zurückgehalten
trends-as-table = Dieselben Zahlen als Tabelle
trends-caption = Median-Stufe je Zeile und Runde
trends-row = Zeile
trends-people-row = Personen, die geantwortet haben

## Wo jede Rolle gegenüber ihren Erwartungen steht

gaps-loading = Die Abstände werden geladen …
gaps-title = Abstände: { $title }
gaps-heading = Abstände: { $whose }, { $round }
gaps-whose-group = { $role } in { $group }
gaps-back = Zurück zum Board
gaps-withheld = Zurückgehalten: In diesem Ausschnitt sind weniger als { $n } Personen, oder aus ihm ließe sich ein kleinerer aus den übrigen errechnen.
gaps-role = Rolle
gaps-group = Gruppe
gaps-everyone = alle
gaps-round = Runde
gaps-show = Anzeigen
gaps-answered = { $count ->
        [one] { $count } Person in diesem Ausschnitt hat geantwortet.
       *[other] { $count } Personen in diesem Ausschnitt haben geantwortet.
    } Zeilen, in denen die Rolle nichts erwartet, sind ausgelassen.
gaps-table-label = Abstände je Zeile (seitlich scrollbar)
gaps-row-heading = Kompetenz und erwartete Stufe
gaps-against = Gegenüber der Erwartung
gaps-in-round = In { $round }
gaps-expected = erwartet: { $level }
gaps-figures = { $below } von { $answered } darunter · { $at } gleichauf · { $above } darüber
gaps-withheld-cell = zurückgehalten
gaps-no-answers = keine Antworten
gaps-since-closed = { $below } von { $answered } darunter: Der Abstand ist geschlossen
gaps-since-same = { $below } von { $answered } darunter: unverändert
gaps-since-widened = { $below } von { $answered } darunter: Der Abstand ist größer geworden

## Seiten, die nicht gezeigt werden können: Überschrift, Grund, Weg zurück

refused-no-board = Dieses Board gibt es nicht
refused-hidden = Diese Zahlen werden noch nicht gezeigt
refused-members = Dieses Board steht nur angemeldeten Mitgliedern offen
refused-invited = Dieses Board steht nur eingeladenen Personen offen
refused-invitation = Dieser Einladungslink funktioniert nicht
refused-other = Diese Seite kann nicht gezeigt werden
refused-go-home = Zur Startseite
refused-back = Zurück zum Board
refused-unknown-board = Unter /b/{ $board } gibt es kein Board: Prüfe, ob die Adresse vollständig ist, oder frag, wer sie geteilt hat.
refused-unknown-invitation = Diese Einladung ist hier unbekannt: Prüfe, ob der Link vollständig kopiert wurde.
refused-revoked-invitation = Die Organisatorin oder der Organisator des Boards hat diesen Einladungslink zurückgezogen: Bitte um einen neuen.
refused-deleted-board = Dieses Board wurde gelöscht
refused-board-deleted-why = Die Admin-Person hat es mit allen Antworten und Zahlen gelöscht. Davon wird nichts aufbewahrt, und diese Adresse funktioniert nicht mehr.
access-members-only = Dieses Board ist nur für angemeldete Mitglieder
access-members-domain = { access-members-only }, mit einer Adresse bei { $domains }: Melde dich mit einer solchen an (du bist angemeldet als { $you }).
access-no-address = ein Konto ohne bestätigte Adresse
access-members-sign-in = { access-members-only }: Melde dich an (oben auf der Seite), um zu antworten und die Zahlen zu sehen.
access-members-no-sign-in = { access-members-only }, und dieser Server bietet keine Anmeldung an.
access-invited-only = Dieses Board ist nur für eingeladene Personen: Öffne den persönlichen Link, den du bekommen hast (auf diesem Gerät), oder bitte die Organisation des Boards um einen.

## Der Matrix-Editor

editor-new-heading = Schreib deine eigene Matrix
editor-new-intro = Fang mit einer Vorlage an oder ganz neu; dein Entwurf bleibt in diesem Browser, bis du das Board anlegst.
editor-loading-templates = Die Vorlagen werden geladen …
editor-loading-matrix = Die Matrix wird geladen …
editor-edit-heading = Die Matrix von „{ $title }“ bearbeiten
editor-gallery-heading = Mit einer Vorlage anfangen
editor-needs-js = Der Matrix-Editor braucht JavaScript.
editor-draft-back = Dein ungespeicherter Entwurf aus diesem Browser ist wieder da.
editor-discard = Entwurf verwerfen
editor-locked = Auf diesem Board wurde schon geantwortet: Zeilen und Stufen bleiben, wie sie sind, aber jeder Text lässt sich noch ändern.
editor-started-from = Begonnen mit der Vorlage „{ $title }“.
editor-no-problems = Nichts zu beanstanden: bereit zum Speichern.
editor-to-fix = { $count ->
        [one] Vor dem Speichern ist { $count } Sache zu korrigieren:
       *[other] Vor dem Speichern sind { $count } Sachen zu korrigieren:
    }
editor-not-saved = Nicht gespeichert: Korrigiere erst, was oben aufgelistet ist.
editor-import = Datei importieren (TOML, CSV oder .xlsx)
editor-imported = { $name } importiert.
editor-download = Als TOML herunterladen
editor-downloaded = { $name } heruntergeladen.
editor-download-csv = Als CSV herunterladen
editor-download-xlsx = Als .xlsx herunterladen
editor-spreadsheet-hint = Lieber in einer Tabellenkalkulation? Importiere eine CSV- oder .xlsx-Datei im Aufbau dieser Vorlage:
editor-template-xlsx = Vorlage (.xlsx)
editor-template-csv = Vorlage (CSV)
editor-create-heading = Ein Board mit dieser Matrix anlegen
editor-board-title = Titel des Boards (optional)
editor-board-title-example = z. B. Plattform-Team
editor-address = Öffentliche Adresse /b/
editor-address-example = team-a
editor-address-hint = Leer lassen für ein privates Board mit einem Link, den niemand erraten kann.
editor-create = Board anlegen
editor-created = Board angelegt, es wird geöffnet …
editor-save = Matrix speichern
editor-saved = Gespeichert: Jede offene Seite des Boards zeigt jetzt die neue Fassung.
editor-admin-link-needed = Öffne diese Seite über den Admin-Link des Boards, um zu speichern.
editor-back = Zurück zum Board
editor-about = Über diese Matrix
editor-title = Titel
editor-description = Beschreibung (optional)
editor-allow-partial = Zeilen dürfen unbeantwortet bleiben
editor-levels-heading = Stufen (die Spalten, niedrigste zuerst)
editor-level-label = Bezeichnung der Stufe { $n }
editor-level-short = Kurzbezeichnung der Stufe { $n }
editor-level-name = Stufe { $n }
editor-add-level = Stufe hinzufügen
editor-categories-heading = Kategorien und Zeilen
editor-category = Kategorie { $n }
editor-category-title = Titel der Kategorie { $n }
editor-category-name = Kategorie { $n }
editor-add-category = Kategorie hinzufügen
editor-row = Zeile { $n }
editor-row-title = Titel der Zeile { $n }
editor-row-name = Zeile { $n } der Kategorie { $k }
editor-at-level = Auf Stufe { $level }
editor-add-row = Zeile hinzufügen
editor-roles-heading = Rollen (optional): die Stufe, die jede erwartet
editor-roles-hint = Eine Rolle (etwa „Senior Engineer“) erwartet in den Zeilen, die sie betrifft, eine bestimmte Stufe. Wer antwortet, kann seine Rolle angeben; das Board zeigt dann jeder Person ihren eigenen Abstand, und die Seite der Abstände zeigt, wo die Leute einer Rolle stehen.
editor-role = Rolle { $n }
editor-role-title = Titel der Rolle { $n }
editor-role-name = Rolle { $n }
editor-add-role = Rolle hinzufügen
editor-save-first = Speichere die Matrix zuerst einmal: Die Erwartungen einer Rolle verweisen auf Zeilen und Stufen, und die bekommen ihre Namen beim Speichern.
editor-expected-in = Erwartet bei { $title }
editor-not-expected = Nicht erwartet
editor-move-up = { $name } nach oben verschieben
editor-move-down = { $name } nach unten verschieben
editor-remove = Entfernen
editor-remove-named = { $name } entfernen
editor-remove-ask = { $name } entfernen? Alles, was darin steht, geht mit.
editor-translations-heading = Übersetzungen (optional)
editor-translations-hint = Gib den Text der Matrix in einer anderen Sprache an: Wer die Seite in dieser Sprache sieht, liest ihn so, und was leer bleibt, erscheint wie geschrieben.
editor-written-in = Sprache, in der die Matrix geschrieben ist
editor-translate-into = Übersetzen in
editor-translate-none = Sprache wählen
editor-translations-save-first = Speichere die Matrix zuerst einmal: Eine Übersetzung verweist auf Stufen und Zeilen, und die bekommen ihre Namen beim Speichern.
editor-translations-left = { $count ->
        [0] Alle { $total } Texte sind übersetzt.
        [one] { $count } von { $total } Texten ist noch nicht übersetzt.
       *[other] { $count } von { $total } Texten sind noch nicht übersetzt.
    }
editor-not-translated = Noch nicht übersetzt: erscheint wie geschrieben.
editor-translated-row = Titel der Zeile

## Probleme mit dem, was die Organisation eingegeben hat, in der Sprache der Seite (die JSON-API nennt sie auf Englisch)

matrix-language = { $tag ->
        [de] Deutsch
        [fr] Französisch
        [es] Spanisch
       *[en] Englisch
    }
matrix-untranslated = { $count ->
        [one] Ein Text dieser Matrix ist noch nicht auf { $language } übersetzt: Er steht auf { $source } da.
       *[other] { $count } Texte dieser Matrix sind noch nicht auf { $language } übersetzt: Sie stehen auf { $source } da.
    }
matrix-field-title = Titel der Matrix
matrix-field-description = Beschreibung
matrix-field-level = Stufe { $n }
matrix-field-level-label = Stufe „{ $id }“: Bezeichnung
matrix-field-level-short = Stufe „{ $id }“: Kurzbezeichnung
matrix-field-category = Kategorie „{ $id }“
matrix-field-category-title = Kategorie „{ $id }“: Titel
matrix-field-row = Zeile „{ $id }“
matrix-field-row-title = Zeile „{ $id }“: Titel
matrix-field-row-description = Zeile „{ $id }“: Beschreibung { $n }
matrix-field-role = Rolle „{ $id }“
matrix-field-role-title = Rolle „{ $id }“: Titel
matrix-empty = { $what }: leer
matrix-too-long = { $what }: länger als { $max } Zeichen
matrix-bad-id = { $what }: Die Kennung „{ $id }“ muss 1 bis 64 Zeichen lang sein, nur a–z, 0–9, - oder _
matrix-bad-matrix-id = Kennung der Matrix „{ $id }“: Sie muss 1 bis 64 Zeichen lang sein, nur a–z, 0–9, - oder _
matrix-id-twice = { $what }: Die Kennung „{ $id }“ kommt zweimal vor
matrix-level-count = Eine Matrix braucht 2 bis { $max } Stufen, diese hat { $n }
matrix-no-category = Eine Matrix braucht mindestens eine Kategorie
matrix-no-rows = { $what }: keine Zeilen
matrix-too-many-categories = Eine Matrix hat höchstens { $max } Kategorien, diese hat { $n }
matrix-too-many-rows = Eine Matrix hat höchstens { $max } Zeilen, diese hat { $n }
matrix-too-many-cells = Eine Matrix hat höchstens { $max } Felder (Zeilen × Stufen), diese hat { $rows } × { $levels } = { $n }
matrix-too-many-roles = Eine Matrix hat höchstens { $max } Rollen, diese hat { $n }
matrix-descriptions-count = { $what }: { $n } Beschreibungen, aber die Matrix hat { $levels } Stufen
matrix-unknown-row = { $what }: erwartet eine Stufe in der Zeile „{ $row }“, die die Matrix nicht hat
matrix-unknown-level = { $what }: erwartet die Stufe „{ $level }“ in der Zeile „{ $row }“; die Stufen heißen { $known }
matrix-field-translation = die Übersetzung bei { $path }
matrix-unknown-language = „{ $tag }“ ist keine Sprache, die Tally spricht: Nimm eine von { $known }
matrix-translation-of-source = „{ $tag }“ ist die eigene Sprache der Matrix: Schreib diesen Text in die Matrix selbst
matrix-translation-no-level = Übersetzung „{ $tag }“: Die Matrix hat keine Stufe „{ $id }“
matrix-translation-no-category = Übersetzung „{ $tag }“: Die Matrix hat keine Kategorie „{ $id }“
matrix-translation-no-row = Übersetzung „{ $tag }“: Die Matrix hat keine Zeile „{ $id }“
matrix-translation-no-role = Übersetzung „{ $tag }“: Die Matrix hat keine Rolle „{ $id }“
matrix-translation-descriptions = Übersetzung „{ $tag }“, Zeile „{ $id }“: { $n } Beschreibungen für { $levels } Stufen
text-forbidden-character = { $what }: enthält das unsichtbare Zeichen oder Steuerzeichen U+{ $code }; entferne es
groups-too-many = Ein Board hat höchstens { $max } Gruppen, hier sind es { $n }
groups-no-name = Gruppe { $n } hat keinen Namen
groups-too-long = Gruppe { $n } ist länger als { $max } Zeichen
groups-field = Gruppe { $n }
groups-twice = Die Gruppe „{ $name }“ steht zweimal in der Liste
groups-threshold-low = Die kleinste gezeigte Gruppe muss mindestens { $min } Personen haben
round-label-too-long = Der Name einer Runde darf höchstens { $max } Zeichen haben
round-label-field = Der Name der Runde
invite-line = Zeile { $line }: { $message }
invite-unreadable = nicht als CSV lesbar ({ $error })
invite-too-many = höchstens { $max } Personen auf einmal ({ $n } angegeben)
invite-no-one = niemand zum Einladen: Gib eine Person pro Zeile an
invite-columns = { $n } Spalten; höchstens vier sind möglich: Name, E-Mail, Gruppe, Rolle
invite-no-name = der Name fehlt
invite-the-name = der Name
invite-the-email = die E-Mail-Adresse
invite-too-long = { $what } ist länger als { $max } Zeichen
invite-not-email = „{ $email }“ ist keine E-Mail-Adresse
invite-again = { $email } ist schon eingeladen
invite-unknown-group = „{ $given }“ ist keine der Gruppen des Boards
invite-unknown-role = „{ $given }“ ist keine der Rollen der Matrix

# Les textes de Tally en français. Termes : voir GLOSSARY.md.

## Toutes les pages

site-name = Tally
page-missing = Aucune page ne se trouve à cette adresse.
language-label = Langue

## La barre du compte

account-label = Votre compte
account-signed-in-as = Connecté en tant que
account-my-boards = Mes tableaux
account-sign-out = Se déconnecter
account-sign-in = Se connecter

## La page d’accueil

home-lead = est une matrice de compétences en direct : chacun choisit son niveau pour chaque compétence, et toute l’équipe voit aussitôt où elle en est. Essayez avec la matrice ci-dessous.
home-start = Créer un tableau pour votre équipe
join-label = Rejoindre un tableau
join-placeholder = Code ou lien
join-button = Rejoindre
join-help = Saisissez le code que la personne qui anime le tableau vous a montré (sur l’écran de présentation, sous le code QR), ou collez le lien du tableau.
join-unknown = Aucun tableau n’a le code ou l’adresse « { $typed } ». Vérifiez-le auprès de la personne qui l’a partagé, ou collez le lien complet.
back-home = Retour à la page d’accueil
your-boards = Vos tableaux ({ $count })
your-board-started = créé par vous
your-board-answered = vous y avez répondu

## Créer un tableau

start-title = Créer un tableau
start-two-links = Vous recevez deux liens : l’un à partager avec l’équipe, l’autre, le lien d’administration, pour vous seul.
start-keep-admin-link = Gardez le lien d’administration :
start-cannot-be-recovered = il est impossible de le retrouver.
start-matrix = Matrice
start-own-matrix = Ou écrivez votre propre matrice
start-own-matrix-how = à partir d’un modèle ou d’une page blanche.
start-template-size = { $rows ->
        [one] { $rows } compétence
       *[other] { $rows } compétences
    }, { $levels ->
        [one] { $levels } niveau
       *[other] { $levels } niveaux
    }
start-field-title = Titre
start-field-title-example = p. ex. Équipe plateforme
start-field-title-hint = Laissez vide pour reprendre le titre de la matrice.
start-field-address = Adresse publique (facultative)
start-field-address-example = equipe-a
start-field-address-hint = De 3 à 64 caractères parmi a–z, 0–9, - ou _ : le tableau est alors public à /b/<adresse>. Laissez vide pour un tableau privé au lien impossible à deviner.
start-create = Créer le tableau

## Mes tableaux

my-boards-title = Mes tableaux
my-boards-owned = Les tableaux qui sont à vous
my-boards-answered = Les tableaux auxquels vous avez répondu
my-boards-start = Créer un tableau
my-boards-none = Aucun pour l’instant : un tableau créé pendant que vous êtes connecté vous appartient.
my-boards-sign-in = Connectez-vous pour voir vos tableaux.
my-boards-round = Tour { $round } ({ $state ->
        [closed] fermé
       *[open] ouvert
    })
my-boards-column-board = Tableau
my-boards-column-round = Tour
my-boards-column-access = Qui peut répondre
my-boards-column-answered = Réponses
manage = Gérer
manage-board = Gérer { $board }

## Chiffres

answered-count = { $count ->
        [0] personne n’a encore répondu
        [one] { $count } personne a répondu
       *[other] { $count } personnes ont répondu
    }

## Pages en direct : ce qu’elles disent du tableau pendant qu’il change

respondents = { $count ->
        [one] { $count } personne a répondu
       *[other] { $count } personnes ont répondu
    }
respondents-in-round = { $round } : { $people }
round-number = Tour { $n }
live-watching = ● En direct · { $count } { $count ->
        [one] personne regarde
       *[other] personnes regardent
    }
live-on = ● En direct
live-connecting = ○ Connexion…
live-reconnecting = ○ Reconnexion…
live-offline = Chiffres au chargement de la page
hidden-until-submit = Les chiffres de l’équipe apparaissent dès que vous envoyez vos réponses.
hidden-until-reveal = Les chiffres restent masqués jusqu’à ce que l’animateur les dévoile.
percent = { $n } %

## Le formulaire du tableau

form-table-label = Matrice de compétences (défile sur le côté)
form-table-caption = Les compétences en lignes, les niveaux en colonnes ; chaque case est un choix.
form-competency = Compétence
form-standing = Vous et le groupe
cell-no-answers = Pas encore de réponse
cell-figures = { $k } sur { $n } ({ $percent }) { $k ->
        [one] s’est placé ici
       *[other] se sont placés ici
    }
row-standing-below = Vous : { $mine } · médiane du groupe : { $median } (vous êtes en dessous)
row-standing-at = Vous : { $mine } · médiane du groupe : { $median } (vous êtes au même niveau)
row-standing-above = Vous : { $mine } · médiane du groupe : { $median } (vous êtes au-dessus)
intro-closed = Ce tableau ne prend plus de réponses. Survolez, sélectionnez ou touchez une case pour voir combien de personnes l’ont choisie.
intro-hidden = Dans chaque ligne, choisissez le niveau qui vous décrit le mieux, puis envoyez.
intro-open = Dans chaque ligne, choisissez le niveau qui vous décrit le mieux, puis envoyez. Survolez, sélectionnez ou touchez une case pour voir combien de personnes l’ont choisie.
legend-label = Légende des nuances
legend-caption = Part des personnes à chaque niveau :
choice-group = Votre groupe (facultatif)
choice-no-group = Aucun groupe
choice-role = Votre rôle (facultatif)
choice-no-role = Aucun rôle
form-nothing-counted = Rien n’a été compté :
form-progress = { $answered } sur { $total } { $answered ->
        [one] répondue
       *[other] répondues
    }
form-submit = Envoyer
form-update = Mettre à jour mes réponses
form-submitted-on = Envoyé le { $when }.
form-your-time = { $when } (votre heure)
date-time = { $day }/{ $month }/{ $year } à { $hour }:{ $minute }
date-time-utc = { $day }/{ $month }/{ $year } à { $hour }:{ $minute } UTC
form-carried-over = Vos réponses de { $round } sont reprises : confirmez-les ou modifiez-les, puis envoyez. Rien ne compte avant.
form-row-missing = « { $title } » n’a pas encore de réponse : choisissez-y un niveau, puis envoyez.
link-compare = Comparer des tours ou des groupes
link-trends = L’évolution au fil des tours
link-gaps = Où chaque rôle se situe par rapport à ce qu’on attend de lui
notice-closed = Ce tableau est fermé : il ne prend plus de réponses. Ses chiffres restent visibles.
notice-deleted = Ce tableau vient d’être supprimé par son administrateur, avec toutes ses réponses. Plus rien ne peut y être envoyé.
role-gap-at = Votre rôle attend { $expected } : vous y êtes
role-gap-below = Votre rôle attend { $expected } : vous êtes { $levels ->
        [one] { $levels } niveau
       *[other] { $levels } niveaux
    } en dessous
role-gap-above = Votre rôle attend { $expected } : vous êtes { $levels ->
        [one] { $levels } niveau
       *[other] { $levels } niveaux
    } au-dessus
cell-chosen = votre choix
cell-expected = Votre rôle attend ce niveau

## L’écran de présentation

present-closed = Fermé : plus de réponses
present-hidden = Chiffres masqués jusqu’au dévoilement
present-gaps = Écarts par rôle
present-of-invited = (sur { $count } { $count ->
        [one] invité
       *[other] invités
    })
present-join-label = Rejoindre ce tableau
present-qr-alt = Code QR : { $address }
present-scan = Scannez, ou allez sur
present-enter-code = et saisissez le code
present-full-screen = Plein écran
present-controls = Commandes
present-hide-controls = Masquer les commandes
present-levels = Niveaux
present-row-hidden = { $title } : chiffres masqués
present-row-nobody = { $title } : pas encore de réponse
present-row-figures = { $title } : { $parts } sur { $n }
present-row-part = { $level } { $k } ({ $percent })
present-nobody = pas encore de réponse
present-withheld = masqué jusqu’au dévoilement

## L’historique de la personne sur un tableau

history-summary = Vos réponses au fil du temps (vous seul les voyez)
history-withdraw-round = Retirer mes réponses de ce tour
history-withdraw-all = Retirer mes réponses de tous les tours
history-ask-round = Retirer vos réponses de ce tour ? Elles cessent aussitôt de compter ; vous pourrez répondre à nouveau.
history-ask-all = Retirer vos réponses de tous les tours ? Tout votre historique sur ce tableau est supprimé.
history-not-answered = { $title } : sans réponse
history-line = { $title } : { $steps }
history-step = { $level } ({ $round })
history-above = au-dessus
history-at = au niveau
history-below = { $levels } en dessous
history-role = { $line } ; votre rôle attend { $expected } : { $gaps }
history-closed = { $role } : l’écart est comblé
history-narrowed = { $role } : l’écart s’est réduit
history-widened = { $role } : l’écart s’est creusé
history-download = Télécharger tout ce que ce tableau garde sur moi (JSON)

## Les commandes de l’administrateur (sur la page du tableau et l’écran de présentation)

admin-label = Administration du tableau
admin-heading = Vous administrez ce tableau
admin-pages = Les pages du tableau
admin-present = Le présenter
admin-compare = Comparer des tours ou des groupes
admin-trends = Évolution
admin-edit = Modifier la matrice
admin-reopen = Rouvrir le tableau
admin-close = Fermer le tableau
admin-download = Télécharger en { $format }
share-board = Partager le tableau
share-copy-board = Copier le lien du tableau
share-keep-admin = Gardez le lien d’administration en lieu sûr : c’est le seul moyen de gérer ce tableau, et un lien perdu ne peut pas être récupéré. Il n’est pas affiché ici, pour rester hors des écrans que vous partagez.
share-copy-admin = Copier le lien d’administration
copied = Copié.
copy-refused = Ce navigateur n’a pas permis la copie ; sélectionnez l’adresse et copiez-la.
reveal-show = Afficher les chiffres
reveal-live = En direct : tout le monde voit les chiffres
reveal-after-submit = Après avoir répondu : chaque personne, une fois ses réponses envoyées
reveal-facilitator = Quand je les dévoile
reveal-hide = Masquer les chiffres
reveal-reveal = Dévoiler les chiffres
groups-legend = Groupes
groups-hint = Chacun peut indiquer son groupe (au plus { $groups }, de { $chars } caractères chacun au maximum). Les chiffres d’un groupe restent masqués tant que trop peu de personnes y ont répondu.
groups-names = Groupes, un par ligne
groups-threshold = Plus petit groupe dont les chiffres sont affichés
groups-threshold-problem = Indiquez un nombre entier à partir de { $n }.
groups-save = Enregistrer les groupes
groups-saved = { $count ->
        [0] Enregistré : aucun groupe n’est proposé.
        [one] Enregistré : { $count } groupe est proposé.
       *[other] Enregistré : { $count } groupes sont proposés.
    }
round-next-label = Nom du prochain tour
round-next-example = p. ex. 2026 T4
round-start = Lancer le tour suivant
round-confirm-label = Confirmer le tour suivant
round-frozen = Le tour { $n } sera figé : ses chiffres sont conservés et il ne prend plus de réponses. Tout le monde répond à nouveau dans le nouveau tour.
round-shown-after-submit = Ses chiffres s’affichent pour chaque personne une fois qu’elle y a répondu.
round-hidden-until-reveal = Ses chiffres restent masqués jusqu’à ce que vous les dévoiliez.
round-yes = Oui, lancer le nouveau tour
cancel = Annuler
round-open = { $label } est ouvert.
owners-legend = Propriétaires
owners-hint = Les propriétaires gèrent ce tableau depuis « Mes tableaux » une fois connectés avec leur adresse ; le lien d’administration continue de fonctionner.
owners-add-label = Ajouter un propriétaire par e-mail
owners-add = Ajouter
owners-starter = (la personne qui a créé le tableau)
owners-signed-in = s’est connecté
owners-not-signed-in = pas encore connecté
remove = Retirer
remove-who = Retirer { $name }
access-label = Qui peut répondre
access-anyone = Toute personne ayant le lien
access-invited = Seulement les personnes invitées, chacune avec son lien personnel
access-members = Les personnes connectées à ce site
access-domains = Seulement les adresses chez (facultatif)
access-domains-example = exemple.fr, exemple.org
access-save-domains = Enregistrer les domaines
access-no-sign-in = La connexion par votre organisation n’est pas configurée sur ce serveur.
people-participation = { $answered } sur { $invited } personnes invitées ont répondu dans ce tour.
people-batches = Les réponses reçues sont mises à jour par lots d’au moins { $batch }, pour que personne ne puisse déduire les réponses de quelqu’un des chiffres qui bougent.
people-invite-label = Personnes à inviter, une par ligne : nom, puis éventuellement e-mail, groupe et rôle
people-invite-example = Ada Lovelace, ada@exemple.fr, Backend
people-csv = Ou un fichier CSV avec ces colonnes
people-create = Créer les liens personnels
people-copy-link = Copier le lien de { $name }
people-link-label = Lien de { $name }
people-new-links = Nouveaux liens personnels
people-copy-now = Copiez ces liens maintenant, ou téléchargez-les : Tally n’en garde aucune copie et ne peut pas les réafficher. Un lien perdu peut être émis à nouveau.
people-download = Télécharger ces liens (CSV)
people-table-label = Personnes invitées, défilement possible
people-caption = Personnes invitées
people-name = Nom
people-email = E-mail
people-group = Groupe
people-role = Rôle
people-answered = A répondu
people-link = Lien
people-withdrawn = Lien retiré
people-yes = Oui
people-not-yet = Pas encore
people-reissue = Nouveau lien pour { $name }
people-ask-reissue = Émettre un nouveau lien pour { $name } ? Son lien actuel cesse de fonctionner.
people-revoke = Retirer le lien de { $name }
people-ask-delete = Retirer { $name } de la liste ? Ses réponses restent comptées, anonymement.
admin-error-forbidden = Ce tableau n’accepte plus le lien d’administration avec lequel cette page a été ouverte. Rouvrez le tableau depuis son lien d’administration ou depuis « Mes tableaux ».
admin-error-no-board = Ce tableau n’existe plus.
admin-error-no-group = Le tableau n’a pas de groupe « { $group } » : rechargez la page pour voir ses groupes actuels.
admin-error-closed = Le tableau n’accepte plus de réponses : rouvrez-le d’abord.
admin-error-too-large = C’est plus que ce que le serveur accepte en une fois ({ $count } octets au plus) : envoyez-le en plusieurs parties.
admin-error-busy = Le serveur est occupé ; rien n’a été modifié. Réessayez dans { $count } s.
admin-error-failed = Un problème est survenu sur le serveur. Réessayez dans un instant ; si cela se reproduit, prévenez la personne qui gère ce Tally.
hooks-legend = Webhooks
hooks-hint = Tally prévient ces adresses de ce qui arrive au tableau et signe chaque requête avec le secret du point d’accès (en-tête Tally-Signature). Une livraison échouée est retentée pendant une journée.
hooks-url = URL du point d’accès
hooks-events = Envoyer quand
hook-round-opened = un tour commence
hook-figures-revealed = les chiffres sont dévoilés
hook-figures-hidden = les chiffres sont masqués
hook-board-closed = le tableau est fermé
hook-board-reopened = le tableau est rouvert
hook-participation = assez de personnes ont répondu
hook-matrix-edited = la matrice est modifiée
hooks-participation = Nombre de réponses suffisant
hooks-format = Contenu
hooks-format-json = JSON de Tally
hooks-format-slack = Message Slack (texte)
hooks-secret = Secret de signature (laissez vide pour que Tally en crée un)
hooks-add = Ajouter le point d’accès
hooks-secret-once = Ajouté. Copiez son secret de signature maintenant, il ne sera plus affiché :
hooks-none = Aucun point d’accès pour l’instant.
hooks-log = Livraisons
hooks-log-empty = Rien n’a encore été envoyé.
hooks-refresh = Actualiser
hooks-resend = Renvoyer
hooks-state-pending = en attente
hooks-state-delivered = livrée
hooks-state-failed = abandonnée
hooks-attempts = { $count ->
        [one] { $count } tentative
       *[other] { $count } tentatives
    }
delete-legend = Supprimer ce tableau
delete-what = Supprimer ce tableau efface pour de bon : ses tours ({ $rounds }), toutes les réponses données, ses invitations, propriétaires, webhooks et son journal. Les pages ouvertes sont prévenues aussitôt, et son adresse cesse de fonctionner.
delete-type-board = Pour confirmer, tapez son adresse :
delete-button = Supprimer pour de bon
delete-done = Le tableau est supprimé.
audit-legend = Journal
audit-hint = Ce qui a été fait à ce tableau avec son lien d’administration ou le compte d’un propriétaire, du plus récent au plus ancien. Il ne montre jamais qui a répondu quoi.
audit-empty = Rien d’enregistré pour l’instant.
audit-when = Quand
audit-what = Quoi
audit-who = Avec
audit-detail = Détail
audit-by-link = le lien d’administration
audit-by-owner = propriétaire
audit-download = Télécharger le journal (CSV)
audit-refresh = Actualiser le journal
audit-closed = a fermé le tableau
audit-reopened = a rouvert le tableau
audit-round-started = a commencé un tour
audit-matrix-edited = a modifié la matrice
audit-groups-changed = a modifié les groupes
audit-reveal-changed = a modifié quand les chiffres sont montrés
audit-access-changed = a modifié qui peut répondre
audit-people-invited = a invité des personnes
audit-invitation-changed = a modifié une invitation
audit-owner-added = a ajouté un propriétaire
audit-owner-removed = a retiré un propriétaire
audit-webhook-added = a ajouté un webhook
audit-webhook-removed = a retiré un webhook
audit-delivery-resent = a renvoyé un envoi de webhook
audit-exported = a téléchargé les chiffres
audit-deleted = a supprimé le tableau

## La page du tableau et l’écran de présentation, tels que le serveur les envoie

board-loading = Chargement de la matrice…
board-description = { $title } : choisissez votre niveau dans chaque compétence et voyez, en direct, où en est l’équipe.
present-loading = Chargement du tableau…
present-title = Présentation : { $title }
present-description = { $title }, en direct sur grand écran : où en est l’équipe dans chaque compétence, et comment la rejoindre.

## Comparer deux tours ou deux groupes

compare-loading = Chargement des chiffres…
compare-heading = Comparaison : { $title }
compare-back = Retour au tableau
compare-a = Comparer
compare-with = avec
compare-moved-first = Les lignes qui ont le plus bougé d’abord
compare-show = Afficher
compare-withheld = { $side } : ses chiffres sont retenus (moins de { $n } personnes, ou un groupe plus petit pourrait en être déduit).
compare-table-label = Tableau de comparaison (défile sur le côté)
compare-caption = { $a } comparé à { $b }, ligne par ligne
compare-competency = Compétence
compare-median = Médiane
compare-no-change = { $level } (inchangé)
compare-up = { $from } → { $to } (+{ $levels })
compare-down = { $from } → { $to } (−{ $levels })
compare-withheld-cell = retenu
compare-share = { $k } ({ $percent })
compare-group-in = { $group }, { $round }

## L’évolution au fil des tours

trends-loading = Chargement des tours…
trends-heading = Évolution : { $title }
trends-heading-group = Évolution : { $title }, groupe { $group }
trends-back = Retour au tableau
trends-figures-of = Chiffres de
trends-whole-board = tout le tableau
trends-show = Afficher
trends-group-hint = Le tour d’un groupe n’est affiché que si au moins { $n } de ses membres y ont répondu, et si l’afficher ne permet pas de déduire un groupe plus petit à partir des autres.
trends-people = Personnes ayant répondu, par tour
trends-people-group = Personnes du groupe { $group } ayant répondu, par tour
trends-people-label = Personnes ayant répondu : { $summary }
trends-people-label-group = Personnes du groupe { $group } ayant répondu : { $summary }
trends-medians = Niveau médian par ligne, tour après tour
trends-median-label = { $title }, niveau médian : { $summary }
trends-round-said = { $round } : { $said }
trends-no-answers = aucune réponse
trends-withheld = retenu
trends-as-table = Les mêmes chiffres sous forme de tableau
trends-caption = Niveau médian par ligne et par tour
trends-row = Ligne
trends-people-row = Personnes ayant répondu

## Où chaque rôle se situe par rapport à ce qu’on attend de lui

gaps-loading = Chargement des écarts…
gaps-title = Écarts : { $title }
gaps-heading = Écarts : { $whose }, { $round }
gaps-whose-group = { $role }, groupe { $group }
gaps-back = Retour au tableau
gaps-withheld = Retenu : moins de { $n } personnes dans cette tranche, ou l’afficher permettrait d’en déduire une plus petite à partir des autres.
gaps-role = Rôle
gaps-group = Groupe
gaps-everyone = tout le monde
gaps-round = Tour
gaps-show = Afficher
gaps-answered = { $count ->
        [one] { $count } personne de cette tranche a répondu.
       *[other] { $count } personnes de cette tranche ont répondu.
    } Les lignes où le rôle n’attend rien sont omises.
gaps-table-label = Écarts par ligne (défile sur le côté)
gaps-row-heading = Compétence et niveau attendu
gaps-against = Par rapport à l’attente
gaps-in-round = Au { $round }
gaps-expected = attendu : { $level }
gaps-figures = { $below } sur { $answered } en dessous · { $at } au niveau · { $above } au-dessus
gaps-withheld-cell = retenu
gaps-no-answers = aucune réponse
gaps-since-closed = { $below } sur { $answered } en dessous : l’écart est comblé
gaps-since-same = { $below } sur { $answered } en dessous : inchangé
gaps-since-widened = { $below } sur { $answered } en dessous : l’écart s’est creusé

## Pages qui ne peuvent pas s’afficher : titre, raison, chemin du retour

refused-no-board = Ce tableau n’existe pas
refused-hidden = Ces chiffres ne sont pas encore affichés
refused-members = Ce tableau est réservé aux membres connectés
refused-invited = Ce tableau est réservé aux personnes invitées
refused-invitation = Ce lien d’invitation ne fonctionne pas
refused-other = Cette page ne peut pas s’afficher
refused-go-home = Aller à l’accueil
refused-back = Retour au tableau
refused-unknown-board = Aucun tableau n’a l’adresse /b/{ $board } : vérifiez qu’elle est complète, ou demandez-la à qui vous l’a transmise.
refused-unknown-invitation = Cette invitation est inconnue ici : vérifiez que le lien a été copié en entier.
refused-revoked-invitation = L’organisateur du tableau a retiré ce lien d’invitation : demandez-lui-en un nouveau.
refused-deleted-board = Ce tableau a été supprimé
refused-board-deleted-why = Son administrateur l’a supprimé, avec toutes ses réponses et tous ses chiffres. Rien n’en est gardé, et cette adresse ne fonctionnera plus.
access-members-only = Ce tableau est réservé aux membres connectés
access-members-domain = { access-members-only } avec une adresse chez { $domains } : connectez-vous avec l’une d’elles (vous êtes connecté avec { $you }).
access-no-address = un compte sans adresse vérifiée
access-members-sign-in = { access-members-only } : connectez-vous (en haut de la page) pour répondre et voir ses chiffres.
access-members-no-sign-in = { access-members-only }, et ce serveur ne propose pas de connexion.
access-invited-only = Ce tableau est réservé aux personnes invitées : ouvrez le lien personnel que vous avez reçu (sur cet appareil), ou demandez-en un à l’organisateur du tableau.

## L’éditeur de matrice

editor-new-heading = Écrivez votre propre matrice
editor-new-intro = Partez d’un modèle ou d’une page blanche ; votre brouillon reste dans ce navigateur jusqu’à ce que vous créiez le tableau.
editor-loading-templates = Chargement des modèles…
editor-loading-matrix = Chargement de la matrice…
editor-edit-heading = Modifier la matrice de « { $title } »
editor-gallery-heading = Partir d’un modèle
editor-needs-js = L’éditeur de matrice a besoin de JavaScript.
editor-draft-back = Le brouillon non enregistré de ce navigateur est revenu.
editor-discard = Abandonner le brouillon
editor-locked = Des personnes ont déjà répondu sur ce tableau : ses lignes et ses niveaux restent tels quels, mais tout le texte peut encore changer.
editor-started-from = Modèle « { $title } » repris comme point de départ.
editor-no-problems = Aucun problème : prêt à enregistrer.
editor-to-fix = { $count ->
        [one] { $count } point à corriger avant d’enregistrer :
       *[other] { $count } points à corriger avant d’enregistrer :
    }
editor-not-saved = Non enregistré : corrigez d’abord les problèmes listés plus haut.
editor-import = Importer un fichier (TOML, CSV ou .xlsx)
editor-imported = { $name } importé.
editor-download = Télécharger en TOML
editor-downloaded = { $name } téléchargé.
editor-download-csv = Télécharger en CSV
editor-download-xlsx = Télécharger en .xlsx
editor-spreadsheet-hint = Vous préférez un tableur ? Importez un fichier CSV ou .xlsx organisé comme ce modèle :
editor-template-xlsx = modèle (.xlsx)
editor-template-csv = modèle (CSV)
editor-create-heading = Créer un tableau sur cette matrice
editor-board-title = Titre du tableau (facultatif)
editor-board-title-example = p. ex. Équipe plateforme
editor-address = Adresse publique /b/
editor-address-example = equipe-a
editor-address-hint = Laissez vide pour un tableau privé au lien impossible à deviner.
editor-create = Créer le tableau
editor-created = Tableau créé : ouverture…
editor-save = Enregistrer la matrice
editor-saved = Enregistré : toutes les pages ouvertes du tableau l’affichent déjà.
editor-admin-link-needed = Pour enregistrer, ouvrez cette page par le lien d’administration du tableau.
editor-back = Retour au tableau
editor-about = À propos de cette matrice
editor-title = Titre
editor-description = Description (facultative)
editor-allow-partial = On peut laisser des lignes sans réponse
editor-levels-heading = Niveaux (les colonnes, du plus bas au plus haut)
editor-level-label = Libellé du niveau { $n }
editor-level-short = Libellé court du niveau { $n }
editor-level-name = niveau { $n }
editor-add-level = Ajouter un niveau
editor-categories-heading = Catégories et lignes
editor-category = Catégorie { $n }
editor-category-title = Titre de la catégorie { $n }
editor-category-name = catégorie { $n }
editor-add-category = Ajouter une catégorie
editor-row = Ligne { $n }
editor-row-title = Titre de la ligne { $n }
editor-row-name = ligne { $n } de la catégorie { $k }
editor-at-level = Au niveau { $level }
editor-add-row = Ajouter une ligne
editor-roles-heading = Rôles (facultatifs) : le niveau que chacun attend
editor-roles-hint = Un rôle (par exemple « Ingénieur senior ») attend un niveau dans les lignes qu’il couvre. Chacun peut indiquer son rôle ; le tableau montre alors à chaque personne son propre écart, et la page des écarts montre où se situent les personnes de ce rôle.
editor-role = Rôle { $n }
editor-role-title = Titre du rôle { $n }
editor-role-name = rôle { $n }
editor-add-role = Ajouter un rôle
editor-save-first = Enregistrez d’abord la matrice une fois : les attentes d’un rôle désignent des lignes et des niveaux, qui reçoivent leur nom à l’enregistrement.
editor-expected-in = Attendu en { $title }
editor-not-expected = Non attendu
editor-move-up = Monter { $name }
editor-move-down = Descendre { $name }
editor-remove = Retirer
editor-remove-named = Retirer { $name }
editor-remove-ask = Retirer { $name } ? Tout son contenu sera retiré aussi.
editor-translations-heading = Traductions (facultatives)
editor-translations-hint = Donnez le texte de la matrice dans une autre langue : les personnes dont la page est dans cette langue le lisent ainsi, et ce qui reste vide s’affiche tel qu’écrit.
editor-written-in = Langue dans laquelle la matrice est écrite
editor-translate-into = Traduire en
editor-translate-none = Choisissez une langue
editor-translations-save-first = Enregistrez d’abord la matrice une fois : une traduction désigne les niveaux et les lignes qu’elle traduit, qui reçoivent leur nom à l’enregistrement.
editor-translations-left = { $count ->
        [0] Les { $total } textes sont tous traduits.
        [one] { $count } texte sur { $total } n’est pas encore traduit.
       *[other] { $count } textes sur { $total } ne sont pas encore traduits.
    }
editor-not-translated = Pas encore traduit : affiché tel qu’écrit.
editor-translated-row = Titre de la ligne

## Problèmes dans ce qu’a saisi l’organisateur, dans la langue de la page (l’API JSON les donne en anglais)

matrix-language = { $tag ->
        [de] allemand
        [fr] français
        [es] espagnol
       *[en] anglais
    }
matrix-untranslated = { $count ->
        [one] Un texte de cette matrice n’est pas encore traduit en { $language } : il est affiché en { $source }.
       *[other] { $count } textes de cette matrice ne sont pas encore traduits en { $language } : ils sont affichés en { $source }.
    }
matrix-field-title = titre de la matrice
matrix-field-description = description
matrix-field-level = niveau { $n }
matrix-field-level-label = niveau « { $id } » : libellé
matrix-field-level-short = niveau « { $id } » : libellé court
matrix-field-category = catégorie « { $id } »
matrix-field-category-title = catégorie « { $id } » : titre
matrix-field-row = ligne « { $id } »
matrix-field-row-title = ligne « { $id } » : titre
matrix-field-row-description = ligne « { $id } » : description { $n }
matrix-field-role = rôle « { $id } »
matrix-field-role-title = rôle « { $id } » : titre
matrix-empty = { $what } : vide
matrix-too-long = { $what } : plus de { $max } caractères
matrix-bad-id = { $what } : l’identifiant « { $id } » doit compter de 1 à 64 caractères parmi a–z, 0–9, - ou _
matrix-bad-matrix-id = identifiant de la matrice « { $id } » : il doit compter de 1 à 64 caractères parmi a–z, 0–9, - ou _
matrix-id-twice = { $what } : l’identifiant « { $id } » sert deux fois
matrix-level-count = une matrice a besoin de 2 à { $max } niveaux, celle-ci en a { $n }
matrix-no-category = une matrice a besoin d’au moins une catégorie
matrix-no-rows = { $what } : aucune ligne
matrix-too-many-categories = une matrice a au plus { $max } catégories, celle-ci en a { $n }
matrix-too-many-rows = une matrice a au plus { $max } lignes, celle-ci en a { $n }
matrix-too-many-cells = une matrice a au plus { $max } cases (lignes × niveaux), celle-ci en a { $rows } × { $levels } = { $n }
matrix-too-many-roles = une matrice a au plus { $max } rôles, celle-ci en a { $n }
matrix-descriptions-count = { $what } : { $n } descriptions, alors que la matrice a { $levels } niveaux
matrix-unknown-row = { $what } : attend un niveau dans la ligne « { $row } », que la matrice n’a pas
matrix-unknown-level = { $what } : attend le niveau « { $level } » dans la ligne « { $row } » ; les niveaux sont { $known }
matrix-field-translation = la traduction à { $path }
matrix-unknown-language = « { $tag } » n’est pas une langue que Tally parle : choisissez parmi { $known }
matrix-translation-of-source = « { $tag } » est la langue de la matrice elle-même : écrivez ce texte dans la matrice
matrix-translation-no-level = traduction « { $tag } » : la matrice n’a pas de niveau « { $id } »
matrix-translation-no-category = traduction « { $tag } » : la matrice n’a pas de catégorie « { $id } »
matrix-translation-no-row = traduction « { $tag } » : la matrice n’a pas de ligne « { $id } »
matrix-translation-no-role = traduction « { $tag } » : la matrice n’a pas de rôle « { $id } »
matrix-translation-descriptions = traduction « { $tag } », ligne « { $id } » : { $n } descriptions pour { $levels } niveaux
text-forbidden-character = { $what } : contient le caractère invisible ou de contrôle U+{ $code } ; supprimez-le
groups-too-many = un tableau a au plus { $max } groupes, celui-ci en a { $n }
groups-no-name = le groupe { $n } n’a pas de nom
groups-too-long = le groupe { $n } dépasse { $max } caractères
groups-field = groupe { $n }
groups-twice = le groupe « { $name } » figure deux fois dans la liste
groups-threshold-low = le plus petit groupe affiché doit compter au moins { $min } personnes
round-label-too-long = le nom d’un tour ne doit pas dépasser { $max } caractères
round-label-field = le nom du tour
invite-line = ligne { $line } : { $message }
invite-unreadable = illisible en CSV ({ $error })
invite-too-many = au plus { $max } personnes à la fois ({ $n } données)
invite-no-one = personne à inviter : indiquez une personne par ligne
invite-columns = { $n } colonnes ; quatre au plus : nom, e-mail, groupe, rôle
invite-no-name = le nom manque
invite-the-name = le nom
invite-the-email = l’e-mail
invite-too-long = { $what } dépasse { $max } caractères
invite-not-email = « { $email } » n’est pas une adresse e-mail
invite-again = { $email } est déjà invité
invite-unknown-group = « { $given } » n’est pas l’un des groupes du tableau
invite-unknown-role = « { $given } » n’est pas l’un des rôles de la matrice

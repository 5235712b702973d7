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

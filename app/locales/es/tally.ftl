# Los textos de Tally en español. Términos: véase GLOSSARY.md.

## Todas las páginas

site-name = Tally
page-missing = No hay ninguna página en esta dirección.
language-label = Idioma

## La barra de la cuenta

account-label = Tu cuenta
account-signed-in-as = Sesión iniciada como
account-my-boards = Mis tableros
account-sign-out = Cerrar sesión
account-sign-in = Iniciar sesión

## La página de inicio

home-lead = es una matriz de competencias en vivo: cada persona elige su nivel en cada habilidad y todo el equipo ve al momento en qué punto está. Pruébala con la matriz de abajo.
home-start = Crear un tablero para tu equipo
join-label = Unirse a un tablero
join-placeholder = Código o enlace
join-button = Unirse
join-help = Escribe el código que te mostró quien organiza el tablero (en la pantalla de presentación, bajo el código QR) o pega el enlace del tablero.
join-unknown = Ningún tablero tiene el código o la dirección «{ $typed }». Compruébalo con quien lo compartió o pega el enlace completo.
back-home = Volver a la página de inicio
your-boards = Tus tableros ({ $count })
your-board-started = lo creaste tú
your-board-answered = respondiste

## Crear un tablero

start-title = Crear un tablero
start-two-links = Recibes dos enlaces: uno para compartir con el equipo y otro de administración solo para ti.
start-keep-admin-link = Guarda el enlace de administración:
start-cannot-be-recovered = no se puede recuperar.
start-matrix = Matriz
start-own-matrix = O escribe tu propia matriz
start-own-matrix-how = a partir de una plantilla o desde cero.
start-template-size = { $rows ->
        [one] { $rows } competencia
       *[other] { $rows } competencias
    }, { $levels ->
        [one] { $levels } nivel
       *[other] { $levels } niveles
    }
start-field-title = Título
start-field-title-example = p. ej., Equipo de plataforma
start-field-title-hint = Déjalo vacío para usar el título de la matriz.
start-field-address = Dirección pública (opcional)
start-field-address-example = equipo-a
start-field-address-hint = Entre 3 y 64 caracteres de a–z, 0–9, - o _: el tablero será público en /b/<dirección>. Déjalo vacío para un tablero privado con un enlace imposible de adivinar.
start-create = Crear tablero

## Mis tableros

my-boards-title = Mis tableros
my-boards-owned = Tableros que son tuyos
my-boards-answered = Tableros que respondiste
my-boards-start = Crear un tablero
my-boards-none = Todavía ninguno: un tablero que creas con la sesión iniciada es tuyo.
my-boards-round = Ronda { $round } ({ $state ->
        [closed] cerrada
       *[open] abierta
    })
my-boards-column-board = Tablero
my-boards-column-round = Ronda
my-boards-column-access = Quién puede responder
my-boards-column-answered = Respuestas
manage = Gestionar
manage-board = Gestionar { $board }

## Cifras

answered-count = { $count ->
        [0] nadie ha respondido todavía
        [one] { $count } persona ha respondido
       *[other] { $count } personas han respondido
    }

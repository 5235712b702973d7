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
my-boards-sign-in = Inicia sesión para ver tus tableros.
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

## Páginas en vivo: lo que dicen del tablero mientras cambia

respondents = { $count ->
        [one] { $count } persona ha respondido
       *[other] { $count } personas han respondido
    }
respondents-in-round = { $round }: { $people }
round-number = Ronda { $n }
live-watching = ● En vivo · { $count } { $count ->
        [one] persona mirando
       *[other] personas mirando
    }
live-on = ● En vivo
live-connecting = ○ Conectando…
live-reconnecting = ○ Reconectando…
live-offline = Cifras al cargar la página
hidden-until-submit = Las cifras del equipo aparecen en cuanto envíes tus respuestas.
hidden-until-reveal = Las cifras siguen ocultas hasta que quien modera las muestre.
percent = { $n } %

## El formulario del tablero

form-table-label = Matriz de competencias (se desplaza de lado)
form-table-caption = Competencias por filas, niveles por columnas; cada celda es una opción.
form-competency = Competencia
form-standing = Tú y el grupo
cell-no-answers = Aún no hay respuestas
cell-figures = { $k } de { $n } ({ $percent }) { $k ->
        [one] se situó aquí
       *[other] se situaron aquí
    }
row-standing-below = Tú: { $mine } · mediana del grupo: { $median } (estás por debajo)
row-standing-at = Tú: { $mine } · mediana del grupo: { $median } (estás a la par)
row-standing-above = Tú: { $mine } · mediana del grupo: { $median } (estás por encima)
intro-closed = Este tablero ya no acepta respuestas. Pasa el puntero, enfoca o toca una celda para ver cuántas personas la eligieron.
intro-hidden = Elige en cada fila el nivel que mejor te describe y luego envía.
intro-open = Elige en cada fila el nivel que mejor te describe y luego envía. Pasa el puntero, enfoca o toca una celda para ver cuántas personas la eligieron.
legend-label = Leyenda del sombreado
legend-caption = Proporción de personas en cada nivel:
choice-group = Tu grupo (opcional)
choice-no-group = Sin grupo
choice-role = Tu rol (opcional)
choice-no-role = Sin rol
form-nothing-counted = No se contó nada:
form-progress = { $answered } de { $total } respondidas
form-submit = Enviar
form-update = Actualizar mis respuestas
form-submitted-on = Enviaste el { $when }.
form-your-time = { $when } (tu hora)
date-time = { $day }/{ $month }/{ $year }, { $hour }:{ $minute }
date-time-utc = { $day }/{ $month }/{ $year }, { $hour }:{ $minute } UTC
form-carried-over = Tus respuestas de { $round } están puestas: confírmalas o cámbialas y luego envía. Nada cuenta hasta entonces.
form-row-missing = «{ $title }» aún no tiene respuesta: elige ahí un nivel y luego envía.
link-compare = Comparar rondas o grupos
link-trends = Evolución a lo largo de las rondas
link-gaps = Dónde está cada rol frente a lo que se espera de él
notice-closed = Este tablero está cerrado: ya no acepta respuestas. Sus cifras siguen visibles.
notice-deleted = Quien administra este tablero acaba de eliminarlo, con todas sus respuestas. Ya no se puede enviar nada aquí.
role-gap-at = Tu rol espera { $expected }: estás justo ahí
role-gap-below = Tu rol espera { $expected }: estás { $levels ->
        [one] { $levels } nivel
       *[other] { $levels } niveles
    } por debajo
role-gap-above = Tu rol espera { $expected }: estás { $levels ->
        [one] { $levels } nivel
       *[other] { $levels } niveles
    } por encima
cell-chosen = tu elección
cell-expected = Tu rol espera este nivel

## La pantalla de presentación

present-closed = Cerrado: no admite más respuestas
present-hidden = Cifras ocultas hasta que se muestren
present-gaps = Brechas por rol
present-of-invited = (de { $count } { $count ->
        [one] persona invitada
       *[other] personas invitadas
    })
present-join-label = Unirse a este tablero
present-qr-alt = Código QR: { $address }
present-scan = Escanea o ve a
present-enter-code = e introduce el código
present-full-screen = Pantalla completa
present-controls = Controles
present-hide-controls = Ocultar los controles
present-levels = Niveles
present-row-hidden = { $title }: cifras ocultas
present-row-nobody = { $title }: aún no hay respuestas
present-row-figures = { $title }: { $parts } de { $n }
present-row-part = { $level } { $k } ({ $percent })
present-nobody = aún no hay respuestas
present-withheld = oculto hasta que se muestre

## El historial de cada persona en un tablero

history-summary = Tus respuestas a lo largo del tiempo (solo tú lo ves)
history-withdraw-round = Retirar mis respuestas de esta ronda
history-withdraw-all = Retirar mis respuestas de todas las rondas
history-ask-round = ¿Retirar tus respuestas de esta ronda? Dejan de contar enseguida; puedes volver a responder.
history-ask-all = ¿Retirar tus respuestas de todas las rondas? Se borra todo tu historial en este tablero.
history-not-answered = { $title }: sin responder
history-line = { $title }: { $steps }
history-step = { $level } ({ $round })
history-above = por encima
history-at = a la par
history-below = { $levels } por debajo
history-role = { $line }; tu rol espera { $expected }: { $gaps }
history-closed = { $role }: la brecha se cerró
history-narrowed = { $role }: la brecha se redujo
history-widened = { $role }: la brecha creció
history-download = Descargar todo lo que este tablero guarda sobre mí (JSON)

## Los controles de quien administra (en la página del tablero y en la presentación)

admin-label = Administración del tablero
admin-heading = Administras este tablero
admin-pages = Las páginas del tablero
admin-present = Presentarlo
admin-compare = Comparar rondas o grupos
admin-trends = Evolución
admin-edit = Editar la matriz
admin-reopen = Reabrir el tablero
admin-close = Cerrar el tablero
admin-download = Descargar { $format }
share-board = Compartir el tablero
share-copy-board = Copiar el enlace del tablero
share-keep-admin = Guarda el enlace de administración en un lugar seguro: es la única forma de gestionar este tablero, y si se pierde no se puede recuperar. No se muestra aquí, para que no aparezca en pantallas que compartas.
share-copy-admin = Copiar el enlace de administración
copied = Copiado.
copy-refused = Este navegador no permitió copiar; selecciona la dirección y cópiala.
reveal-show = Mostrar las cifras
reveal-live = En vivo: todos ven las cifras
reveal-after-submit = Tras responder: cada persona, en cuanto envía
reveal-facilitator = Cuando yo las muestre
reveal-hide = Ocultar las cifras
reveal-reveal = Mostrar las cifras ahora
groups-legend = Grupos
groups-hint = Cada persona puede indicar su grupo (como máximo { $groups }, de hasta { $chars } caracteres cada uno). Las cifras de un grupo siguen ocultas hasta que hayan respondido suficientes personas en él.
groups-names = Grupos, uno por línea
groups-threshold = Grupo más pequeño cuyas cifras se muestran
groups-threshold-problem = Indica un número entero a partir de { $n }.
groups-save = Guardar los grupos
groups-saved = { $count ->
        [0] Guardado: no se ofrece ningún grupo.
        [one] Guardado: se ofrece { $count } grupo.
       *[other] Guardado: se ofrecen { $count } grupos.
    }
round-next-label = Nombre de la próxima ronda
round-next-example = p. ej. 2026 T4
round-start = Empezar la siguiente ronda
round-confirm-label = Confirmar la siguiente ronda
round-frozen = La ronda { $n } quedará cerrada: sus cifras se conservan y ya no acepta respuestas. Todos vuelven a responder en la nueva ronda.
round-shown-after-submit = Sus cifras se muestran a cada persona en cuanto ha respondido en ella.
round-hidden-until-reveal = Sus cifras siguen ocultas hasta que las muestres.
round-yes = Sí, empezar la nueva ronda
cancel = Cancelar
round-open = { $label } está abierta.
owners-legend = Propietarios
owners-hint = Los propietarios gestionan este tablero desde «Mis tableros» cuando inician sesión con su dirección; el enlace de administración sigue funcionando.
owners-add-label = Añadir un propietario por correo
owners-add = Añadir
owners-starter = (quien creó el tablero)
owners-signed-in = ha iniciado sesión
owners-not-signed-in = aún no ha iniciado sesión
remove = Quitar
remove-who = Quitar a { $name }
access-label = Quién puede responder
access-anyone = Cualquiera con el enlace
access-invited = Solo personas invitadas, cada una con su enlace personal
access-members = Personas con sesión iniciada en este sitio
access-domains = Solo direcciones de (opcional)
access-domains-example = ejemplo.es, ejemplo.org
access-save-domains = Guardar los dominios
access-no-sign-in = El inicio de sesión con tu organización no está configurado en este servidor.
people-participation = { $answered } de { $invited } personas invitadas han respondido en esta ronda.
people-batches = Quién ha respondido se actualiza en tandas de al menos { $batch }, para que nadie pueda deducir las respuestas de otra persona por el movimiento de las cifras.
people-invite-label = Personas a invitar, una por línea: nombre y, si quieres, correo, grupo y rol
people-invite-example = Ada Lovelace, ada@ejemplo.es, Backend
people-csv = O un archivo CSV con esas columnas
people-create = Crear enlaces personales
people-copy-link = Copiar el enlace de { $name }
people-link-label = Enlace de { $name }
people-new-links = Nuevos enlaces personales
people-copy-now = Copia estos enlaces ahora o descárgalos: Tally no guarda ninguna copia y no puede volver a mostrarlos. Un enlace perdido se puede volver a emitir.
people-download = Descargar estos enlaces (CSV)
people-table-label = Personas invitadas, desplazable
people-caption = Personas invitadas
people-name = Nombre
people-email = Correo
people-group = Grupo
people-role = Rol
people-answered = Respondió
people-link = Enlace
people-withdrawn = Enlace retirado
people-yes = Sí
people-not-yet = Aún no
people-reissue = Nuevo enlace para { $name }
people-ask-reissue = ¿Emitir un nuevo enlace para { $name }? Su enlace actual deja de funcionar.
people-revoke = Retirar el enlace de { $name }
people-ask-delete = ¿Quitar a { $name } de la lista? Sus respuestas siguen contando, de forma anónima.
admin-error-forbidden = Este tablero ya no acepta el enlace de administración con el que se abrió esta página. Vuelve a abrir el tablero desde su enlace de administración o desde «Mis tableros».
admin-error-no-board = Este tablero ya no existe.
admin-error-no-group = El tablero no tiene ningún grupo «{ $group }»: recarga la página para ver sus grupos actuales.
admin-error-closed = El tablero no acepta respuestas nuevas: vuelve a abrirlo primero.
admin-error-too-large = Es más de lo que el servidor acepta de una vez (como mucho { $count } bytes): envíalo en partes más pequeñas.
admin-error-busy = El servidor está ocupado ahora mismo; no se ha cambiado nada. Vuelve a intentarlo dentro de { $count } s.
admin-error-failed = Algo ha fallado en el servidor. Vuelve a intentarlo en un momento; si sigue pasando, avisa a quien gestiona este Tally.
hooks-legend = Webhooks
hooks-hint = Tally avisa a estas direcciones de lo que le pasa al tablero y firma cada petición con el secreto del destino (cabecera Tally-Signature). Los envíos fallidos se reintentan durante un día.
hooks-url = URL del destino
hooks-events = Enviar cuando
hook-round-opened = empieza una ronda
hook-figures-revealed = se muestran las cifras
hook-figures-hidden = se ocultan las cifras
hook-board-closed = se cierra el tablero
hook-board-reopened = se reabre el tablero
hook-participation = han respondido suficientes personas
hook-matrix-edited = se edita la matriz
hooks-participation = Cuántas respuestas bastan
hooks-format = Contenido
hooks-format-json = JSON de Tally
hooks-format-slack = Mensaje de Slack (texto)
hooks-secret = Secreto de firma (déjalo vacío y Tally creará uno)
hooks-add = Añadir destino
hooks-secret-once = Añadido. Copia ahora su secreto de firma; no se volverá a mostrar:
hooks-none = Aún no hay destinos.
hooks-log = Envíos
hooks-log-empty = Aún no se ha enviado nada.
hooks-refresh = Actualizar
hooks-resend = Enviar de nuevo
hooks-state-pending = en espera
hooks-state-delivered = entregado
hooks-state-failed = abandonado
hooks-attempts = { $count ->
        [one] { $count } intento
       *[other] { $count } intentos
    }
delete-legend = Eliminar este tablero
delete-what = Eliminar este tablero borra para siempre: sus rondas ({ $rounds }), todas las respuestas dadas en ellas, sus invitaciones, propietarios, webhooks y su registro. Las páginas abiertas se enteran al momento y su dirección deja de funcionar.
delete-type-board = Para confirmar, escribe su dirección:
delete-button = Eliminar para siempre
delete-done = El tablero está eliminado.
audit-legend = Registro de actividad
audit-hint = Lo que se hizo en este tablero con su enlace de administración o la cuenta de un propietario, lo más reciente primero. Nunca muestra quién respondió qué.
audit-empty = Aún no hay nada registrado.
audit-when = Cuándo
audit-what = Qué
audit-who = Con
audit-detail = Detalle
audit-by-link = el enlace de administración
audit-by-owner = propietario
audit-download = Descargar el registro (CSV)
audit-refresh = Actualizar el registro
audit-closed = cerró el tablero
audit-reopened = reabrió el tablero
audit-round-started = empezó una ronda
audit-matrix-edited = editó la matriz
audit-groups-changed = cambió los grupos
audit-reveal-changed = cambió cuándo se muestran las cifras
audit-access-changed = cambió quién puede responder
audit-people-invited = invitó a personas
audit-invitation-changed = cambió una invitación
audit-owner-added = añadió un propietario
audit-owner-removed = quitó un propietario
audit-webhook-added = añadió un webhook
audit-webhook-removed = quitó un webhook
audit-delivery-resent = volvió a enviar una entrega de webhook
audit-exported = descargó las cifras
audit-deleted = eliminó el tablero

## La página del tablero y la presentación, tal como las envía el servidor

board-loading = Cargando la matriz…
board-description = { $title }: elige tu nivel en cada competencia y mira, en vivo, dónde está el equipo.
present-loading = Cargando el tablero…
present-title = Presentación: { $title }
present-description = { $title }, en vivo en la pantalla grande: dónde está el equipo en cada competencia y cómo unirse.

## Comparar dos rondas o dos grupos

compare-loading = Cargando las cifras…
compare-heading = Comparación: { $title }
compare-back = Volver al tablero
compare-a = Comparar
compare-with = con
compare-moved-first = Primero las filas que más se movieron
compare-show = Mostrar
compare-withheld = { $side }: sus cifras se retienen (menos de { $n } personas, o se podría deducir de ellas un grupo más pequeño).
compare-table-label = Tabla comparativa (se desplaza de lado)
compare-caption = { $a } frente a { $b }, fila por fila
compare-competency = Competencia
compare-median = Mediana
compare-no-change = { $level } (sin cambios)
compare-up = { $from } → { $to } (sube { $levels })
compare-down = { $from } → { $to } (baja { $levels })
compare-withheld-cell = retenido
compare-share = { $k } ({ $percent })
compare-group-in = { $group } en { $round }

## Evolución a lo largo de las rondas

trends-loading = Cargando las rondas…
trends-heading = Evolución: { $title }
trends-heading-group = Evolución: { $title } en { $group }
trends-back = Volver al tablero
trends-figures-of = Cifras de
trends-whole-board = todo el tablero
trends-show = Mostrar
trends-group-hint = La ronda de un grupo solo se muestra si al menos { $n } de sus personas respondieron en ella, y si mostrarla no permite deducir un grupo más pequeño a partir del resto.
trends-people = Personas que respondieron, por ronda
trends-people-group = Personas de { $group } que respondieron, por ronda
trends-people-label = Personas que respondieron: { $summary }
trends-people-label-group = Personas de { $group } que respondieron: { $summary }
trends-medians = Nivel mediano por fila, ronda a ronda
trends-median-label = { $title }, nivel mediano: { $summary }
trends-round-said = { $round }: { $said }
trends-no-answers = sin respuestas
trends-withheld = retenido
trends-as-table = Las mismas cifras en una tabla
trends-caption = Nivel mediano por fila y ronda
trends-row = Fila
trends-people-row = Personas que respondieron

## Dónde está cada rol frente a lo que se espera de él

gaps-loading = Cargando las brechas…
gaps-title = Brechas: { $title }
gaps-heading = Brechas: { $whose }, { $round }
gaps-whose-group = { $role } en { $group }
gaps-back = Volver al tablero
gaps-withheld = Retenido: hay menos de { $n } personas en este segmento, o mostrarlo permitiría deducir uno más pequeño a partir del resto.
gaps-role = Rol
gaps-group = Grupo
gaps-everyone = todos
gaps-round = Ronda
gaps-show = Mostrar
gaps-answered = { $count ->
        [one] { $count } persona de este segmento respondió.
       *[other] { $count } personas de este segmento respondieron.
    } Se omiten las filas en las que el rol no espera nada.
gaps-table-label = Brechas por fila (se desplaza de lado)
gaps-row-heading = Competencia y nivel esperado
gaps-against = Frente a lo esperado
gaps-in-round = En { $round }
gaps-expected = esperado: { $level }
gaps-figures = { $below } de { $answered } por debajo · { $at } a la par · { $above } por encima
gaps-withheld-cell = retenido
gaps-no-answers = sin respuestas
gaps-since-closed = { $below } de { $answered } por debajo: la brecha se cerró
gaps-since-same = { $below } de { $answered } por debajo: sin cambios
gaps-since-widened = { $below } de { $answered } por debajo: la brecha creció

## Páginas que no se pueden mostrar: título, motivo, camino de vuelta

refused-no-board = Este tablero no existe
refused-hidden = Estas cifras aún no se muestran
refused-members = Este tablero solo está abierto a miembros con sesión iniciada
refused-invited = Este tablero solo está abierto a las personas invitadas
refused-invitation = Este enlace de invitación no funciona
refused-other = Esta página no se puede mostrar
refused-go-home = Ir a la página de inicio
refused-back = Volver al tablero
refused-unknown-board = Ningún tablero tiene la dirección /b/{ $board }: comprueba que esté completa o pregunta a quien la compartió.
refused-unknown-invitation = Esta invitación no se conoce aquí: comprueba que el enlace se copió entero.
refused-revoked-invitation = Quien organiza el tablero retiró este enlace de invitación: pídele uno nuevo.
refused-deleted-board = Este tablero se eliminó
refused-board-deleted-why = Quien lo administra lo eliminó, con todas sus respuestas y cifras. No se guarda nada de él, y esta dirección ya no funcionará.
access-members-only = Este tablero es solo para miembros con sesión iniciada
access-members-domain = { access-members-only } con una dirección de { $domains }: inicia sesión con una de ellas (tu sesión es de { $you }).
access-no-address = una cuenta sin dirección verificada
access-members-sign-in = { access-members-only }: inicia sesión (arriba en la página) para responder y ver sus cifras.
access-members-no-sign-in = { access-members-only }, y este servidor no ofrece inicio de sesión.
access-invited-only = Este tablero es solo para personas invitadas: abre el enlace personal que recibiste (en este dispositivo) o pide uno a quien organiza el tablero.

## El editor de matrices

editor-new-heading = Escribe tu propia matriz
editor-new-intro = Empieza con una plantilla o desde cero; tu borrador se queda en este navegador hasta que crees el tablero.
editor-loading-templates = Cargando las plantillas…
editor-loading-matrix = Cargando la matriz…
editor-edit-heading = Editar la matriz de «{ $title }»
editor-gallery-heading = Empezar con una plantilla
editor-needs-js = El editor de matrices necesita JavaScript.
editor-draft-back = Ha vuelto el borrador sin guardar de este navegador.
editor-discard = Descartar el borrador
editor-locked = Este tablero ya tiene respuestas, así que sus filas y niveles se quedan como están; todo el texto se puede cambiar todavía.
editor-started-from = Empezado con la plantilla «{ $title }».
editor-no-problems = No hay ningún problema: listo para guardar.
editor-to-fix = { $count ->
        [one] { $count } cosa que corregir antes de guardar:
       *[other] { $count } cosas que corregir antes de guardar:
    }
editor-not-saved = No se ha guardado: corrige primero los problemas de la lista de arriba.
editor-import = Importar un archivo (TOML, CSV o .xlsx)
editor-imported = Importado { $name }.
editor-download = Descargar como TOML
editor-downloaded = Descargado { $name }.
editor-download-csv = Descargar como CSV
editor-download-xlsx = Descargar como .xlsx
editor-spreadsheet-hint = ¿Prefieres una hoja de cálculo? Importa un archivo CSV o .xlsx organizado como esta plantilla:
editor-template-xlsx = plantilla (.xlsx)
editor-template-csv = plantilla (CSV)
editor-create-heading = Crear un tablero con esta matriz
editor-board-title = Título del tablero (opcional)
editor-board-title-example = p. ej., Equipo de plataforma
editor-address = Dirección pública /b/
editor-address-example = equipo-a
editor-address-hint = Déjala vacía para un tablero privado con un enlace imposible de adivinar.
editor-create = Crear tablero
editor-created = Tablero creado: abriéndolo…
editor-save = Guardar la matriz
editor-saved = Guardado: todas las páginas abiertas del tablero ya lo muestran.
editor-admin-link-needed = Para guardar, abre esta página con el enlace de administración del tablero.
editor-back = Volver al tablero
editor-about = Sobre esta matriz
editor-title = Título
editor-description = Descripción (opcional)
editor-allow-partial = Se pueden dejar filas sin responder
editor-levels-heading = Niveles (las columnas, del más bajo al más alto)
editor-level-label = Nombre del nivel { $n }
editor-level-short = Nombre corto del nivel { $n }
editor-level-name = nivel { $n }
editor-add-level = Añadir un nivel
editor-categories-heading = Categorías y filas
editor-category = Categoría { $n }
editor-category-title = Título de la categoría { $n }
editor-category-name = categoría { $n }
editor-add-category = Añadir una categoría
editor-row = Fila { $n }
editor-row-title = Título de la fila { $n }
editor-row-name = fila { $n } de la categoría { $k }
editor-at-level = En el nivel { $level }
editor-add-row = Añadir una fila
editor-roles-heading = Roles (opcionales): el nivel que espera cada uno
editor-roles-hint = Un rol (por ejemplo, «Ingeniera sénior») espera un nivel en las filas que abarca. Cada participante puede indicar su rol; el tablero le muestra entonces su propia brecha, y la página de brechas muestra dónde están las personas de ese rol.
editor-role = Rol { $n }
editor-role-title = Título del rol { $n }
editor-role-name = rol { $n }
editor-add-role = Añadir un rol
editor-save-first = Guarda la matriz una vez primero: lo que espera un rol se refiere a filas y niveles, que reciben su nombre al guardar.
editor-expected-in = Esperado en { $title }
editor-not-expected = No se espera
editor-move-up = Subir { $name }
editor-move-down = Bajar { $name }
editor-remove = Quitar
editor-remove-named = Quitar { $name }
editor-remove-ask = ¿Quitar { $name }? También se quitará todo lo que contiene.
editor-translations-heading = Traducciones (opcionales)
editor-translations-hint = Da el texto de la matriz en otro idioma: quien vea la página en ese idioma lo leerá así, y lo que quede vacío se muestra tal como está escrito.
editor-written-in = Idioma en que está escrita la matriz
editor-translate-into = Traducir al
editor-translate-none = Elige un idioma
editor-translations-save-first = Guarda la matriz una vez primero: una traducción se refiere a los niveles y filas que traduce, que reciben su nombre al guardar.
editor-translations-left = { $count ->
        [0] Los { $total } textos están traducidos.
        [one] { $count } de { $total } textos aún no está traducido.
       *[other] { $count } de { $total } textos aún no están traducidos.
    }
editor-not-translated = Aún sin traducir: se muestra tal como está escrito.
editor-translated-row = Título de la fila

## Problemas en lo que ha escrito quien organiza, en el idioma de la página (la API JSON los da en inglés)

matrix-language = { $tag ->
        [de] alemán
        [fr] francés
        [es] español
       *[en] inglés
    }
matrix-untranslated = { $count ->
        [one] Un texto de esta matriz aún no está traducido al { $language }: se muestra en { $source }.
       *[other] { $count } textos de esta matriz aún no están traducidos al { $language }: se muestran en { $source }.
    }
matrix-field-title = título de la matriz
matrix-field-description = descripción
matrix-field-level = nivel { $n }
matrix-field-level-label = nivel «{ $id }»: nombre
matrix-field-level-short = nivel «{ $id }»: nombre corto
matrix-field-category = categoría «{ $id }»
matrix-field-category-title = categoría «{ $id }»: título
matrix-field-row = fila «{ $id }»
matrix-field-row-title = fila «{ $id }»: título
matrix-field-row-description = fila «{ $id }»: descripción { $n }
matrix-field-role = rol «{ $id }»
matrix-field-role-title = rol «{ $id }»: título
matrix-empty = { $what }: no tiene texto
matrix-too-long = { $what }: tiene más de { $max } caracteres
matrix-bad-id = { $what }: el identificador «{ $id }» debe tener de 1 a 64 caracteres entre a–z, 0–9, - o _
matrix-bad-matrix-id = identificador de la matriz «{ $id }»: debe tener de 1 a 64 caracteres entre a–z, 0–9, - o _
matrix-id-twice = { $what }: el identificador «{ $id }» se usa dos veces
matrix-level-count = una matriz necesita de 2 a { $max } niveles, esta tiene { $n }
matrix-no-category = una matriz necesita al menos una categoría
matrix-no-rows = { $what }: no tiene filas
matrix-too-many-categories = una matriz tiene como máximo { $max } categorías, esta tiene { $n }
matrix-too-many-rows = una matriz tiene como máximo { $max } filas, esta tiene { $n }
matrix-too-many-cells = una matriz tiene como máximo { $max } casillas (filas × niveles), esta tiene { $rows } × { $levels } = { $n }
matrix-too-many-roles = una matriz tiene como máximo { $max } roles, esta tiene { $n }
matrix-descriptions-count = { $what }: tiene { $n } descripciones, pero la matriz tiene { $levels } niveles
matrix-unknown-row = { $what }: espera un nivel en la fila «{ $row }», que la matriz no tiene
matrix-unknown-level = { $what }: espera el nivel «{ $level }» en la fila «{ $row }»; los niveles son { $known }
matrix-field-translation = la traducción en { $path }
matrix-unknown-language = «{ $tag }» no es un idioma que Tally hable: usa uno de { $known }
matrix-translation-of-source = «{ $tag }» es el idioma propio de la matriz: escribe ese texto en la matriz misma
matrix-translation-no-level = traducción «{ $tag }»: la matriz no tiene el nivel «{ $id }»
matrix-translation-no-category = traducción «{ $tag }»: la matriz no tiene la categoría «{ $id }»
matrix-translation-no-row = traducción «{ $tag }»: la matriz no tiene la fila «{ $id }»
matrix-translation-no-role = traducción «{ $tag }»: la matriz no tiene el rol «{ $id }»
matrix-translation-descriptions = traducción «{ $tag }», fila «{ $id }»: { $n } descripciones para { $levels } niveles
text-forbidden-character = { $what }: contiene el carácter invisible o de control U+{ $code }; quítalo
groups-too-many = un tablero tiene como máximo { $max } grupos, este tiene { $n }
groups-no-name = el grupo { $n } no tiene nombre
groups-too-long = el grupo { $n } tiene más de { $max } caracteres
groups-field = grupo { $n }
groups-twice = el grupo «{ $name }» aparece dos veces en la lista
groups-threshold-low = el grupo más pequeño que se muestra debe tener al menos { $min } personas
round-label-too-long = el nombre de una ronda puede tener como máximo { $max } caracteres
round-label-field = el nombre de la ronda
invite-line = línea { $line }: { $message }
invite-unreadable = no se puede leer como CSV ({ $error })
invite-too-many = como máximo { $max } personas a la vez (se dieron { $n })
invite-no-one = nadie a quien invitar: pon una persona por línea
invite-columns = { $n } columnas; pon cuatro como máximo: nombre, correo, grupo, rol
invite-no-name = falta el nombre
invite-the-name = el nombre
invite-the-email = el correo
invite-too-long = { $what } tiene más de { $max } caracteres
invite-not-email = «{ $email }» no es una dirección de correo
invite-again = { $email } ya está invitado
invite-unknown-group = «{ $given }» no es uno de los grupos del tablero
invite-unknown-role = «{ $given }» no es uno de los roles de la matriz

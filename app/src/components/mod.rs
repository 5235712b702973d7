//! The page, from the outside in: `app` (document shell and routes) →
//! `board_page` (loads one board) → `matrix_form` (the form and its submit
//! action) → `competency_row` (one row of cells with shading and popovers).

pub mod app;
pub mod board_page;
pub mod competency_row;
pub mod legend;
pub mod matrix_form;
pub mod new_board;

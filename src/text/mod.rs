//! Ground floor: text knowledge every stage may use (formats, cleaning, extraction,
//! indexing) and that uses none of them.

pub mod agencies;

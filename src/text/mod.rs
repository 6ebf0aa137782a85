//! Ground floor: text knowledge every stage may use (formats, cleaning, extraction,
//! indexing) and that uses none of them.

pub mod agencies;
pub mod dates;
pub mod given_names;
pub mod names;
pub mod places;
pub mod spaces;

pub use spaces::squash;

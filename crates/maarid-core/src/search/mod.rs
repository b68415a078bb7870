//! Arabic-aware search: the same normalisation is applied to what is indexed and to
//! what the user types, so spelling variants find each other.

pub mod normalize;

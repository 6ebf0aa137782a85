//! Test support (unit tests only): inputs for the property tests.

use proptest::strategy::Strategy;

/// Texts of `len` pieces drawn from `alphabet` and joined: the fragments (quote marks,
/// names, white space, multi-byte letters) a rule must get right in any order.
pub fn text_of(
    alphabet: Vec<&'static str>,
    len: std::ops::Range<usize>,
) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), len).prop_map(|p| p.concat())
}

#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsidx_fuzz::read("fuzz.jsonl", data));

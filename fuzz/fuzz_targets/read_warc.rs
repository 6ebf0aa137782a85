#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsidx_fuzz::read_warc(data));

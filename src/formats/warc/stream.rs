//! Part of stage 2 (formats), under the WARC reader ([`super::Archive`]): an archive's
//! bytes as its records are written, gunzipped on the fly when the file is gzip, with where
//! each gzip member starts in the file (the offset a record can be fetched again from).
//!
//! Crawlers write one gzip member per record; a whole-file gzip is one member holding
//! them all. Members are decoded one after another with flate2's `bufread` decoder, which
//! stops at the member's end and leaves the next member's bytes in the buffer, so the
//! file offset of each member is known exactly. Nothing here holds more than a buffer.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

/// Size of the read buffers: large enough that the compressed and the uncompressed
/// streams are read in few calls.
const BUFFER: usize = 64 << 10;

/// A reader that counts the bytes it gives.
pub(super) struct Counted<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

type Raw<R> = BufReader<Counted<R>>;

/// Where a raw buffered reader stands in the file: bytes read minus those still buffered.
fn file_position<R>(raw: &Raw<R>) -> u64 {
    raw.get_ref().count - raw.buffer().len() as u64
}

/// Gzip members one after another, as one uncompressed stream.
pub(super) struct Members<R> {
    /// The file between members.
    raw: Option<Raw<R>>,
    /// The member being decoded.
    member: Option<flate2::bufread::GzDecoder<Raw<R>>>,
    /// Uncompressed bytes given so far.
    produced: u64,
    /// Members started and not yet looked up: (uncompressed start, offset in the file).
    starts: VecDeque<(u64, u64)>,
    /// The file offset of the member being read (or last read).
    current: u64,
}

impl<R: Read> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(member) = &mut self.member {
                let n = member.read(buf)?;
                if n > 0 {
                    self.produced += n as u64;
                    return Ok(n);
                }
                // The member ended: its trailer is read, the next member's bytes stay.
                self.raw = self.member.take().map(|m| m.into_inner());
                continue;
            }
            let Some(mut raw) = self.raw.take() else {
                return Ok(0);
            };
            if raw.fill_buf()?.is_empty() {
                self.raw = Some(raw);
                return Ok(0);
            }
            self.current = file_position(&raw);
            // A member that gave no bytes starts nothing: the next one takes its place
            // (empty members one after another cannot grow the list).
            match self.starts.back_mut() {
                Some(last) if last.0 == self.produced => last.1 = self.current,
                _ => self.starts.push_back((self.produced, self.current)),
            }
            self.member = Some(flate2::bufread::GzDecoder::new(raw));
        }
    }
}

/// An archive's bytes, uncompressed.
pub(super) enum Stream<R> {
    Plain(Counted<R>),
    Gzip(Box<Members<R>>),
}

impl<R: Read> Read for Stream<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(r) => r.read(buf),
            Stream::Gzip(r) => r.read(buf),
        }
    }
}

/// The input of [`super::Archive`]: `R`'s bytes, gunzipped when they start with the gzip
/// magic (whatever the file's name says), buffered.
pub(super) type Input<R> = BufReader<Stream<io::Chain<io::Cursor<Vec<u8>>, R>>>;

/// Opens `r` as an archive stream: gzip when its first two bytes say so.
pub(super) fn open<R: Read>(mut r: R) -> io::Result<Input<R>> {
    let mut magic = Vec::with_capacity(2);
    (&mut r).take(2).read_to_end(&mut magic)?;
    let gzip = magic == [0x1f, 0x8b];
    let counted = Counted {
        inner: io::Cursor::new(magic).chain(r),
        count: 0,
    };
    let stream = if gzip {
        Stream::Gzip(Box::new(Members {
            raw: Some(BufReader::with_capacity(BUFFER, counted)),
            member: None,
            produced: 0,
            starts: VecDeque::new(),
            current: 0,
        }))
    } else {
        Stream::Plain(counted)
    };
    Ok(BufReader::with_capacity(BUFFER, stream))
}

/// The file offset of the gzip member being read, in a gzip stream: where a read error
/// between records is.
pub(super) fn member<R>(input: &Input<R>) -> Option<u64> {
    match input.get_ref() {
        Stream::Plain(_) => None,
        Stream::Gzip(m) => Some(m.current),
    }
}

/// Whether the stream is gzip.
pub(super) fn is_gzip<R>(input: &Input<R>) -> bool {
    matches!(input.get_ref(), Stream::Gzip(_))
}

/// The offset to report for a record that starts at uncompressed position `at`: in a
/// plain archive, `at`; in a gzip one, the file offset of the member that starts there
/// (one member per record, as crawlers write them), else `at` (a record inside a member
/// that holds several, as in a whole-file gzip).
pub(super) fn offset_of<R>(input: &mut Input<R>, at: u64) -> u64 {
    match input.get_mut() {
        Stream::Plain(_) => at,
        Stream::Gzip(m) => {
            while m.starts.front().is_some_and(|&(start, _)| start < at) {
                m.starts.pop_front();
            }
            match m.starts.front() {
                Some(&(start, offset)) if start == at => offset,
                _ => at,
            }
        }
    }
}

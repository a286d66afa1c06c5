//! Byte streams under the WARC reader: a buffered raw reader that counts what it hands out and
//! can look ahead, a multi-member gzip decoder that can skip to the next member after damage,
//! and the [`Stream`] that puts either behind one `BufRead`.

use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::GzDecoder;

/// Size of the raw read buffer.
const RAW_BUFFER: usize = 256 * 1024;
/// Size of the buffer of decompressed data.
const DECODED_BUFFER: usize = 256 * 1024;
/// The first bytes of every gzip member: magic number and the deflate method.
pub(super) const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// The input source, boxed so that [`super::WarcPages`] is one concrete, `Send` type.
pub(super) type Input = Box<dyn Read + Send>;

/// A buffered reader that counts consumed bytes and can make several bytes visible at once
/// (`BufReader::fill_buf` never refills a partly consumed buffer, so it cannot find a magic
/// number split across two reads).
pub(super) struct RawReader<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    pos: u64,
}

impl<R: Read> RawReader<R> {
    /// Wraps `inner`.
    pub(super) fn new(inner: R) -> RawReader<R> {
        RawReader {
            inner,
            buf: vec![0; RAW_BUFFER].into_boxed_slice(),
            start: 0,
            end: 0,
            pos: 0,
        }
    }

    /// Bytes consumed so far.
    pub(super) fn position(&self) -> u64 {
        self.pos
    }

    /// Makes at least `n` bytes visible (fewer only at end of input) and returns all visible bytes.
    pub(super) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        let n = n.min(self.buf.len());
        if self.end - self.start < n {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
            while self.end < n {
                let got = read_retrying(&mut self.inner, &mut self.buf[self.end..])?;
                if got == 0 {
                    break;
                }
                self.end += got;
            }
        }
        Ok(&self.buf[self.start..self.end])
    }
}

impl<R: Read> BufRead for RawReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start == self.end {
            self.start = 0;
            self.end = read_retrying(&mut self.inner, &mut self.buf)?;
        }
        Ok(&self.buf[self.start..self.end])
    }

    fn consume(&mut self, amt: usize) {
        let amt = amt.min(self.end - self.start);
        self.start += amt;
        self.pos += amt as u64;
    }
}

impl<R: Read> Read for RawReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

/// `read`, retried on `Interrupted`.
fn read_retrying(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// Where a [`GzMembers`] stands.
enum GzState<R: BufRead> {
    /// Between two members (or at the start): the next read starts a member.
    Between(R),
    /// Inside a member that started at the given raw offset.
    Member(GzDecoder<R>, u64),
    /// A member failed; reads fail until [`GzMembers::resync`]. Holds the failed member's start.
    Broken(R, u64),
    /// Only while a transition is under way.
    Empty,
}

/// Decompresses a stream of gzip members as one continuous stream (as `MultiGzDecoder` does),
/// but after a damaged member it can skip to the next member header instead of giving up.
pub(super) struct GzMembers<R: BufRead> {
    state: GzState<R>,
}

impl<R: Read> GzMembers<RawReader<R>> {
    /// Decodes the members of `raw`.
    pub(super) fn new(raw: RawReader<R>) -> Self {
        GzMembers {
            state: GzState::Between(raw),
        }
    }

    fn raw(&self) -> Option<&RawReader<R>> {
        match &self.state {
            GzState::Between(r) | GzState::Broken(r, _) => Some(r),
            GzState::Member(d, _) => Some(d.get_ref()),
            GzState::Empty => None,
        }
    }

    /// Compressed bytes consumed so far.
    pub(super) fn raw_position(&self) -> u64 {
        self.raw().map_or(0, RawReader::position)
    }

    /// After a failure: drops the current member and moves to the next gzip member header
    /// after the failed member's start (or to the end of input). Always makes progress.
    pub(super) fn resync(&mut self) -> io::Result<()> {
        let (mut raw, member_start) = match std::mem::replace(&mut self.state, GzState::Empty) {
            GzState::Between(r) => {
                let at = r.position();
                (r, at)
            }
            GzState::Member(d, at) => (d.into_inner(), at),
            GzState::Broken(r, at) => (r, at),
            GzState::Empty => return Err(io::Error::other("gzip reader in an invalid state")),
        };
        let result = skip_to_member(&mut raw, member_start);
        self.state = GzState::Between(raw);
        result
    }

    /// True when the compressed input is exhausted.
    pub(super) fn raw_at_end(&mut self) -> io::Result<bool> {
        match &mut self.state {
            GzState::Between(r) | GzState::Broken(r, _) => Ok(r.fill_buf()?.is_empty()),
            GzState::Member(d, _) => Ok(d.get_mut().fill_buf()?.is_empty()),
            GzState::Empty => Ok(true),
        }
    }
}

/// Moves `raw` to the next gzip magic number that lies after `member_start`.
fn skip_to_member<R: Read>(raw: &mut RawReader<R>, member_start: u64) -> io::Result<()> {
    if raw.position() <= member_start {
        let skip = (member_start - raw.position()) as usize + 1;
        let mut left = skip;
        while left > 0 {
            let n = raw.fill_buf()?.len().min(left);
            if n == 0 {
                return Ok(());
            }
            raw.consume(n);
            left -= n;
        }
    }
    loop {
        let buf = raw.peek(GZIP_MAGIC.len())?;
        if buf.len() < GZIP_MAGIC.len() {
            let n = buf.len();
            raw.consume(n);
            return Ok(());
        }
        if buf.starts_with(&GZIP_MAGIC) {
            return Ok(());
        }
        let next = buf
            .iter()
            .skip(1)
            .position(|&b| b == GZIP_MAGIC[0])
            .map_or(buf.len(), |i| i + 1);
        raw.consume(next);
    }
}

impl<R: Read> Read for GzMembers<RawReader<R>> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, GzState::Empty) {
                GzState::Between(mut raw) => {
                    let at_end = raw.fill_buf().map(<[u8]>::is_empty);
                    match at_end {
                        Ok(true) => {
                            self.state = GzState::Between(raw);
                            return Ok(0);
                        }
                        Ok(false) => {
                            let start = raw.position();
                            self.state = GzState::Member(GzDecoder::new(raw), start);
                        }
                        Err(e) => {
                            self.state = GzState::Between(raw);
                            return Err(e);
                        }
                    }
                }
                GzState::Member(mut decoder, start) => match decoder.read(out) {
                    Ok(0) => self.state = GzState::Between(decoder.into_inner()),
                    Ok(n) => {
                        self.state = GzState::Member(decoder, start);
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                        self.state = GzState::Member(decoder, start);
                    }
                    Err(e) => {
                        self.state = GzState::Broken(decoder.into_inner(), start);
                        return Err(e);
                    }
                },
                GzState::Broken(raw, start) => {
                    self.state = GzState::Broken(raw, start);
                    return Err(io::Error::other("damaged gzip member"));
                }
                GzState::Empty => {
                    return Err(io::Error::other("gzip reader in an invalid state"));
                }
            }
        }
    }
}

/// The decompressed WARC byte stream, plain or gzip, with the count of bytes consumed.
pub(super) struct Stream {
    kind: StreamKind,
    /// Decompressed bytes consumed.
    pos: u64,
}

enum StreamKind {
    Plain(RawReader<Input>),
    Gzip(Box<BufReader<GzMembers<RawReader<Input>>>>),
}

impl Stream {
    /// A stream over `input`, gzip when it starts with a gzip member header.
    pub(super) fn new(input: Input) -> io::Result<Stream> {
        let mut raw = RawReader::new(input);
        let gzip = raw.peek(GZIP_MAGIC.len())?.starts_with(&GZIP_MAGIC);
        let kind = if gzip {
            StreamKind::Gzip(Box::new(BufReader::with_capacity(
                DECODED_BUFFER,
                GzMembers::new(raw),
            )))
        } else {
            StreamKind::Plain(raw)
        };
        Ok(Stream { kind, pos: 0 })
    }

    /// True for gzip input.
    pub(super) fn is_gzip(&self) -> bool {
        matches!(self.kind, StreamKind::Gzip(_))
    }

    /// Decompressed bytes consumed.
    pub(super) fn position(&self) -> u64 {
        self.pos
    }

    /// Input (file) bytes consumed: compressed bytes for gzip input.
    pub(super) fn input_position(&self) -> u64 {
        match &self.kind {
            StreamKind::Plain(r) => r.position(),
            StreamKind::Gzip(r) => r.get_ref().raw_position(),
        }
    }

    /// After a gzip failure: drops buffered data and moves to the next gzip member.
    /// Returns true when the input is exhausted. A no-op (false) on plain input.
    pub(super) fn resync_gzip(&mut self) -> io::Result<bool> {
        match &mut self.kind {
            StreamKind::Plain(_) => Ok(false),
            StreamKind::Gzip(r) => {
                let buffered = r.buffer().len();
                r.consume(buffered);
                r.get_mut().resync()?;
                r.get_mut().raw_at_end()
            }
        }
    }
}

impl BufRead for Stream {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.kind {
            StreamKind::Plain(r) => r.fill_buf(),
            StreamKind::Gzip(r) => r.fill_buf(),
        }
    }

    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        match &mut self.kind {
            StreamKind::Plain(r) => r.consume(amt),
            StreamKind::Gzip(r) => r.consume(amt),
        }
    }
}

impl Read for Stream {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

/// How [`read_line`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Line {
    /// End of input before any byte.
    Eof,
    /// A line (possibly the last, without a newline) was read whole.
    Whole,
    /// The line was longer than the cap: its start is in the buffer, the rest was consumed.
    Cut,
}

/// Reads one line (through `\n`) into `out`, storing at most `cap` bytes in all; the rest of a
/// longer line is consumed and dropped. Memory stays bounded however long the line.
pub(super) fn read_line(r: &mut impl BufRead, out: &mut Vec<u8>, cap: usize) -> io::Result<Line> {
    let mut any = false;
    let mut cut = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (n, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = cap.saturating_sub(out.len());
        if n > room {
            cut = true;
        }
        out.extend_from_slice(&buf[..n.min(room)]);
        r.consume(n);
        if done {
            break;
        }
    }
    Ok(match (any, cut) {
        (false, _) => Line::Eof,
        (true, false) => Line::Whole,
        (true, true) => Line::Cut,
    })
}

/// Consumes up to `n` bytes; returns how many were left unread because the input ended.
pub(super) fn skip(r: &mut impl BufRead, mut n: u64) -> io::Result<u64> {
    while n > 0 {
        let avail = match r.fill_buf() {
            Ok(b) => b.len(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail == 0 {
            break;
        }
        let k = (avail as u64).min(n);
        r.consume(k as usize);
        n -= k;
    }
    Ok(n)
}

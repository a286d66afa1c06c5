//! Date parsing: ISO 8601 and the forms pages write dates in.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;

use crate::article::DateValue;

/// Parses ISO 8601 / RFC 3339 as pages write it: `2021-07-30`, `2021-07-30T09:15`,
/// `2021-07-30 09:15:00.815Z`, `2020-09-30T17:44:39-0400`, `20210730`.
/// Returns `None` for anything else or for impossible dates.
pub(crate) fn parse_iso(s: &str) -> Option<DateValue> {
    let s = s.trim();
    let b = s.as_bytes();
    let (date, rest) = if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        (
            ymd(s.get(0..4)?, s.get(5..7)?, s.get(8..10)?)?,
            s.get(10..)?,
        )
    } else if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && (b.len() == 8 || b[8] == b'T')
    {
        (ymd(s.get(0..4)?, s.get(4..6)?, s.get(6..8)?)?, s.get(8..)?)
    } else {
        return None;
    };
    let rest = rest.trim_end();
    if rest.is_empty() {
        return Some(DateValue::Day(date));
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let tb = rest.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i8> {
        let t = rest.get(r)?;
        if !t.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let hour = num(0..2)?;
    if tb.get(2) != Some(&b':') {
        return None;
    }
    let minute = num(3..5)?;
    let mut i = 5;
    let mut second = 0;
    if tb.get(5) == Some(&b':') {
        second = num(6..8)?;
        i = 8;
        if matches!(tb.get(8), Some(b'.' | b',')) {
            i = 9;
            while tb.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    let time = Time::new(hour, minute, second.min(59), 0).ok()?;
    let datetime = DateTime::from_parts(date, time);
    let zone = rest.get(i..)?.trim();
    let offset = parse_offset(zone)?;
    Some(DateValue::DateTime { datetime, offset })
}

/// `Z`, `+02:00`, `-0400`, `+02`, or empty (no offset). `None` when malformed.
fn parse_offset(zone: &str) -> Option<Option<Offset>> {
    if zone.is_empty() {
        return Some(None);
    }
    if zone.eq_ignore_ascii_case("z")
        || zone.eq_ignore_ascii_case("utc")
        || zone.eq_ignore_ascii_case("gmt")
    {
        return Some(Some(Offset::UTC));
    }
    let sign: i32 = match zone.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 18 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60))
        .ok()
        .map(Some)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    if !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PageDate;

    fn iso(s: &str) -> Option<String> {
        parse_iso(s).map(|v| PageDate::new(v, s).iso())
    }

    #[test]
    fn iso_forms() {
        assert_eq!(iso("2021-07-30").as_deref(), Some("2021-07-30"));
        assert_eq!(
            iso("2022-10-02T13:08:09.815Z").as_deref(),
            Some("2022-10-02T13:08:09Z")
        );
        assert_eq!(
            iso("2020-09-30T17:44:39-0400").as_deref(),
            Some("2020-09-30T17:44:39-04:00")
        );
        assert_eq!(
            iso("2019-02-10 09:30").as_deref(),
            Some("2019-02-10T09:30:00")
        );
        assert_eq!(iso("20210730").as_deref(), Some("2021-07-30"));
        assert_eq!(iso("2021-02-31"), None);
        assert_eq!(iso("2021-07-30Tnope"), None);
        assert_eq!(iso("July 30"), None);
    }
}

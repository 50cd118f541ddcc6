//! `java.util.Date`, `java.util.TimeZone` and `java.text.SimpleDateFormat`, enough for what
//! pipelines do with dates: timestamps in image tags, `format(...)`, parsing dates, and
//! arithmetic in days. Time zones follow the JVM's default (the `TZ` variable or the system's).

use std::sync::Arc;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::eval::error::{throw, R};
use crate::eval::interp::Interp;
use crate::eval::value::{to_display, NativeObject, Value};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A `java.util.Date`: milliseconds since the epoch.
pub struct DateObj {
    pub millis: i64,
}

/// A `java.util.TimeZone`.
pub struct TimeZoneObj {
    pub id: String,
    pub tz: TimeZone,
}

/// A `java.text.SimpleDateFormat`.
pub struct DateFormatObj {
    pub pattern: String,
    pub tz: parking_lot::Mutex<TimeZone>,
}

pub fn date_value(millis: i64) -> Value {
    Value::Native(Arc::new(DateObj { millis }))
}

/// The JVM's default time zone.
pub fn default_tz() -> TimeZone {
    TimeZone::system()
}

fn tz_named(id: &str) -> TimeZone {
    match id {
        "UTC" | "GMT" | "Z" => TimeZone::UTC,
        _ => TimeZone::get(id).unwrap_or(TimeZone::UTC),
    }
}

pub fn now_millis() -> i64 {
    Timestamp::now().as_millisecond()
}

/// The millisecond value of a Date argument.
pub fn date_millis(v: &Value) -> Option<i64> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<DateObj>().map(|d| d.millis),
        _ => None,
    }
}

fn tz_of(v: &Value) -> Option<TimeZone> {
    match v {
        Value::Native(n) => n
            .as_any()
            .downcast_ref::<TimeZoneObj>()
            .map(|t| t.tz.clone()),
        _ => None,
    }
}

/// Formats an instant with a `SimpleDateFormat` pattern (English names).
pub fn format_millis(millis: i64, pattern: &str, tz: &TimeZone) -> R<String> {
    let Ok(ts) = Timestamp::from_millisecond(millis) else {
        return throw("java.lang.IllegalArgumentException", "date out of range");
    };
    let z = ts.to_zoned(tz.clone());
    let offset = tz.to_offset(ts);
    let off_secs = offset.seconds();
    let abbrev = tz.to_offset_info(ts).abbreviation().to_string();
    let mut out = String::new();
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // Quoted text; '' is a literal quote.
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        out.push('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                out.push(chars[i]);
                i += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        i += n;
        let num = |v: i64, n: usize| format!("{v:0n$}");
        match c {
            'G' => out.push_str(if z.year() > 0 { "AD" } else { "BC" }),
            'y' | 'Y' | 'u' if c != 'u' || n > 0 => {
                if c == 'u' {
                    out.push_str(&num(i64::from(z.weekday().to_monday_one_offset()), n));
                } else if n == 2 {
                    out.push_str(&num(i64::from(z.year()).rem_euclid(100), 2));
                } else {
                    out.push_str(&num(i64::from(z.year()), n));
                }
            }
            'M' | 'L' => {
                let m = z.month() as usize;
                match n {
                    1 | 2 => out.push_str(&num(m as i64, n)),
                    3 => out.push_str(&MONTHS[m - 1][..3]),
                    _ => out.push_str(MONTHS[m - 1]),
                }
            }
            'd' => out.push_str(&num(i64::from(z.day()), n)),
            'D' => out.push_str(&num(i64::from(z.day_of_year()), n)),
            'E' => {
                let w = z.weekday().to_monday_zero_offset() as usize;
                if n >= 4 {
                    out.push_str(DAYS[w]);
                } else {
                    out.push_str(&DAYS[w][..3]);
                }
            }
            'a' => out.push_str(if z.hour() < 12 { "AM" } else { "PM" }),
            'H' => out.push_str(&num(i64::from(z.hour()), n)),
            'k' => out.push_str(&num(
                if z.hour() == 0 {
                    24
                } else {
                    i64::from(z.hour())
                },
                n,
            )),
            'K' => out.push_str(&num(i64::from(z.hour() % 12), n)),
            'h' => {
                let h = i64::from(z.hour() % 12);
                out.push_str(&num(if h == 0 { 12 } else { h }, n));
            }
            'm' => out.push_str(&num(i64::from(z.minute()), n)),
            's' => out.push_str(&num(i64::from(z.second()), n)),
            'S' => out.push_str(&num(i64::from(z.millisecond()), n)),
            'z' => out.push_str(&abbrev),
            'Z' => out.push_str(&offset_text(off_secs, false, true)),
            'X' => {
                if off_secs == 0 {
                    out.push('Z');
                } else {
                    match n {
                        1 => out.push_str(&offset_text(off_secs, false, false)),
                        2 => out.push_str(&offset_text(off_secs, false, true)),
                        _ => out.push_str(&offset_text(off_secs, true, true)),
                    }
                }
            }
            'F' => out.push_str(&num(i64::from((z.day() - 1) / 7 + 1), n)),
            'w' => out.push_str(&num(i64::from(z.date().iso_week_date().week()), n)),
            _ => {
                return throw(
                    "java.lang.IllegalArgumentException",
                    format!("Illegal pattern character '{c}'"),
                )
            }
        }
    }
    Ok(out)
}

fn offset_text(secs: i32, colon: bool, minutes: bool) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    let (h, m) = (a / 3600, (a % 3600) / 60);
    match (minutes, colon) {
        (false, _) => format!("{sign}{h:02}"),
        (true, true) => format!("{sign}{h:02}:{m:02}"),
        (true, false) => format!("{sign}{h:02}{m:02}"),
    }
}

/// Parses text with a `SimpleDateFormat` pattern (numeric fields and literals).
pub fn parse_with_pattern(text: &str, pattern: &str, tz: &TimeZone) -> R<i64> {
    let fail = || {
        throw::<i64>(
            "java.text.ParseException",
            format!("Unparseable date: \"{text}\""),
        )
    };
    let (mut year, mut month, mut day, mut hour, mut minute, mut second, mut milli) =
        (1970i64, 1i64, 1i64, 0i64, 0i64, 0i64, 0i64);
    let mut pm = false;
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut i, mut j) = (0usize, 0usize);
    while i < p.len() {
        let c = p[i];
        if c == '\'' {
            i += 1;
            while i < p.len() && p[i] != '\'' {
                if t.get(j) != Some(&p[i]) {
                    return fail();
                }
                i += 1;
                j += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            if t.get(j) != Some(&c) {
                return fail();
            }
            i += 1;
            j += 1;
            continue;
        }
        let mut n = 1;
        while p.get(i + n) == Some(&c) {
            n += 1;
        }
        i += n;
        // A field followed directly by another field takes exactly n digits.
        let next_is_field = p.get(i).is_some_and(|x| x.is_ascii_alphabetic());
        if c == 'a' {
            let rest: String = t[j..].iter().take(2).collect();
            pm = rest.eq_ignore_ascii_case("PM");
            j += 2;
            continue;
        }
        if c == 'M' && n >= 3 {
            let rest: String = t[j..].iter().collect();
            let Some(idx) = MONTHS.iter().position(|m| {
                let cand = if n == 3 { &m[..3] } else { m };
                rest.starts_with(cand)
            }) else {
                return fail();
            };
            month = idx as i64 + 1;
            j += if n == 3 { 3 } else { MONTHS[idx].len() };
            continue;
        }
        if c == 'E' {
            while j < t.len() && t[j].is_ascii_alphabetic() {
                j += 1;
            }
            continue;
        }
        let start = j;
        if t.get(j) == Some(&'-') || t.get(j) == Some(&'+') {
            j += 1;
        }
        while j < t.len() && t[j].is_ascii_digit() && (!next_is_field || j - start < n) {
            j += 1;
        }
        let digits: String = t[start..j].iter().collect();
        let Ok(v) = digits.parse::<i64>() else {
            return fail();
        };
        match c {
            'y' | 'Y' | 'u' => {
                year = if n == 2 && digits.len() == 2 {
                    2000 + v
                } else {
                    v
                }
            }
            'M' | 'L' => month = v,
            'd' => day = v,
            'H' | 'k' => hour = v % 24,
            'h' | 'K' => hour = v % 12,
            'm' => minute = v,
            's' => second = v,
            'S' => milli = v,
            _ => {}
        }
    }
    if pm {
        hour += 12;
    }
    // Java's lenient calendar rolls over out-of-range fields; we accept valid dates.
    let date = jiff::civil::Date::new(year as i16, month as i8, day as i8);
    let time = jiff::civil::Time::new(
        hour as i8,
        minute as i8,
        second as i8,
        (milli * 1_000_000) as i32,
    );
    match (date, time) {
        (Ok(d), Ok(tm)) => match d.to_datetime(tm).to_zoned(tz.clone()) {
            Ok(z) => Ok(z.timestamp().as_millisecond()),
            Err(_) => fail(),
        },
        _ => fail(),
    }
}

impl NativeObject for DateObj {
    fn class_name(&self) -> String {
        "java.util.Date".into()
    }

    fn to_string(&self) -> String {
        format_millis(self.millis, "EEE MMM dd HH:mm:ss zzz yyyy", &default_tz())
            .unwrap_or_default()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        match name {
            "time" => Some(Ok(Value::long(self.millis))),
            _ => None,
        }
    }

    fn call_method(&self, _interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let day = 86_400_000i64;
        let r = match (name, args) {
            ("getTime", []) => Ok(Value::long(self.millis)),
            ("toString", []) => Ok(Value::string(NativeObject::to_string(self))),
            ("format", [p]) => {
                format_millis(self.millis, &to_display(p), &default_tz()).map(Value::string)
            }
            ("format", [p, tz]) => {
                let tz = tz_of(tz).unwrap_or_else(|| tz_named(&to_display(tz)));
                format_millis(self.millis, &to_display(p), &tz).map(Value::string)
            }
            ("before", [o]) => Ok(Value::Bool(date_millis(o).is_some_and(|m| self.millis < m))),
            ("after", [o]) => Ok(Value::Bool(date_millis(o).is_some_and(|m| self.millis > m))),
            ("compareTo", [o]) => Ok(Value::int(
                date_millis(o).map_or(1, |m| self.millis.cmp(&m) as i32),
            )),
            ("equals", [o]) => Ok(Value::Bool(date_millis(o) == Some(self.millis))),
            ("plus", [Value::Num(n)]) => Ok(date_value(self.millis + n.to_i64() * day)),
            ("minus", [Value::Num(n)]) => Ok(date_value(self.millis - n.to_i64() * day)),
            ("minus", [o]) => match date_millis(o) {
                Some(m) => Ok(Value::int(((self.millis - m) / day) as i32)),
                None => return None,
            },
            ("next", []) => Ok(date_value(self.millis + day)),
            ("previous", []) => Ok(date_value(self.millis - day)),
            ("clearTime", []) => {
                let Ok(ts) = Timestamp::from_millisecond(self.millis) else {
                    return None;
                };
                let z = ts.to_zoned(default_tz());
                match z.date().to_zoned(default_tz()) {
                    Ok(start) => Ok(date_value(start.timestamp().as_millisecond())),
                    Err(_) => Ok(date_value(self.millis)),
                }
            }
            ("hashCode", []) => Ok(Value::int((self.millis ^ (self.millis >> 32)) as i32)),
            _ => return None,
        };
        Some(r)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl NativeObject for TimeZoneObj {
    fn class_name(&self) -> String {
        "sun.util.calendar.ZoneInfo".into()
    }

    fn to_string(&self) -> String {
        self.id.clone()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        match name {
            "ID" | "id" => Some(Ok(Value::str(&self.id))),
            _ => None,
        }
    }

    fn call_method(&self, _interp: &Interp, name: &str, _args: &[Value]) -> Option<R<Value>> {
        match name {
            "getID" => Some(Ok(Value::str(&self.id))),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl NativeObject for DateFormatObj {
    fn class_name(&self) -> String {
        "java.text.SimpleDateFormat".into()
    }

    fn call_method(&self, _interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let r = match (name, args) {
            ("format", [d]) => match date_millis(d) {
                Some(m) => format_millis(m, &self.pattern, &self.tz.lock()).map(Value::string),
                None => throw(
                    "java.lang.IllegalArgumentException",
                    "Cannot format given Object as a Date",
                ),
            },
            ("parse", [s]) => {
                parse_with_pattern(&to_display(s), &self.pattern, &self.tz.lock()).map(date_value)
            }
            ("setTimeZone", [tz]) => {
                if let Some(t) = tz_of(tz) {
                    *self.tz.lock() = t;
                }
                Ok(Value::Null)
            }
            ("toPattern", []) => Ok(Value::str(&self.pattern)),
            ("setLenient", [_]) => Ok(Value::Null),
            _ => return None,
        };
        Some(r)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `new Date(…)`, `new SimpleDateFormat(…)`.
pub fn construct(class: &str, args: &[Value]) -> Option<R<Value>> {
    let r = match (class, args) {
        ("java.util.Date", []) => Ok(date_value(now_millis())),
        ("java.util.Date", [Value::Num(n)]) => Ok(date_value(n.to_i64())),
        ("java.text.SimpleDateFormat", [p, ..]) => Ok(Value::Native(Arc::new(DateFormatObj {
            pattern: to_display(p),
            tz: parking_lot::Mutex::new(default_tz()),
        }))),
        _ => return None,
    };
    Some(r)
}

/// Static methods: `Date.parse(pattern, text)`, `TimeZone.getTimeZone(id)`.
pub fn static_method(class: &str, name: &str, args: &[Value]) -> Option<R<Value>> {
    let r = match (class, name, args) {
        ("java.util.Date", "parse", [p, s]) => {
            parse_with_pattern(&to_display(s), &to_display(p), &default_tz()).map(date_value)
        }
        ("java.util.TimeZone", "getTimeZone", [id]) => {
            let id = to_display(id);
            Ok(Value::Native(Arc::new(TimeZoneObj {
                tz: tz_named(&id),
                id,
            })))
        }
        ("java.util.TimeZone", "getDefault", []) => {
            let tz = default_tz();
            let id = tz.iana_name().unwrap_or("UTC").to_string();
            Ok(Value::Native(Arc::new(TimeZoneObj { tz, id })))
        }
        _ => return None,
    };
    Some(r)
}

//! How an [`Amount`] is read from and written to a deck: a RON number, or text read as a number.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::Amount;
use crate::text::number::parse_number;

impl Amount {
    pub fn new(value: f64) -> Self {
        Amount { value, text: None }
    }

    /// The number as a deck author wrote it: its text, or the number.
    pub fn written(&self) -> String {
        self.text.clone().unwrap_or_else(|| self.value.to_string())
    }

    /// Reads text such as "five hundred" or "20,000"; an error says why it is no number.
    pub fn parse(text: &str) -> Result<Self, String> {
        // A plain number ("227", "2.5") is kept as a number, so it is written back as one.
        if let Ok(v) = text.trim().parse::<f64>()
            && v.is_finite()
            && text.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return Ok(Amount::new(v));
        }
        match parse_number(text) {
            Some(r) if r.high.is_none() && r.value.is_finite() => Ok(Amount {
                value: r.value,
                text: Some(text.to_string()),
            }),
            Some(_) => Err(format!(
                "\"{text}\" is a range: give the value, and the range with min and max"
            )),
            None => Err(format!("\"{text}\" is not a number")),
        }
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.text {
            Some(t) => s.serialize_str(t),
            None if self.value.fract() == 0.0 && self.value.abs() < 9e15 => {
                s.serialize_i64(self.value as i64)
            }
            None => s.serialize_f64(self.value),
        }
    }
}

struct AmountVisitor;

impl Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number, or text such as \"20,000\" or \"five hundred\"")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Ok(Amount::new(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Ok(Amount::new(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        if v.is_finite() {
            Ok(Amount::new(v))
        } else {
            Err(E::custom("a number must be finite"))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        Amount::parse(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AmountVisitor)
    }
}

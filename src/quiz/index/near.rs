//! Telling, cheaply, that a typed text cannot be within a few typos of another: lengths, the
//! letters one has and the other lacks, and a bit-parallel edit distance. What is left is
//! measured exactly (`text::fold::distance`); a library of 100,000 cards is searched in a few
//! milliseconds.

/// A folded text with the set of its characters, for a quick "cannot be within d edits".
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: crate::deck::Text,
    mask: u64,
    /// The most typos forgiven against this text (a card's wording: by its letters).
    allow: u8,
}

impl Folded {
    pub fn new(text: impl Into<crate::deck::Text>) -> Folded {
        Folded::forgiving(text, u8::MAX)
    }

    /// The most typos forgiven against this text.
    pub fn allow(&self) -> u8 {
        self.allow
    }

    /// A wording against which at most `allow` typos are forgiven.
    pub fn forgiving(text: impl Into<crate::deck::Text>, allow: u8) -> Folded {
        let text = text.into();
        Folded {
            mask: char_mask(&text),
            text,
            allow,
        }
    }
}

/// The characters of a folded (ASCII) text as bits: letters, digits, space, anything else.
fn char_mask(text: &str) -> u64 {
    text.bytes().fold(0u64, |m, b| {
        m | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            b' ' => 1 << 36,
            _ => 1 << (37 + b % 27),
        }
    })
}

/// A folded text to compare with many others: rules out, cheaply, those that cannot lie within
/// `d` edits of it (the exact, slower `text::fold::distance` then decides for the few left).
pub struct Near<'a> {
    text: &'a Folded,
    d: usize,
    /// Myers' bit-parallel pattern: for each byte, the positions where the text has it.
    peq: Option<Box<[u64; 256]>>,
}

impl<'a> Near<'a> {
    pub fn new(text: &'a Folded, d: usize) -> Near<'a> {
        let bytes = text.text.as_bytes();
        let peq = (!bytes.is_empty() && bytes.len() <= 64).then(|| {
            let mut peq = Box::new([0u64; 256]);
            for (i, &c) in bytes.iter().enumerate() {
                peq[usize::from(c)] |= 1 << i;
            }
            peq
        });
        Near { text, d, peq }
    }

    /// False when `other` cannot be within `d` edits (insert, delete, substitute, swap
    /// neighbours) of the text, `d` being at most what `other` forgives: the lengths differ by
    /// more, or one has more than `d` letters the other lacks, or it is more than `2d` edits
    /// away without swaps (a swap is two substitutions). True means "measure it".
    pub fn may_match(&self, other: &Folded) -> bool {
        self.may_match_allowing(other, other.allow)
    }

    /// [`Near::may_match`], forgiving at most `allow` typos against `other` (whatever it
    /// forgives itself).
    pub fn may_match_allowing(&self, other: &Folded, allow: u8) -> bool {
        let (a, b) = (self.text, other);
        let d = self.d.min(usize::from(allow));
        a.text.len().abs_diff(b.text.len()) <= d
            && (a.mask & !b.mask).count_ones() as usize <= d
            && (b.mask & !a.mask).count_ones() as usize <= d
            && self
                .peq
                .as_ref()
                .is_none_or(|peq| levenshtein_bits(peq, a.text.len(), &b.text) <= 2 * d)
    }
}

/// The Levenshtein distance from a pattern of `m` (1 to 64) bytes, given as its match masks,
/// to `text`: Myers' bit-parallel algorithm, in Hyyrö's formulation.
fn levenshtein_bits(peq: &[u64; 256], m: usize, text: &str) -> usize {
    let last = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (!0u64, 0u64, m);
    for &c in text.as_bytes() {
        let eq = peq[usize::from(c)];
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & last != 0 {
            score += 1;
        } else if mh & last != 0 {
            score -= 1;
        }
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::distance;

    #[test]
    fn the_quick_filter_never_rules_out_a_near_text() {
        let pairs = [
            ("tokaev", "tokaef"),
            ("abish", "abishev"),
            ("nazarbaev", "nazrabaev"),
            ("almati", "almaty"),
            ("a b", "ab"),
            ("ca", "abc"),
            ("kasim tokaev", "kasmi tokaevxk"),
        ];
        for (a, b) in pairs {
            let d = distance(a, b);
            for (x, y) in [(a, b), (b, a)] {
                let x = Folded::new(x);
                assert!(Near::new(&x, d).may_match(&Folded::new(y)), "{a} {b}");
            }
        }
        let tokaev = Folded::new("tokaev");
        assert!(!Near::new(&tokaev, 2).may_match(&Folded::new("masimov")));
    }

    #[test]
    fn bit_parallel_levenshtein_counts_edits() {
        let lev = |a: &str, b: &str| {
            let f = Folded::new(a);
            let near = Near::new(&f, 0);
            levenshtein_bits(near.peq.as_ref().unwrap(), a.len(), b)
        };
        assert_eq!(lev("kitten", "sitting"), 3);
        assert_eq!(lev("abc", "abc"), 0);
        assert_eq!(lev("abc", ""), 3);
        assert_eq!(lev("ca", "abc"), 3);
        assert_eq!(lev("tokaev", "tokayev"), 1);
        for (a, b) in [("nazarbaev", "nazrabaev"), ("samat abish", "samat abishev")] {
            assert_eq!(lev(a, b), strsim::levenshtein(a, b), "{a} {b}");
        }
    }
}

//! The packed form of the bundled outlines: positions as micro-degree
//! integers, each stored as the zigzag varint of its difference from the one
//! before. `build.rs` writes it (the file is compiled into the build script
//! too, so it uses nothing else of the crate) and [`super::layers`] reads it.

/// Micro-degrees per degree: the committed files have at most six decimals.
pub const SCALE: f64 = 1e6;

/// `x` in micro-degrees, if that unit holds it exactly: a [`Reader`] gives
/// back the same `f64`.
pub fn micro_degrees(x: f64) -> Option<i64> {
    let n = (x * SCALE).round();
    (x.is_finite() && n.abs() < 1e15 && n / SCALE == x).then_some(n as i64)
}

/// Appends `values` (one feature's coordinates, lon and lat alternating) to
/// `out`, each as the zigzag varint of its difference from the value two
/// before (the same axis); the first two from zero.
pub fn write(values: &[i64], out: &mut Vec<u8>) {
    let mut previous = [0i64; 2];
    for (i, &v) in values.iter().enumerate() {
        let delta = v.wrapping_sub(previous[i % 2]);
        previous[i % 2] = v;
        let mut zigzag = ((delta << 1) ^ (delta >> 63)) as u64;
        loop {
            let byte = (zigzag & 0x7f) as u8;
            zigzag >>= 7;
            if zigzag == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
}

/// Reads back what one call of [`write`] wrote, from its first byte.
pub struct Reader<'a> {
    bytes: &'a [u8],
    previous: [i64; 2],
    axis: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, previous: [0; 2], axis: 0 }
    }
}

/// The values in degrees; ends where the bytes end or stop being varints.
impl Iterator for Reader<'_> {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        let mut zigzag = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            zigzag |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                let delta = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
                let axis = self.axis;
                self.axis = 1 - axis;
                self.previous[axis] = self.previous[axis].wrapping_add(delta);
                return Some(self.previous[axis] as f64 / SCALE);
            }
        }
        None
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn six_decimals_pack_exactly_and_finer_do_not() {
        for x in [120.2, 30.183512, -0.000001, 0.0, 179.999999, 120.123456] {
            let n = micro_degrees(x).expect("six decimals pack");
            assert_eq!(n as f64 / SCALE, x);
        }
        assert_eq!(micro_degrees(120.1234567), None);
        assert_eq!(micro_degrees(f64::NAN), None);
        assert_eq!(micro_degrees(f64::INFINITY), None);
    }

    #[test]
    fn a_square_reads_back() {
        let square =
            [120_200_000, 30_200_000, 120_210_000, 30_200_000, 120_210_000, 30_210_000, 120_200_000, 30_200_000];
        let mut bytes = Vec::new();
        write(&square, &mut bytes);
        // small steps take a byte or two each, not the eight of an f64
        assert!(bytes.len() < 24, "{} bytes", bytes.len());
        let mut r = Reader::new(&bytes);
        let back: Vec<f64> = r.by_ref().take(square.len()).collect();
        assert_eq!(back, [120.2, 30.2, 120.21, 30.2, 120.21, 30.21, 120.2, 30.2]);
        assert_eq!(r.next(), None, "nothing after the last value");
    }

    #[test]
    fn cut_or_endless_bytes_read_as_none() {
        assert_eq!(Reader::new(&[]).next(), None);
        assert_eq!(Reader::new(&[0x80, 0x80]).next(), None);
        assert_eq!(Reader::new(&[0xff; 11]).next(), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_values_round_trip(values in proptest::collection::vec(-180_000_000i64..=180_000_000, 0..64)) {
                let mut bytes = Vec::new();
                write(&values, &mut bytes);
                let mut r = Reader::new(&bytes);
                for &v in &values {
                    prop_assert_eq!(r.next(), Some(v as f64 / SCALE));
                }
                prop_assert_eq!(r.next(), None);
            }
        }
    }
}

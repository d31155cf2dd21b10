//! The app icon, drawn in code: a rounded blue card with a white check mark.

use egui::IconData;

const SIZE: u32 = 64;

pub fn icon() -> IconData {
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let inside = rounded_rect(fx, fy, 4.0, 60.0, 12.0);
            let tick = near_segment(fx, fy, (18.0, 33.0), (28.0, 44.0), 4.5)
                || near_segment(fx, fy, (28.0, 44.0), (47.0, 21.0), 4.5);
            let px = match (inside, tick) {
                (true, true) => [255, 255, 255, 255],
                (true, false) => [0x2b, 0x5f, 0xb8, 255],
                _ => [0, 0, 0, 0],
            };
            rgba.extend_from_slice(&px);
        }
    }
    IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}

fn rounded_rect(x: f32, y: f32, lo: f32, hi: f32, r: f32) -> bool {
    let cx = x.clamp(lo + r, hi - r);
    let cy = y.clamp(lo + r, hi - r);
    (x - cx).powi(2) + (y - cy).powi(2) <= r * r
}

fn near_segment(x: f32, y: f32, a: (f32, f32), b: (f32, f32), w: f32) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t = (((x - a.0) * dx + (y - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    let (px, py) = (a.0 + t * dx, a.1 + t * dy);
    (x - px).powi(2) + (y - py).powi(2) <= w * w
}

//! A small trend line for a profile: the shape at a glance, with the first
//! and last figures written out beside it and every figure in a table, so
//! the picture itself is decorative.

use evidence::model::{Lang, Unit};
use leptos::prelude::*;

use crate::i18n::{Msg, value_with_unit};

const W: f64 = 120.0;
const H: f64 = 32.0;
const PAD: f64 = 3.0;

/// Points of the polyline, oldest first, scaled from zero (counts and
/// percentages both start at zero; a cut axis would exaggerate change).
pub fn points(values: &[f64]) -> Vec<(f64, f64)> {
    let max = values.iter().cloned().fold(0.0_f64, f64::max);
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = if n > 1 { PAD + (W - 2.0 * PAD) * i as f64 / (n - 1) as f64 } else { W / 2.0 };
            let y = if max > 0.0 { H - PAD - (H - 2.0 * PAD) * v / max } else { H - PAD };
            (x, y)
        })
        .collect()
}

#[component]
pub fn Sparkline(history: Vec<(String, f64, String)>, unit: Unit, lang: Lang) -> impl IntoView {
    let values: Vec<f64> = history.iter().map(|(_, v, _)| *v).collect();
    // A region's sums say, year by year, how many countries they cover.
    let has_notes = history.iter().any(|(_, _, n)| !n.is_empty());
    let pts = points(&values);
    let path = pts.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    let (lx, ly) = pts.last().copied().unwrap_or((0.0, 0.0));
    let first = history.first().map(|(p, v, _)| (p.clone(), *v));
    let last = history.last().map(|(p, v, _)| (p.clone(), *v));
    let trend = match (first, last) {
        (Some((p0, v0)), Some((p1, v1))) => Msg::TrendText.fill(lang, &[&value_with_unit(v0, unit, lang), &p0, &value_with_unit(v1, unit, lang), &p1]),
        _ => String::new(),
    };
    view! {
        <div class="sparkline" data-testid="sparkline">
            <svg width=W height=H viewBox=format!("0 0 {W} {H}") aria-hidden="true" focusable="false">
                <polyline points=path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>
                <circle cx=format!("{lx:.1}") cy=format!("{ly:.1}") r="3" fill="currentColor"/>
            </svg>
            <span class="trend-text">{trend}</span>
        </div>
        <details class="mini-table">
            <summary>{Msg::AllFigures.get(lang)}</summary>
            <table>
                <caption class="visually-hidden">{Msg::AllFigures.get(lang)}</caption>
                <thead><tr><th scope="col">{Msg::Period.get(lang)}</th><th scope="col" class="num">{Msg::Value.get(lang)}</th>
                    {has_notes.then(|| view! { <th scope="col">{Msg::Note.get(lang)}</th> })}</tr></thead>
                <tbody>
                    {history.into_iter().map(|(p, v, n)| view! {
                        <tr><th scope="row">{p}</th><td class="num">{value_with_unit(v, unit, lang)}</td>
                            {has_notes.then(|| view! { <td>{n}</td> })}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_starts_at_zero_and_spans_the_width() {
        let p = points(&[0.0, 50.0, 100.0]);
        assert_eq!(p.first().unwrap().0, PAD);
        assert_eq!(p.last().unwrap().0, W - PAD);
        assert_eq!(p[0].1, H - PAD);
        assert_eq!(p[2].1, PAD);
        assert!((p[1].1 - H / 2.0).abs() < 1e-9);
    }
}

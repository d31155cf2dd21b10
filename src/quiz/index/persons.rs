//! Joining the spellings of Name answers into persons (every spelling a source uses of one
//! person), for distractors, surname matching and typo checks.

use std::collections::HashMap;

use super::{Person, TopicRun};
use crate::deck::Text;
use crate::text::fold::words;

/// Joins Name answers that share a spelling into persons. Each list joins every person it
/// shares a spelling with into one, which moves to the end; its display is that of the person
/// it joined that was touched longest ago (or the list's first spelling). Union-find over the
/// spellings, so that a library of many people joins in linear time.
/// Each list: its first spelling (as shown), every spelling folded, and its card's topics;
/// each person comes with the topics of all its cards.
pub(super) fn group_persons(
    lists: Vec<(Option<Text>, Vec<Text>, Vec<u16>)>,
) -> Vec<(Person, Vec<u16>)> {
    // A group: its display, the list that touched it last, and (at its root) its keys and
    // topics.
    struct Group {
        parent: usize,
        display: Text,
        touched: usize,
        keys: Vec<Text>,
        topics: Vec<u16>,
    }
    fn root(groups: &mut [Group], mut g: usize) -> usize {
        while groups[g].parent != g {
            let up = groups[g].parent;
            groups[g].parent = groups[up].parent;
            g = up;
        }
        g
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<Text, usize> = HashMap::new();
    for (li, (first, keys, topics)) in lists.into_iter().enumerate() {
        let mut hits: Vec<usize> = keys
            .iter()
            .filter_map(|k| group_of.get(k).copied())
            .collect();
        for h in &mut hits {
            *h = root(&mut groups, *h);
        }
        hits.sort_unstable();
        hits.dedup();
        let display = hits.iter().min_by_key(|&&h| groups[h].touched).map_or_else(
            || first.clone().unwrap_or_default(),
            |&h| groups[h].display.clone(),
        );
        let g = groups.len();
        let mut all_keys = keys.clone();
        let mut all_topics = topics;
        for &h in &hits {
            groups[h].parent = g;
            all_keys.append(&mut groups[h].keys);
            all_topics.append(&mut groups[h].topics);
        }
        for k in keys {
            group_of.entry(k).or_insert(g);
        }
        groups.push(Group {
            parent: g,
            display,
            touched: li,
            keys: all_keys,
            topics: all_topics,
        });
    }
    let mut roots: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].parent == g)
        .collect();
    roots.sort_by_key(|&g| groups[g].touched);
    roots
        .into_iter()
        .map(|g| {
            let mut keys = std::mem::take(&mut groups[g].keys);
            keys.sort();
            keys.dedup();
            let mut surnames: Vec<Text> = keys
                .iter()
                .filter(|k| words(k).count() >= 2)
                .filter_map(|k| words(k).last().map(Text::from))
                .collect();
            surnames.sort();
            surnames.dedup();
            let person = Person {
                display: std::mem::take(&mut groups[g].display),
                keys: keys.into_boxed_slice(),
                surnames: surnames.into_boxed_slice(),
                topics: TopicRun::default(),
            };
            (person, std::mem::take(&mut groups[g].topics))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    /// The grouping as first written: a walk over every person for every list.
    fn group_slowly(lists: &[Vec<Text>]) -> Vec<(String, Vec<String>)> {
        let mut persons: Vec<(String, Vec<String>)> = Vec::new();
        for list in lists {
            let keys: Vec<String> = list.iter().map(|v| fold(v)).collect();
            let hits: Vec<usize> = persons
                .iter()
                .enumerate()
                .filter(|(_, p)| p.1.iter().any(|k| keys.contains(k)))
                .map(|(i, _)| i)
                .collect();
            let mut person = (
                list.first().map(Text::to_string).unwrap_or_default(),
                Vec::new(),
            );
            for &i in hits.iter().rev() {
                let p = persons.remove(i);
                person.0 = p.0;
                person.1.extend(p.1);
            }
            person.1.extend(keys);
            person.1.sort();
            person.1.dedup();
            persons.push(person);
        }
        persons
    }

    #[test]
    fn persons_group_as_the_walk_over_every_person_did() {
        let lists: Vec<Vec<Text>> = [
            vec!["Toqaev", "Kassym Tokayev"],
            vec!["Nazarbaev"],
            vec!["Abish"],
            vec!["Samat Abish", "Abish Samat"],
            vec!["Nursultan Nazarbayev", "Nazarbaev"],
            vec!["Tokaev", "Abish"],
            vec!["Masimov"],
            vec!["Karim Massimov", "Masimov"],
            vec!["Bolat Nazarbaev"],
        ]
        .iter()
        .map(|l| l.iter().map(|s| Text::from(*s)).collect())
        .collect();
        let with_keys: Vec<(Option<Text>, Vec<Text>, Vec<u16>)> = lists
            .iter()
            .map(|l| {
                (
                    l.first().cloned(),
                    l.iter().map(|v| fold(v).into()).collect(),
                    Vec::new(),
                )
            })
            .collect();
        let fast: Vec<(String, Vec<String>)> = group_persons(with_keys)
            .into_iter()
            .map(|(p, _)| {
                let keys = p.keys.iter().map(Text::to_string).collect();
                (p.display.to_string(), keys)
            })
            .collect();
        assert_eq!(fast, group_slowly(&lists));
    }
}

use newsidx::clean::{classify, Class};
#[test]
fn t() {
    let s = std::fs::read_to_string("/tmp/w/bylines.tsv").unwrap();
    let mut n = std::collections::BTreeMap::<String, (usize, usize)>::new();
    for l in s.lines() {
        let mut f = l.split('\t');
        let (half, line, want) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap_or(""));
        let want: Vec<String> = want.split("; ").filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
        let class = classify(line);
        let got: Vec<String> = match &class {
            Class::Byline(v) => v.clone(),
            Class::Credits { authors, .. } => authors.clone(),
            _ => vec![],
        };
        let lower: Vec<String> = got.iter().map(|g| g.to_lowercase()).collect();
        let ok = lower == want && !matches!(class, Class::Keep);
        let e = n.entry(half.to_string()).or_default();
        e.1 += 1;
        e.0 += usize::from(ok);
        if !ok && (half == "dev" || std::env::var("ALL").is_ok()) {
            println!("MISS {half}: {line:?} -> {class:?}");
        }
    }
    println!("{n:?}");
}

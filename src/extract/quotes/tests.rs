//! Tests of quote extraction, from the outside in: quotes and speakers of paragraphs.

use super::*;

pub(super) fn run(text: &str) -> Vec<(String, Option<String>)> {
    let paras: Vec<String> = text.lines().map(str::to_string).collect();
    quotes(&paras)
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// Paragraphs made of quote marks of every style, names, speech verbs, pronouns,
    /// punctuation and multi-byte letters: extraction never panics.
    #[test]
    fn quotes_never_panic_on_arbitrary_paragraphs(
        text in crate::testing::text_of(
            vec![
                "\"", "“", "”", "«", "»", "„", "’", "'", " ", ". ", ", ", ": ", "? ",
                "said", "told", "he", "she", "it", "the firm", "Mr ", "Sir ", "Anna Lee",
                "Lee", "Ça", "é", "Ž", "Москва", "—", "\n", "the 34-year-old", "spokesman for",
                "magazine", "Paul", "according to", "'s", "A", "words here", ".” ", "He said: “",
                "she added. “", "’. ",
            ],
            0..60,
        )
    ) {
        let paras: Vec<String> = text.split('\n').map(str::to_string).collect();
        // Every quote is words of one paragraph, and a named speaker is a name.
        for q in quotes(&paras) {
            proptest::prop_assert!(
                paras.iter().any(|p| p.contains(&q.text)),
                "{:?} is in no paragraph of {:?}",
                q.text,
                paras
            );
            if let Some(s) = &q.speaker {
                proptest::prop_assert!(!s.trim().is_empty(), "empty speaker in {:?}", paras);
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// The verb check before the quote patterns skips only texts they cannot match.
    #[test]
    fn verb_check_passes_every_text_the_patterns_before_a_quote_match(
        text in crate::testing::text_of(
            vec![
                " ", "  ", ". ", ", ", ",", ":", ": ", "? ", "“", "\"", "said", "saidx",
                "pointed out", "told", "he", "She", "the firm", "The company", "Mr ",
                "Anna Lee", "spokesman for", "the prime minister", "it", "has ",
                "according to", "words here", "é", "Ž", "Москва", "\n", "a long clause of many words",
            ],
            0..30,
        )
    ) {
        for (re, n) in [
            (&*BEFORE_SPOKESMAN, 60),
            (&*BEFORE_SUBJECT, 60),
            (&*BEFORE_ORG, 60),
            (&*BEFORE_ROLE, 80),
        ] {
            if re.is_match(&text) {
                proptest::prop_assert!(verb_ends_within(&text, n), "{:?}", text);
            }
        }
    }
}

fn runs_by_regex(text: &str) -> Vec<(usize, usize)> {
    PERSON_MENTION
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

fn runs(text: &str) -> Vec<(usize, usize)> {
    person_runs(text)
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect()
}

#[test]
fn person_runs_table() {
    let cases: &[(&str, &[&str])] = &[
        ("Mr Blair said", &["Mr Blair"]),
        ("Mr. Blair and Mrs Thatcher", &["Mr. Blair", "Mrs Thatcher"]),
        ("Mr.Blair", &["Mr", "Blair"]),
        (
            "George W. Bush met Samuel L Jackson",
            &["George W. Bush", "Samuel L Jackson"],
        ),
        (
            "Sir Ian McKellen O'Brien-Smith Jr Fifth",
            &["Sir Ian McKellen O'Brien-Smith Jr", "Fifth"],
        ),
        ("Dr 123 and Dr", &["Dr", "Dr"]),
        ("a BBC report", &["BBC"]),
        ("aBc Smith", &["Bc Smith"]),
        ("Émile Zola in Łódź, Ödön", &["Émile Zola", "Łódź", "Ödön"]),
        ("Anna\u{a0}Lee", &["Anna\u{a0}Lee"]),
        ("I A", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = person_runs(text).iter().map(|r| r.as_str()).collect();
        assert_eq!(&got, want, "{text:?}");
        assert_eq!(runs(text), runs_by_regex(text), "{text:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// The written-out scan finds the runs the pattern finds, on any text.
    #[test]
    fn person_runs_are_the_patterns_matches(
        text in crate::testing::text_of(
            vec![
                " ", "  ", "\u{a0}", "\n", ".", ". ", ",", "'", "’", "-", "Mr", "Mrs", "Ms",
                "Dr", "Sir", "Capt", "A", "B.", "W", "Anna", "Lee", "bin", "van", "O'Brien",
                "McKellen", "x", "said", "É", "émile", "Ödön", "ß", "Σ", "ǅ", "Ⅻ", "Ⓐ", "9",
            ],
            0..30,
        )
    ) {
        proptest::prop_assert_eq!(runs(&text), runs_by_regex(&text), "{:?}", text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// The patterns before a quote, run without the lazy DFA, find what the regex
    /// crate finds with it: the same match and the same groups.
    #[test]
    fn patterns_before_a_quote_match_as_the_regex_crate_does(
        text in crate::testing::text_of(
            vec![
                " ", ", ", ",", ":", "“", "said", "told reporters", "has ", "he", "She",
                "the firm", "It", "Mr ", "Anna Lee", "Jean de la Fontaine", "Ajax",
                "spokesman for", "’s spokeswoman", "the prime minister", "According to",
                "according to ", "the chief executive", ", the minister,", "é", "Москва",
                "a long clause of many words",
            ],
            0..24,
        )
    ) {
        static PAIRS: LazyLock<Vec<(&EndPattern, Regex)>> = LazyLock::new(|| {
            [
                &*BEFORE_SPOKESMAN,
                &*BEFORE_SUBJECT,
                &*BEFORE_ORG,
                &*BEFORE_ROLE,
                &*BEFORE_ACCORDING,
            ]
            .into_iter()
            .map(|p| (p, Regex::new(&p.pattern).expect("valid")))
            .collect()
        });
        for (p, reference) in PAIRS.iter() {
            let groups = |name: &str| {
                reference
                    .captures(&text)
                    .and_then(|c| c.name(name).map(|m| (m.start(), m.as_str())))
            };
            let ours = p.captures(&text);
            proptest::prop_assert_eq!(ours.is_some(), reference.is_match(&text), "{:?}", text);
            for name in ["who", "appos", "for"] {
                proptest::prop_assert_eq!(
                    ours.as_ref().and_then(|c| c.name(name)),
                    groups(name),
                    "{} in {:?}",
                    name,
                    text
                );
            }
        }
    }
}

#[test]
fn verb_ends_within_table() {
    let cases = [
        ("Anna Lee said", 60, true),
        ("Anna Lee said:  ", 60, true),
        ("Anna Lee told reporters on Monday,", 60, true),
        ("Mr Blair pointed out", 60, true),
        (
            "He said the plan, which the board approved in March after long talks, was",
            60,
            false,
        ),
        (
            "He said the plan, which the board approved in March after long talks, was",
            80,
            true,
        ),
        ("He said. Then he left and", 60, false),
        ("He saidx", 60, false),
        ("The weather was fine", 60, false),
        ("", 60, false),
        ("Он said Москва", 60, true),
    ];
    for (text, n, want) in cases {
        assert_eq!(verb_ends_within(text, n), want, "{text:?} within {n}");
    }
}

#[test]
fn sentence_start_inside_a_multibyte_character_does_not_panic() {
    // "the sentence before" is looked up two bytes before a sentence start, which can
    // fall inside "’" or "é": this panicked on real pages (meta-dev).
    let para = "Le président a parlé. “Ça va,” a-t-il dit. Il l’a répété: “Non.”";
    for at in 0..=para.len() {
        let s = sentence_start(para, at);
        assert!(para.is_char_boundary(s) && s <= at, "{at} -> {s}");
    }
    let got = run("Marie Curie spoke first. Elle a dit: “Très bien, nous continuerons demain.” Puis «Oui, c’est ça», a-t-elle ajouté.");
    assert!(
        got.iter().any(|(q, _)| q.starts_with("Très bien")),
        "{got:?}"
    );
}

#[test]
fn seed_quotes() {
    let seed = include_str!("../../../corpus/guardian-kremlin-rejects-territory-swap.txt");
    let got = run(seed);
    let speakers: Vec<_> = got
        .iter()
        .map(|(_, s)| s.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(
        speakers,
        [
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenskyy",
            "Dmitry Peskov",
            "Dmitry Peskov",
            "Dmitry Peskov"
        ],
        "{got:#?}"
    );
    assert_eq!(got[0].0, "We will swap one territory for another,");
    assert!(got[4].0.starts_with("Ukrainian units will be expelled"));
}

/// Regression: a dump with one enormous paragraph of names and quotes (an 8 MB JSONL
/// record can be one) took minutes: every name lookup scanned every name, and every
/// title fell back to a count over the whole story (a 300 KB paragraph: 16 s in a
/// release build; 3.5 MB: over two minutes). Now the work is linear (3.5 MB: 2 s);
/// these 2,000 sentences of quotes take about a second in a debug build.
#[test]
fn a_megabyte_paragraph_of_quotes_does_not_take_minutes() {
    // Distinct surnames: Leea, Leeb, ..., Leeba, ...
    let surname = |mut i: usize| {
        let mut s = String::from("Lee");
        loop {
            s.push((b'a' + (i % 26) as u8) as char);
            i /= 26;
            if i == 0 {
                break s;
            }
        }
    };
    let sentence = |i: usize| {
        format!(
            "Anna {} met the minister in Paris. \"We will go on with the plan,\" he said. \
             The prime minister said \"it is a good day for us\". \"Nothing changes,\" said \
             the spokesman. ",
            surname(i)
        )
    };
    let para: String = (0..2000).map(sentence).collect();
    let started = std::time::Instant::now();
    let got = run(&para);
    let took = started.elapsed();
    assert_eq!(got.len(), 6000);
    assert_eq!(got[0].1.as_deref(), Some("Anna Leea"));
    assert_eq!(got[3 * 1999].1, Some(format!("Anna {}", surname(1999))));
    assert!(took.as_secs() < 20, "{took:?}");
}

#[test]
fn attribution_table() {
    type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
    let cases: &[Case] = &[
        // A body's name run into a person's splits where a given name starts: the first
        // name alone is then hers.
        (
            "Marketing Manager at Ocean Florida Abby Dunn shared her tips.\nAbby said: \"Always book the park tickets early.\"\nShe noted: \"Fly to another airport nearby.\"",
            &[
                ("Always book the park tickets early.", Some("Abby Dunn")),
                ("Fly to another airport nearby.", Some("Abby Dunn")),
            ],
        ),
        // A description (`the expert`) is whoever has been speaking, not the thing the
        // story names most.
        (
            "Consider an English Ivy plant first. \"It helps reduce indoor pollutants,\" explains Radek Babicek from Fantastic Gardeners.\nNext, consider the aluminum plant, with English Ivy beside it. \"It is an easy plant to care for,\" the expert explains.",
            &[
                ("It helps reduce indoor pollutants,", Some("Radek Babicek")),
                ("It is an easy plant to care for,", Some("Radek Babicek")),
            ],
        ),
        // A paragraph of quote nothing attributes is the story's subject's, when the
        // story names one person far more than anyone else.
        (
            "Tony Blair has written a book on leadership. Blair met us in London.\nThe London Standard\n\"It is not my job to advise.\"\nBlair has often spoken of Brexit. Blair smiles.\n\"Politics is about delivery.\"",
            &[
                ("It is not my job to advise.", Some("Tony Blair")),
                ("Politics is about delivery.", Some("Tony Blair")),
            ],
        ),
        // A surname given to a man and a woman is a family's: `he` may still be the man.
        (
            "Sir Keir Starmer defended the gifts, and Lady Starmer wore a lent dress.\nSir Keir said on Monday: \"All MPs get gifts.\"\nAsked again, he said: \"We declare them properly.\"",
            &[
                ("All MPs get gifts.", Some("Keir Starmer")),
                ("We declare them properly.", Some("Keir Starmer")),
            ],
        ),
        // A person named with her role in a body speaks herself; a role alone is the body.
        (
            "Cllr Louise Gittins, Chair of the Local Government Association said: \"The unrest we have seen has been deplorable.\"",
            &[("The unrest we have seen has been deplorable.", Some("Cllr Louise Gittins"))],
        ),
        (
            "The chief executive of PwC said: \"We are pleased with these results.\"",
            &[("We are pleased with these results.", Some("PwC"))],
        ),
        // A name after the role that ends the clause after the verb.
        (
            "\"There is something deeply restorative about arriving in Jasper,\" says the resort’s general manager Garrett Turta.",
            &[(
                "There is something deeply restorative about arriving in Jasper,",
                Some("Garrett Turta"),
            )],
        ),
        // A paragraph of quote after reported speech is its speaker's.
        (
            "Another villager, Lipolelo Potobere, said they often go for days without water.\n\"As we speak, we have been without water for three days.\"",
            &[(
                "As we speak, we have been without water for three days.",
                Some("Lipolelo Potobere"),
            )],
        ),
        // An answer opening its paragraph: `he` is whom the paragraph before leads with.
        (
            "Sinwar was named leader on Tuesday, officials said.\nBut Al Saud is aware of the effect Sinwar may have on the talks.\n\"He's the most wanted man to Israel,\" he said.",
            &[("He's the most wanted man to Israel,", Some("Al Saud"))],
        ),
        (
            "Gordon Brown spoke on Monday.\n\"We will not waver on this,\" Mr Brown said.",
            &[("We will not waver on this,", Some("Gordon Brown"))],
        ),
        (
            "\"It is a good day for the town,\" said Maria Lopez, the mayor.",
            &[("It is a good day for the town,", Some("Maria Lopez"))],
        ),
        (
            "Kremlin spokesman Dmitry Peskov told reporters: «We see no basis for talks.»",
            &[("We see no basis for talks.", Some("Dmitry Peskov"))],
        ),
        (
            "Argentina's President, Nestor Kirchner, said on Friday: \"The best deal in history.\"",
            &[("The best deal in history.", Some("Nestor Kirchner"))],
        ),
        (
            "The Attorney General, Lord Goldsmith, said he would act \"in the near future\" on it.",
            &[("in the near future", Some("Goldsmith"))],
        ),
        // Not a title before the commas: the subject stays the speaker.
        (
            "Ann Lee, Acme Corp, said: \"Sales are up and we are hiring.\"",
            &[("Sales are up and we are hiring.", Some("Ann Lee"))],
        ),
        (
            "Ann Lee arrived late. „Wir sind bereit“, she said.",
            &[("Wir sind bereit", Some("Ann Lee"))],
        ),
        (
            "“We are ready,” he said, “and we will go on.”",
            &[("We are ready,", None), ("and we will go on.", None)],
        ),
        ("The film \"Jaws\" was shown.", &[]),
        // Papers that quote speech in single marks; apostrophes are not marks.
        (
            "Ann Lee spoke at the rally. ‘We will fight on and we won’t stop,’ she said.\n'It is not over for us yet,' said Ann Lee.",
            &[
                ("We will fight on and we won’t stop,", Some("Ann Lee")),
                ("It is not over for us yet,", Some("Ann Lee")),
            ],
        ),
        ("It's John's car and the Jones' house, isn't it? Rock 'n' roll.", &[]),
        // Themes and titles in single marks are not speech; nor is a stray `isn ‘t`.
        (
            "The theme is ‘The Medium is the Message ‘, the famous statement by Marshall McLuhan. The automaker isn ‘t slowing down.",
            &[],
        ),
        // Pronouns pass over bare titles, places after `for` and the other gender.
        (
            "The Attorney General, Lord Goldsmith, has issued no orders. He said he will act \"in the near future\" on it.",
            &[("in the near future", Some("Goldsmith"))],
        ),
        (
            "Tony Banks, Labour MP for West Ham, said it would pass. He said the ban was late. \"Let the election decide this,\" he said.",
            &[("Let the election decide this,", Some("Tony Banks"))],
        ),
        (
            "Irene Khan leads Amnesty International. Ms Khan spoke first.\nThe Amnesty secretary-general said the gap grew. \"Public passivity is the problem,\" she said.",
            &[("Public passivity is the problem,", Some("Irene Khan"))],
        ),
        // `he` after a run of quote marks refers to someone named before the run.
        (
            "Nigel Yeo said most would obey.\nBut Simon Hart has questioned it. \"The rules are blurred. \"You can hunt a rat,\" he said.",
            &[
                ("The rules are blurred.", Some("Simon Hart")),
                ("You can hunt a rat,", Some("Simon Hart")),
            ],
        ),
        // "met with Stiller and Jackson": objects, not who `He` is.
        (
            "Ricky Gervais has met with Stiller and Jackson.\n\"It is all sorted now,\" Gervais said.\nHe said Stiller and Jackson would play \"twisted versions of themselves\" on screen.",
            &[
                ("It is all sorted now,", Some("Ricky Gervais")),
                ("twisted versions of themselves", Some("Ricky Gervais")),
            ],
        ),
        // An ellipsis is no full stop: the name after it still attributes.
        (
            "Arthur Hailey wrote books.\n\"I was a rusty pilot who hadn't flown for nine years... \" Hailey later recalled.",
            &[("I was a rusty pilot who hadn't flown for nine years...", Some("Arthur Hailey"))],
        ),
        // One quoted word is a label, whoever is named with it.
        ("Paul Flynn said they had a \"scorching\" from MPs.", &[]),
        // A sentence whose subject is the same pronoun passes the reference back.
        (
            "Blanchett, who won in 1999, said: \"It means a lot to me.\" She thanked the woman she played, Katharine Hepburn, for paving the way. \"Thank you, I'm sure you're pleased,\" she said.",
            &[
                ("It means a lot to me.", Some("Blanchett")),
                ("Thank you, I'm sure you're pleased,", Some("Blanchett")),
            ],
        ),
        // Narration naming someone between two quotes hands over the next one.
        (
            "\"It was a surprise,\" said Mike Leigh. Best actor Jamie Foxx could not come, but Helen Mirren read out his speech. \"I'm honoured and proud to receive this.\"",
            &[
                ("It was a surprise,", Some("Mike Leigh")),
                ("I'm honoured and proud to receive this.", Some("Jamie Foxx")),
            ],
        ),
        // A place after `for ... and` is not the subject; the title before it is.
        (
            "Douglas Hogg said the Bill was \"largely unnecessary and expensive\". But the Tory MP for Sleaford and North Hykeham admitted the role \"cannot be frozen in aspic\".",
            &[
                ("largely unnecessary and expensive", Some("Douglas Hogg")),
                ("cannot be frozen in aspic", Some("Douglas Hogg")),
            ],
        ),
        // `the report said`: the body the story names most, not the place beside it.
        (
            "The Asian Development Bank (ADB) said growth would slow. The ADB warned of poverty. The province of Aceh suffered most, but its gas fields \"have survived intact\", the report said.",
            &[("have survived intact", Some("ADB"))],
        ),
        // A participle after the clause that names the speaker.
        (
            "Earlier Tory leader Michael Howard sent Mr Bush his \"warmest congratulations\", saying: \"We look to the president.\"",
            &[
                ("warmest congratulations", Some("Michael Howard")),
                ("We look to the president.", Some("Michael Howard")),
            ],
        ),
        // `read the statement`: the body the story names most nearby.
        (
            "Valve shut down the accounts. In a statement Valve said the system worked. \"The method used was easy to trace,\" read the statement.",
            &[("The method used was easy to trace,", Some("Valve"))],
        ),
        // A second fragment in the attributed sentence has the same speaker.
        (
            "Grant Dean said the entrants had been of \"outstanding quality\" and that judging had been \"enormously difficult\".",
            &[
                ("outstanding quality", Some("Grant Dean")),
                ("enormously difficult", Some("Grant Dean")),
            ],
        ),
        // A list after `from` is objects; the person leading an earlier sentence is `he`.
        (
            "Leonardo DiCaprio is nominated. DiCaprio faces competition from Bernal, Jamie Foxx, Jim Carrey and Johnny Depp. The crowd screamed when he arrived. \"It's unlike anything I've ever seen,\" he told the BBC.",
            &[("It's unlike anything I've ever seen,", Some("Leonardo DiCaprio"))],
        ),
        // `the <person noun>`: whom the story gave the title, else whom it is about.
        (
            "Real Madrid midfielder David Beckham has no plans to coach.\n\"I am not interested in being a coach,\" the England captain said on Canal Plus.",
            &[("I am not interested in being a coach,", Some("David Beckham"))],
        ),
        (
            "\"The decision was a difficult one to make,\" said BA director of commercial planning, Robert Boyle.",
            &[("The decision was a difficult one to make,", Some("Robert Boyle"))],
        ),
        // A named publication speaks; `according to the magazine` is it.
        (
            "Broadcast magazine said: \"British TV never realised how low it could go.\" Baywatch topped the list for \"mind-numbingly predictable scripts,\" according to the magazine.",
            &[
                ("British TV never realised how low it could go.", Some("Broadcast magazine")),
                ("mind-numbingly predictable scripts,", Some("Broadcast magazine")),
            ],
        ),
        // A participle hangs on the clause after `but`.
        (
            "Cyprus is an EU member, but Turkey had insisted it would not bow to demands, calling the issue a \"red line\".",
            &[("red line", Some("Turkey"))],
        ),
        // Roles: whose spokesman, which judge, a role before a name between commas.
        (
            "A spokesman for the Home Office said it was wrong. \"We are developing a programme,\" said the spokesman.",
            &[("We are developing a programme,", Some("Home Office"))],
        ),
        (
            "Judge James Kleinberg ruled on Friday. The Judge wrote: \"An interested public is not the public interest.\"",
            &[("An interested public is not the public interest.", Some("James Kleinberg"))],
        ),
        (
            "\"We are not going away,\" hunt master, Captain Ian Farquhar, said.",
            &[("We are not going away,", Some("Captain Ian Farquhar"))],
        ),
        // A place ends the title before a name between commas: the name speaks.
        (
            "Chile’s envoy to Japan, Marta Ruiz, told the hearing on Friday that the papers were “never sent”.",
            &[("never sent", Some("Marta Ruiz"))],
        ),
        // A quote opening the sentence after `..., she said.` goes on with her words.
        (
            "Priya Nair runs the bakery on Mill Lane.\nThe new rent nearly closed it, she told reporters on Tuesday. “We had six weeks to find the money.”\nThe council has not replied, Mr Osei said. “Nobody answers the phone.”",
            &[
                ("We had six weeks to find the money.", Some("Priya Nair")),
                ("Nobody answers the phone.", Some("Osei")),
            ],
        ),
        (
            "Sam Hill said: “The first part of it runs on\n“and the second part ends here.”",
            &[
                ("The first part of it runs on", Some("Sam Hill")),
                ("and the second part ends here.", Some("Sam Hill")),
            ],
        ),
    ];
    for (text, want) in cases {
        let got = run(text);
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(q, s)| (q.to_string(), s.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn role_then_name_table() {
    for (rest, want) in [
        (" leader Charles Kennedy, who", true),
        (" chief executive Lord Rennard suggested", true),
        (" press secretary Karine Jean-Pierre", true),
        (" spokesman Mark Oaten also", true),
        (" leader", false),
        (" leader of the party", false),
        (" said Charles Kennedy", false),
        (" and Charles Kennedy", false),
        (" party Charles", false),
        (", leader Charles", false),
        (" slated comedian Sacha Baron Cohen", false),
        (" believes coach Bernard Laporte", false),
        (" and singer Harry Belafonte", false),
        (" business secretary Vince Cable", true),
        ("", false),
    ] {
        assert_eq!(mentions::role_then_name(rest), want, "{rest:?}");
    }
}

#[test]
fn a_party_before_a_role_and_a_name_is_not_the_speaker() {
    let got = run("Liberal Democrat leader Charles Kennedy, who backs the constitution, said he expected the vote in the first half of next year. He told BBC Radio 4: \"The sooner we get on with this, the better.\"");
    assert_eq!(
        got,
        [(
            "The sooner we get on with this, the better.".to_string(),
            Some("Charles Kennedy".to_string())
        )]
    );
}

#[test]
fn a_body_called_by_its_kind_is_the_body_the_story_named() {
    let speaker = |text: &str| run(text).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
    let some = |s: &str| Some(s.to_string());
    for (text, want) in [
        // The noun that heads the name, and a possessive before the name.
        (
            "The risk was drawn up by the National Weather Service’s Storm Prediction Center.\n\"A larger area of potential threat will extend north,\" wrote the center.",
            some("Storm Prediction Center"),
        ),
        // A kind of body: an agency may be a centre, a force is the police.
        (
            "The area is in a Level 3 risk drawn up by the Storm Prediction Center. The agency warns that \"all hazards will be possible, including tornadoes.\"",
            some("Storm Prediction Center"),
        ),
        (
            "Devon and Cornwall Police say they will step up their presence tonight.\nIn an update, the force said: \"Our officers are well trained to maintain public order.\"",
            some("Devon and Cornwall Police"),
        ),
        // The noun itself wins over a body of its kind named after it.
        (
            "The Environment Agency issued flood warnings. The Met Office said more rain was due.\n\"Rivers will stay high all week in the valley,\" the agency said.",
            some("Environment Agency"),
        ),
        // A name with `of` after the noun.
        (
            "The Ministry of Defence confirmed the flights.\n\"No aircraft were lost in the exercise,\" the ministry said.",
            some("Ministry of Defence"),
        ),
        // No body of that kind named: the noun itself (kept as a role, not a name).
        (
            "Officials met on Monday.\n\"We will decide next week on the new rules,\" the committee said.",
            some("committee"),
        ),
    ] {
        assert_eq!(speaker(text), [want], "{text}");
    }
}

#[test]
fn a_body_called_by_its_kind_takes_linear_time_over_long_paragraphs() {
    // Names joined by `and`, thousands to a paragraph, thirty paragraphs, twenty quotes
    // that ask for `the agency`: each paragraph is read once per quote.
    let names = "Abcde and Fghij and ".repeat(1700);
    let mut text = format!("{names}\n").repeat(30);
    text.push_str(&"\"We will decide next week on the new rules,\" the agency said.\n".repeat(20));
    let started = std::time::Instant::now();
    let got = run(&text);
    assert_eq!(got.len(), 20);
    // (About 0.5 s optimised; an unoptimised build on a busy two-core machine took 5. Read
    // quadratically, the paragraphs would take minutes.)
    let bound = if cfg!(debug_assertions) { 20 } else { 5 };
    assert!(
        started.elapsed() < std::time::Duration::from_secs(bound),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_quote_after_it() {
    let got = run("Protests grew in the capital.\nFinancial Times reported:\n\"The leadership of the armed forces has become a lightning rod for protests.\"");
    assert_eq!(got[0].1.as_deref(), Some("Financial Times"));
    let got = run("Police were at the scene.\nIn an update on X, Jane Smith, the chief constable, said:\n\"Our officers are well trained to maintain public order.\"");
    assert_eq!(got[0].1.as_deref(), Some("Jane Smith"));
    // Without the colon the paragraph before introduces nothing.
    let got = run("Financial Times reported on the protests.\n\"The leadership of the armed forces has become a lightning rod for protests.\"");
    assert_ne!(got[0].1.as_deref(), Some("Financial Times"));
}

#[test]
fn a_pronoun_after_a_sentence_led_by_a_role_is_whom_that_sentence_has_speaking() {
    let got = run("Hamas named Yahya Sinwar as its leader. Sinwar said: \"We will fight on until the end.\"\nOn Tuesday, Israel's chief military spokesperson, Rear Admiral Daniel Hagari, said Sinwar's appointment would not stop Israel.\n\"There is only one place for Yahya Sinwar, and it is beside the others,\" he told the Saudi state-owned television.");
    assert_eq!(got[1].1.as_deref(), Some("Daniel Hagari"), "{got:?}");
}

#[test]
fn a_letter_speaks_for_its_author_not_its_addressee() {
    let got = run("The Conservatives’ letter to Daniel Greenberg, the standards commissioner, said: \"In August it was reported that he had been given a security pass.\"");
    assert_eq!(got[0].1.as_deref(), Some("Conservatives"), "{got:?}");
    // A body named with `of` after its noun: `the college`.
    let got = run("The Royal College of GPs highlighted the abuse of its members.\n\"Staff should travel in groups where they can,\" the college said.");
    assert_eq!(got[0].1.as_deref(), Some("Royal College of GPs"), "{got:?}");
}

#[test]
fn a_statement_issued_by_a_person_named_after_their_body_is_theirs() {
    let got = run("The Leader of Burnley Council, Councillor Afrasiab Anwar, has issued the following statement:\n\"What type of individual would undertake such outrageous actions in a place of reflection?\"");
    assert_eq!(
        got[0].1.as_deref(),
        Some("Councillor Afrasiab Anwar"),
        "{got:?}"
    );
    let got = run("The secretary of the Welsh Students Rugby Football Union, Reverend Eldon Phillips, said: \"It is a shame that fixtures cannot be maintained this year.\"");
    assert_eq!(got[0].1.as_deref(), Some("Eldon Phillips"), "{got:?}");
}

#[test]
fn a_press_office_speaks_for_its_body() {
    let got = run("(UPS corporate communications said of the incident, \"We respect our employees’ rights to assemble.\")\nThe Kremlin press service said: \"The talks will go on as planned next week in Geneva.\"");
    let speakers: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(speakers, [Some("UPS"), Some("Kremlin")], "{got:?}");
}

/// A participle after a few quoted words hangs on the subject between them and it, not on
/// the one who began the sentence (a rule that read the sentence back past the quoted
/// words took Tom Smith).
#[test]
fn a_participle_after_quoted_words_hangs_on_the_subject_after_them() {
    let got = run("Tom Smith called the result “a disgrace” and Anna Jones agreed, adding that it was “a shambles”.");
    let shambles = got
        .iter()
        .find(|(q, _)| q == "a shambles")
        .expect("quote found");
    assert_eq!(shambles.1.as_deref(), Some("Anna Jones"), "{got:?}");
}

/// A place named alone is the place, not the last word of a company's name the story
/// gave before (`Florida` was read as `Harbour Florida`, and `she` went to it).
#[test]
fn a_place_named_alone_is_not_the_surname_of_a_company() {
    let got = run("Booking insider Tom Price, head of sales at Harbour Florida, shared the best times to book.\nMarketing manager at Harbour Florida Jane Cole shared her tips.\nJane said: \"Buy the park tickets when you book the flights, not later.\"\nThe Florida fan explained: \"Stay an odd number of nights to save money.\"\nFly elsewhere\nShe noted: \"Fly to a smaller airport nearby if you can find one.\"");
    let last = got.last().expect("quotes found");
    assert_eq!(last.1.as_deref(), Some("Jane Cole"), "{got:?}");
}

/// A name between commas after a body named with `of` is the body's person, not one
/// more name in a list of objects (`Computer specialist at the IAEA, Peter Smith, would
/// like ...` was read like `competition from Bernal, Jamie Foxx and ...`).
#[test]
fn a_name_after_a_title_with_of_is_the_subject_not_a_list() {
    let got = run("Head of Research at the Institute of Physics, Anna Berg, would like faster machines. \"We could model a whole reactor in a day,\" she said.");
    assert_eq!(got[0].1.as_deref(), Some("Anna Berg"), "{got:?}");
    // A list stays a list: none of its names is the sentence's subject.
    let got = run("The film beat competition from Bernal, Jamie Foxx and Kate Winslet to win the \"best picture of the year\" award.");
    assert!(got.iter().all(|(_, s)| s.is_none()), "{got:?}");
}

/// A paragraph ending in a reporting verb and a colon introduces the quote after it,
/// spoken by the subject of its sentence however far from the verb.
#[test]
fn a_colon_after_said_hands_the_next_paragraph_to_the_sentence_subject() {
    let got = run("Minister of Water Affairs, Thabo Lekhanya, would not confirm whether the ministry knew and only said:\n“Ask them to send a formal complaint to the ministry”.");
    assert_eq!(got[0].1.as_deref(), Some("Thabo Lekhanya"), "{got:?}");
}

/// After the quote, a role led by an article and the name between commas, then the verb.
#[test]
fn a_role_then_a_name_between_commas_after_the_quote_is_the_speaker() {
    let got = run("“These obligations allow every relief agency to carry on its work,” the UN undersecretary general for legal affairs, Ingrid Dahl, told the court.");
    assert_eq!(got[0].1.as_deref(), Some("Ingrid Dahl"), "{got:?}");
}

/// A subject and its verb ending the sentence a quote stands in the middle of.
#[test]
fn a_subject_and_verb_ending_the_sentence_attribute_a_quote_inside_it() {
    let got = run("The coastguard ship also “made dangerous turns and tried to block the way” of the fishing boat, which was on patrol, the bureau said.\nThe outlook for next year looks “very favourable indeed” thanks to new contracts, Brightline Media said.");
    let speakers: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("bureau"), Some("Brightline Media")],
        "{got:?}"
    );
}

/// A paragraph of quote after one where `he said` stands inside a sentence is his.
#[test]
fn a_paragraph_of_quote_after_he_said_inside_a_sentence_is_his() {
    let got = run("Former councillor Tom Baxter said the villagers had raised their concerns many times.\nEven more worrying, he said, is that the lease was renewed without a meeting.\n“How does a lease get renewed for a company that never kept its word?”");
    assert_eq!(got[0].1.as_deref(), Some("Tom Baxter"), "{got:?}");
}

/// Someone a quote talks about is not its speaker: `he` passes over a person the quote
/// names in full or by first name (`Leslie’s`).
#[test]
fn he_is_not_the_person_the_quote_names() {
    let got = run("Leslie Field runs a consulting company in California.\nIn 2015, Field gave a talk at the space centre and met its associate director, Steven Zornetzer, a former neuroscientist. “Leslie’s insight was that we could slow the melting of the ice,” he told me.");
    assert_eq!(got[0].1.as_deref(), Some("Steven Zornetzer"), "{got:?}");
}

/// A person named from a press office speaks for it in person.
#[test]
fn a_person_from_a_press_office_is_the_speaker() {
    let got = run("When asked about the long shifts, Matthew Olsen from Acme corporate communications said, “We don’t want anyone to work six days in a row unless they want to.”");
    assert_eq!(got[0].1.as_deref(), Some("Matthew Olsen"), "{got:?}");
}

/// Guillemets pointing inwards, as Danish, Swedish and German print them, pair `»` with
/// `«`; French ones stay `«` with `»`.
#[test]
fn inward_guillemets_pair_the_other_way() {
    let paras: Vec<String> = [
        "»Vi skal smage på verden. Hvis vi ikke smager, lærer vi ingenting,« siger hun med et smil.",
        "« Nous allons reconstruire le pont avant l'hiver », a déclaré le maire.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let texts: Vec<String> = quotes(&paras).into_iter().map(|q| q.text).collect();
    assert_eq!(
        texts,
        [
            "Vi skal smage på verden. Hvis vi ikke smager, lærer vi ingenting,",
            "Nous allons reconstruire le pont avant l'hiver",
        ],
        "{texts:?}"
    );
}

/// A body's name joined by `for` or `of` speaks whole through its spokesman.
#[test]
fn a_spokeswoman_of_a_body_named_with_for_speaks_for_all_of_it() {
    let got = run("A Department for Rural Affairs spokeswoman said: \"Judges are free to decide for themselves whether to sit on inquiries.\"");
    assert_eq!(
        got[0].1.as_deref(),
        Some("Department for Rural Affairs"),
        "{got:?}"
    );
}

/// A fragment of two or three words inside what a reporting verb reports is the verb's
/// subject's (the name just before the verb); not after a common noun, a passive verb or
/// someone unnamed.
#[test]
fn a_short_fragment_in_a_reported_clause_table() {
    let cases: &[(&str, Option<&str>)] = &[
        ("On Sunday, Mr Lammy said the couple had accepted the clothes so they could “look their best” at state events.", Some("Lammy")),
        ("Among the volunteers was councillor Margaret Clarke, who said those responsible had shown “stone age thinking”.", Some("Margaret Clarke")),
        ("Her sister, Tracey Lomax, recently told reporters she “really wanted” him to stay in jail.", Some("Tracey Lomax")),
        ("Film distributors have hailed the conviction as “a major boost” for the trade.", None),
        ("The network has been criticised for “incessant sleaze” by campaigners.", None),
        ("The technology has been described as “3G on steroids” by analysts.", None),
        ("Until someone tells me “the radio's off” I keep singing.", None),
        // `He` opening the sentence is the man named before.
        ("Gordon Brown spoke in Leeds on Monday.\nHe said the rates would stay “low and sustainable” this year.", Some("Gordon Brown")),
        // Named inside a phrase of the subject: not the subject.
        ("The study, led by Professor John Smith, said the drug was “highly effective” in trials.", None),
        ("Supporters of the bill, including Senator Jane Doe, said it was “long overdue” for reform.", None),
        // ... unless a relative clause makes the name the subject.
        ("The talks were pre-empted by French President Jacques Chirac, who announced he had a “special message” for them.", Some("Jacques Chirac")),
    ];
    for (text, want) in cases {
        let got = run(text);
        match want {
            Some(who) => {
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert!(
                    got[0].1.as_deref().is_some_and(|s| s.ends_with(who)),
                    "{text}: {got:?}"
                );
            }
            None => assert!(got.is_empty(), "{text}: {got:?}"),
        }
    }
}

/// A possessor is never the subject of a reporting verb (`Mr Lammy’s comments` is no
/// name and verb), and a participle after a quote that did not end its sentence hangs on
/// the sentence's subject, not on a name in the words since the quote.
#[test]
fn possessors_and_participles_after_a_fragment_table() {
    let cases: &[(&str, &[Option<&str>])] = &[
        (
            "Labour leader Sir Keir Starmer met David Lammy on Friday.\nAsked what he made of Mr Lammy’s comments, Keir Starmer said: “We should not have a budget for it at all.”",
            &[Some("Keir Starmer")],
        ),
        (
            "On Sunday, Mr Lammy said the couple had accepted the clothes so they could “look their best” to represent the UK, adding that the US had a “huge budget from the taxpayer” for its leaders.",
            &[Some("Lammy"), Some("Lammy")],
        ),
        (
            // Found (a role keeps its possessor), with no one named to be the spokesman.
            "The band's spokesman said that they would review their remaining dates on a \"day-to-day basis\", based on advice.",
            &[None],
        ),
    ];
    for (text, want) in cases {
        let got = run(text);
        assert_eq!(got.len(), want.len(), "{text}: {got:?}");
        for ((_, who), want) in got.iter().zip(*want) {
            let ok = match (who, want) {
                (Some(w), Some(x)) => w.ends_with(x),
                (None, None) => true,
                _ => false,
            };
            assert!(ok, "{text}: {got:?}");
        }
    }
}

/// Titles abbreviated with a full stop (`Rep.`, `Sen.`) end no sentence, and a name after
/// a title in capitals longer than a name (`Senate Majority Leader Chuck Schumer`) is the
/// name: US political copy (`Sen` and `Rep` alone had been given as speakers).
#[test]
fn us_titles_and_party_affiliations_table() {
    let cases: &[(&str, &str)] = &[
        ("\"We will not let this pass without a fight,\" said Rep. Kevin McCarthy, R-Calif., the House minority leader.", "Kevin McCarthy"),
        ("\"This is a matter of basic fairness,\" Sen. Elizabeth Warren, D-Mass., said in a statement.", "Elizabeth Warren"),
        ("\"There is no deal yet,\" Senate Majority Leader Chuck Schumer, D-N.Y., told reporters Wednesday.", "Chuck Schumer"),
        ("\"We are watching the border closely,\" Homeland Security Secretary Alejandro Mayorkas said.", "Alejandro Mayorkas"),
        ("\"I'm not pleased,\" Jefferson Parish Sheriff Harry Lee said.", "Harry Lee"),
    ];
    for (text, want) in cases {
        let got = settled(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1.as_deref(), Some(*want), "{text}: {got:?}");
    }
    // A long body's name with no title in it is no title and a person.
    let got = run(
        "\"We need more ambulances on the road tonight,\" London Ambulance Service NHS Trust said.",
    );
    assert!(
        got.iter()
            .all(|(_, who)| who.as_deref() != Some("Service NHS Trust")),
        "{got:?}"
    );
}

/// The quotes of `text` with their speakers settled as `extract` gives them: the person's
/// name, and the title the text gave them.
pub(super) fn settled(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let paras: Vec<String> = text.lines().map(str::to_string).collect();
    let mut got = quotes(&paras);
    crate::extract::speakers::settle(&mut got);
    got.into_iter()
        .map(|q| (q.text, q.speaker, q.role))
        .collect()
}

/// Regression: a title of several words before a name and a home state after it gave the
/// wrong end of the run (`State Marco Rubio`, `Kentucky`, `Maine`), or, with `Jr.` or an
/// apposition before the verb, no speaker or the one before.
#[test]
fn long_titles_and_home_states_give_the_person_and_the_title() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("\"We will not stand by,\" Secretary of State Marco Rubio said in a statement.", "Marco Rubio", Some("Secretary of State")),
        ("\"The bill is dead,\" Senate Minority Leader Mitch McConnell of Kentucky said.", "Mitch McConnell", Some("Senate Minority Leader")),
        ("Sen. Susan Collins of Maine said she was \"deeply troubled by the decision.\"", "Susan Collins", None),
        ("Health and Human Services Secretary Robert F. Kennedy Jr. said the vaccines \"will remain available to every family.\"", "Robert F. Kennedy Jr", Some("Health and Human Services Secretary")),
        ("\"We will win back the House,\" Rep. Hakeem Jeffries of New York, the House Democratic leader, said.", "Hakeem Jeffries", None),
        ("U.S. Attorney for the District of Columbia Jeanine Pirro said her office \"will prosecute every case.\"", "Jeanine Pirro", Some("U.S. Attorney for the District of Columbia")),
        ("\"We are deeply concerned,\" European Commission President Ursula von der Leyen said.", "Ursula von der Leyen", Some("European Commission President")),
        ("\"We have the votes,\" House Speaker Mike Johnson said.", "Mike Johnson", Some("House Speaker")),
        ("\"We will appeal,\" Texas Gov. Greg Abbott said.", "Greg Abbott", Some("Texas Gov")),
    ];
    for (text, name, role) in cases {
        let got = settled(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1.as_deref(), Some(*name), "{text}: {got:?}");
        assert_eq!(got[0].2.as_deref(), *role, "{text}: {got:?}");
    }
}

/// `He said Mr Makama later subleased ...`, then `Mr Makama then sold ...`, then a quote
/// `he said`: the man whose account the story gives is still speaking; the one he talks
/// about, named by the paragraph before, has not spoken (it had taken Mr Makama). A name
/// leading the paragraph before a `he said` quote with no `He said` before it still wins.
#[test]
fn he_said_goes_on_with_the_account_not_the_man_it_names() {
    let account = "Former councillor Seabata Moeketsi said the lease was issued to one Mr Makama of Maseru.\nHe said Mr Makama later subleased the operation to China Geo.\nMr Makama then sold the lease to Moruo.\n\"The four years have passed without any development at all,\" he said.";
    let got = run(account);
    assert_eq!(got[0].1.as_deref(), Some("Seabata Moeketsi"), "{got:?}");
    let without_chain = account.replace("He said Mr Makama later", "Mr Makama later");
    let got = run(&without_chain);
    assert_eq!(got[0].1.as_deref(), Some("Makama"), "{got:?}");
}

/// A name between `the` and a common noun modifies the noun (`The Florida fan`, `the
/// WRAZ-TV Fox affiliate`): no person is named there, so the speaker is whom the noun
/// stands for, here the last one quoted (`Florida` was taken, when a later `Florida
/// Holidays` made it look like a first name). A name before a verb (`the Beatles were`) is
/// still named.
#[test]
fn a_name_that_modifies_a_noun_is_not_the_speaker() {
    let florida = "Abby Dunn works for Ocean Florida. Abby said: \"Book the park tickets early.\"\nThe Florida fan explained: \"Try and be flexible with your departure date.\"\nIf you are looking for Florida Holidays, ask Ocean Florida.";
    let got = run(florida);
    assert_eq!(got[1].1.as_deref(), Some("Abby Dunn"), "{got:?}");
    let got = run("The Beatles were in Hamburg in 1960. \"We played eight hours a night,\" said Lennon.\n\"It was the making of us,\" the Beatles said.");
    assert_eq!(got[1].1.as_deref(), Some("Beatles"), "{got:?}");
}

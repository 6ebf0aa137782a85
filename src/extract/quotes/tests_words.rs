//! Tests of quote attribution's general knowledge of words: WordNet's nouns for people
//! and things, an age in apposition, present-tense reporting verbs, `it` after a body
//! speaking (table-driven, on short texts; `tests.rs` holds the rest).

use super::tests::{run, settled};

/// Nouns whose main sense is a person (WordNet's, not only the roles of a hand-made list)
/// make a role: the name after them is the speaker and the name before them is no one
/// (`BBC Two controller`, `Fletcher's daughter Jill`), `the feminist writer and
/// broadcaster` is whom the story is about; a demonym before a title does not take the
/// title into the name, and a role after a person and a preposition is the body's.
#[test]
fn a_noun_whose_main_sense_is_a_person_is_a_role_table() {
    for (text, want) in [
        (
            "The show moves to BBC Two. BBC Two controller Roly Keating: \"It's an exciting new era for the show.\"",
            "Roly Keating",
        ),
        (
            "Comedian Cyril Fletcher has died aged 91. Fletcher's daughter Jill said her father would be sorely missed. \"He was greatly loved by the public,\" she said.",
            "Jill",
        ),
        (
            "Germaine Greer has criticised Big Brother after quitting the show. The feminist writer and broadcaster said Big Brother had behaved \"like a child rather than a parent\" by taunting its contestants.",
            "Germaine Greer",
        ),
        (
            "\"This is one of the most important projects for the region,\" said Albanian Prime Minister Fatos Nano.",
            "Fatos Nano",
        ),
        (
            "\"People like to have a vested interest in what they're watching,\" said Paul Dergarabedian of box office tracker Exhibitor Relations.",
            "Paul Dergarabedian",
        ),
    ] {
        let got = settled(text);
        assert_eq!(got.last().and_then(|q| q.1.as_deref()), Some(want), "{text}\n{got:?}");
    }
}

/// A name that ends on a noun for a place or a thing (`Brick Lane`, `New Year`) is not
/// who `he` stands for, unless the story gives its last word an honorific (`Mr Pin`
/// makes `Kang Shao Pin` a person, whatever a pin is).
#[test]
fn a_name_ending_on_a_place_or_a_thing_is_no_one_table() {
    for (text, want) in [
        (
            "Speaking from a cafe in Brick Lane, east London, Mr Galloway said he had accepted.\nHe added: \"Here in Bethnal Green there is a stooge MP. \"A stooge who will sing any song.\"",
            "Galloway",
        ),
        (
            "Voters will have a clear choice, said Charles Kennedy.\nIn his New Year message the leader said the parties relied on \"populist scares\".",
            "Charles Kennedy",
        ),
        (
            "Kang Shao Pin owns the mine. When contacted, Mr Pin denied the allegations. \"These are all lies,\" he said.",
            "Kang Shao Pin",
        ),
    ] {
        let got = run(text);
        assert_eq!(got.last().and_then(|q| q.1.as_deref()), Some(want), "{text}\n{got:?}");
    }
}

/// A name after a preposition is taken for a place (`on Mill Lane`) unless something
/// marks a person: an age in apposition does (`According to Amina Salum, 34,`).
#[test]
fn an_age_after_a_name_marks_a_person_after_a_preposition() {
    let got = run("The council installed lights.\nAccording to Amina Salum, 34, after the 2016/2017 fiscal year, small traders started growing steadily. “It is because most of us, women, feel that nothing can harm us in places where there is light,” she adds.");
    assert_eq!(got[0].1.as_deref(), Some("Amina Salum"), "{got:?}");
}

/// Reporting verbs in the present tense as well as the past (`the economist replies`,
/// `Yukos maintains`, `he jokes`).
#[test]
fn present_tense_reporting_verbs_table() {
    for (text, want) in [
        (
            "The Municipal’s economist Jeremiah Mbelu reveals that the council agreed to install 155 poles.\nAsked why the council spent so much, the economist replies, “Yes, it is expensive to install solar powered lights in the streets.”",
            "Jeremiah Mbelu",
        ),
        (
            "Yukos maintains that the forced auction is illegal and \"will cause the company to suffer immediate and irreparable harm.\"",
            "Yukos",
        ),
    ] {
        let got = run(text);
        assert_eq!(got.last().and_then(|q| q.1.as_deref()), Some(want), "{text}\n{got:?}");
    }
}

/// `It` opening a paragraph is the body the last sentence before it has speaking
/// (`In its filing, Deutsche Bank said Houston was ...` ¶ `It also said ...`).
#[test]
fn it_is_the_body_speaking_in_the_sentence_before() {
    let got = run("Yukos has said it intends to seek damages. In its filing, Deutsche Bank said Houston was \"a jurisdiction in which Yukos owns no real or personal property.\"\nIt also said the court should not become involved in \"a tax dispute between the Federation and one of its corporate citizens\".");
    assert_eq!(
        got.last().and_then(|q| q.1.as_deref()),
        Some("Deutsche Bank"),
        "{got:?}"
    );
}

/// Regressions of the lexicon's reach: a `the <noun> said` whose noun is no person lets
/// a later one in the same sentence speak; a capitalised word counts only as a role (`Sir`
/// is a noun for a person, and starts a name); a number after a place is no age; a body's
/// agent noun (`the lender`) is the body.
#[test]
fn the_lexicon_reaches_no_further_than_people_table() {
    for (text, want) in [
        (
            "Mr Jones is the minister. The report said the minister had warned: \"We cannot go on like this.\"",
            Some("Jones"),
        ),
        (
            "\"Give us your money,\" said Sir Bob Geldof, Live Aid.",
            Some("Bob Geldof"),
        ),
        (
            "Police arrested a man in Paris, 2,000 people marched. \"It was a peaceful day,\" he said.",
            None,
        ),
        (
            "Northern Rock has asked for help. \"We are solvent,\" the lender said.",
            Some("Northern Rock"),
        ),
    ] {
        let got = run(text);
        assert_eq!(got.last().and_then(|q| q.1.as_deref()), want, "{text}\n{got:?}");
    }
}

/// Regression: `she` took the first person of the sentence before whatever their given
/// name, and a possessor (`Sandra Lindsay's sister, Tracey Lomax`) before the one the
/// sentence names: the sister's words went to Sandra Lindsay, a lawyer's to his client.
#[test]
fn she_is_no_gary_and_a_possessor_is_not_who_speaks() {
    let cases: &[(&str, &str)] = &[
        (
            "Sandra Lindsay's sister, Tracey Lomax, told CNN she wanted Heidnik in jail. She said: \"I wanted him to do time.\"",
            "Tracey Lomax",
        ),
        (
            "Gary Heidnik's victims were named. Tracey Lomax told CNN she wanted him in jail. \"I wanted him to do time,\" she said.",
            "Tracey Lomax",
        ),
        // A given name of men and of women (`Jamie`) tells nothing; a `Gary` is still
        // `he` when no one else is near.
        (
            "Jamie Grant met Ann Lee. \"We agreed,\" she said.",
            "Jamie Grant",
        ),
        (
            "Gary Heidnik wrote to the court. \"I am innocent,\" he said.",
            "Gary Heidnik",
        ),
        // The story's honorific outranks the lexicon's `Jody`; a show is no person.
        (
            "Mr Jody Williams met Alex Jones in Paris. \"We agreed,\" he said.",
            "Jody Williams",
        ),
        (
            "Peter Kay's new show Phoenix Nights returns. \"It is back,\" he said.",
            "Peter Kay",
        ),
        (
            "Kenteris's lawyer, Gregory Ioannidis, said: \"The decision means he is free.\"",
            "Gregory Ioannidis",
        ),
        // No noun names him: `Gerrard's view that Rafael ...` leaves Gerrard a possessor
        // of a view, and the sentence's subject speaks.
        (
            "Jose Mourinho backed Gerrard's view that Rafael Benitez's team could struggle. \"Rafa has time,\" he said.",
            "Jose Mourinho",
        ),
    ];
    for (text, want) in cases {
        let got = settled(text);
        assert_eq!(
            got.last().and_then(|q| q.1.as_deref()),
            Some(*want),
            "{text}"
        );
    }
}

/// Regression: words a document says went to no one or to the title of the document
/// (`Solar Street Lighting`) when the sentence said whose it was: `according to a study by
/// X` is X's, as `X's report said` is.
#[test]
fn according_to_a_document_by_its_author() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "According to study conducted by Teri Allery of North Dakota State University titled ‘Solar Street Lighting: Using Renewable Energy’ in 2018, street lighting has been around “since humans began living together.”",
            Some("Teri Allery"),
        ),
        (
            "According to a study by Teri Allery in 2018, street lighting has been around “since humans began living together.”",
            Some("Teri Allery"),
        ),
        (
            "The plan is “deeply flawed”, according to a report by Amnesty International.",
            Some("Amnesty International"),
        ),
        // No document, or someone else named before the quote: not the author's words.
        (
            "According to Wikipedia, the term “fake news” is old.",
            None,
        ),
        (
            "According to a study by Oxford University, researcher Jane Doe found people were “much happier than before”.",
            Some("Jane Doe"),
        ),
        // A name's modifier, or an author named after a description, is no author read.
        (
            "According to Israeli officials, the plan is “deeply flawed and late”.",
            None,
        ),
        (
            "\"Services will be vital for profits,\" according to a report published by UK-based research consultancy Analysys.",
            None,
        ),
    ];
    for (text, want) in cases {
        let got = settled(text);
        assert_eq!(got.last().and_then(|q| q.1.as_deref()), *want, "{text}");
    }
}

/// Regression: a long title before a name, then a reporting verb far from the quote
/// (`... said at yesterday's ceremony that ... had "..."`), gave the title as the speaker.
#[test]
fn a_long_title_far_from_the_quote_gives_the_person() {
    let text = "Philippine Marine Corps Commandant Major General Arturo Rojas said at yesterday’s opening ceremony in Manila that Kamandag was long planned and had “nothing to do with whatever is happening in the region.”";
    let got = settled(text);
    assert_eq!(got[0].1.as_deref(), Some("Arturo Rojas"));
    assert_eq!(
        got[0].2.as_deref(),
        Some("Philippine Marine Corps Commandant Major General")
    );
}

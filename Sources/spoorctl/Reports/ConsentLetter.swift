/// The information letter that goes with a question for consent, in plain Dutch (B1: short
/// sentences, common words): what CoMensha is, what would be sent and for what, what it brings the
/// youth, and how to say no or take a yes back. It never says "slachtoffer": the research found
/// that young people do not recognise themselves in the word, and that it feeds their refusal.
/// It names nobody: the professional hands it over with the question.
struct ConsentLetter {
    /// The party asked: the youth, or a parent, guardian or institution for the youth.
    let to: String
    let purposes: [String]

    private var youth: Bool { to == "youth" }
    private func say(_ toYouth: String, _ toParent: String) -> String { youth ? toYouth : toParent }

    var text: String {
        var lines = [
            say("# Mogen we je gegevens aan CoMensha geven?", "# Mogen we de gegevens van uw kind aan CoMensha geven?"), "",
            say("Beste jongere,", "Beste ouder of voogd,"), "",
            say("We maken ons zorgen over jou.", "We maken ons zorgen over uw kind."),
            say("Misschien dwingt iemand je om iets te doen.", "Misschien dwingt iemand uw kind om iets te doen."),
            say("Of iemand maakt misbruik van je.", "Of iemand maakt misbruik van uw kind."),
            say("Daarom vragen we iets aan jou.", "Daarom vragen we iets aan u."), "",
            "## Wat is CoMensha?", "",
            "CoMensha is een landelijke organisatie.",
            "Zij houdt bij hoe vaak dit in Nederland gebeurt.",
            "Zo kan de hulp beter worden.", "",
            "## Waarvoor vragen we het?", "",
        ]
        if purposes.contains("statistics") {
            lines += [
                say("We willen je gegevens aan CoMensha geven om te tellen.", "We willen de gegevens aan CoMensha geven om te tellen."),
                "Dan telt het mee in de cijfers van het hele land.",
            ]
        }
        if purposes.contains("care-coordination") {
            lines += [
                say("We willen CoMensha ook vragen om hulp voor je te regelen.", "We willen CoMensha ook vragen om hulp voor uw kind te regelen."),
                "Dat heet zorgcoördinatie.",
            ]
        }
        lines += [
            "", "## Wat sturen we?", "",
            say("We sturen je naam en je geboortedatum.", "We sturen de naam en de geboortedatum."),
            "We sturen ook het geslacht, de nationaliteit en het geboorteland.",
            "En we sturen welke zorg we hebben, zonder details.", "",
            say("## Wat heb jij eraan?", "## Wat heeft uw kind eraan?"), "",
        ]
        if purposes.contains("care-coordination") {
            lines.append(say("CoMensha kan zorgen dat de goede hulp bij je komt.", "CoMensha kan zorgen dat de goede hulp bij uw kind komt."))
        }
        lines += [
            "Door te tellen wordt de hulp voor alle jongeren beter.", "",
            say("## Je mag nee zeggen", "## U mag nee zeggen"), "",
            say("Zeg je nee? Dan sturen we je naam niet.", "Zegt u nee? Dan sturen we de naam niet."),
            "We tellen het dan alleen, zonder naam.",
            say("De hulp aan jou gaat gewoon door.", "De hulp aan uw kind gaat gewoon door."),
            say("Zeg je ja? Dan mag je later nog nee zeggen.", "Zegt u ja? Dan mag u later nog nee zeggen."),
            say("Zeg dat tegen je hulpverlener.", "Zeg dat tegen de hulpverlener."),
            "Dan laten wij het CoMensha weten.", "",
            say("Heb je vragen? Stel ze gerust aan je hulpverlener.", "Heeft u vragen? Stel ze gerust aan de hulpverlener."),
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
